import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../server/errors.js';
import { escapeText, fold, toIcs } from '../../server/analyses/ics.js';
import { defaultLockInWeights } from '../../server/analyses/lock-in.js';
import { addMonths } from '../../server/analyses/params.js';
import { duplicateSuppliers, editDistance } from '../../server/analyses/data-quality.js';
import { concentration } from '../../server/analyses/supplier-exposure.js';
import { getAnalysis } from '../../server/analyses/index.js';

const row = {
  uid: 'contract:gm1/c1', name: 'c1', organisation: 'gm1', supplierName: 'Acme; B.V., Nederland', end: '2027-03-31', noticeDeadline: '2027-02-28', autoRenew: true, annualValue: 100000,
  applications: [{ name: 'Zaaksysteem (één)', criticality: 'high' }, { name: 'Makelaar', criticality: 'critical' }],
};

describe('ics', () => {
  it('when rows are exported, then each contract is an all-day event on its end date and, when it renews automatically, one on its notice deadline, each with a reminder, in one language, with stable UIDs, CRLF lines and folding at 75 octets', () => {
    const ics = toIcs([row, { ...row, uid: 'contract:gm2/d1', name: 'd1', autoRenew: false }], new Date('2026-12-01T10:20:30.456Z'));
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    // d1 does not renew: nothing to cancel, so no notice event, only its end.
    expect(ics.match(/UID:.*/g)).toEqual(['UID:contract:gm1/c1-notice@roer', 'UID:contract:gm1/c1-end@roer', 'UID:contract:gm2/d1-end@roer']);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(3);
    // A reminder a month ahead in every event, inside it (RFC 5545 §3.6.6: ACTION, TRIGGER, and DESCRIPTION for DISPLAY).
    expect(ics.match(/BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;RELATED=START:-P30D\r\nDESCRIPTION:[^\r]+\r\n( [^\r]+\r\n)*END:VALARM\r\nEND:VEVENT/g)).toHaveLength(3);
    expect(ics).toContain('DTSTAMP:20261201T102030Z\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270228\r\nDTEND;VALUE=DATE:20270301\r\n');
    expect(ics).toContain('DTSTART;VALUE=DATE:20270331\r\nDTEND;VALUE=DATE:20270401\r\n');
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('X-WR-CALNAME:Roer: contractkalender\r\n');
    // The title says what happens that day, the contract named as the reports name it; one without stilzwijgende verlenging ends.
    expect(unfolded).toContain('SUMMARY:Opzeggen uiterlijk: Acme\\; B.V.\\, Nederland – Makelaar en Zaaksysteem (één) (c1)\r\n');
    expect(unfolded).toContain('SUMMARY:Contract verlengt stilzwijgend: Acme\\; B.V.\\, Nederland – Makelaar en Zaaksysteem (één) (c1)\r\n');
    expect(unfolded).toContain('SUMMARY:Contract loopt af\\, regel vervolg: Acme\\; B.V.\\, Nederland – Makelaar en Zaaksysteem (één) (d1)\r\n');
    expect(unfolded).toContain('DESCRIPTION:Leverancier: Acme\\; B.V.\\, Nederland\\nApplicaties: Zaaksysteem (één) (hoog)\\, Makelaar (kritiek)\\nUiterste opzegdatum: 28-02-2027\\nEinddatum: 31-03-2027\\nVerlenging: verlengt stilzwijgend als niet op tijd wordt opgezegd\\nJaarwaarde: €\u00a0100.000\\nOrganisatie: gm1');
    expect(unfolded).toContain('\\nVerlenging: geen stilzwijgende verlenging: loopt af op de einddatum\\n');
    const english = toIcs([row], new Date('2026-12-01T10:20:30.456Z'), { language: 'en' }).replace(/\r\n /g, '');
    expect(english).toContain('SUMMARY:Give notice by: Acme\\; B.V.\\, Nederland – Makelaar and Zaaksysteem (één) (c1)');
    expect(english).toContain('SUMMARY:Contract renews automatically: Acme\\; B.V.\\, Nederland – Makelaar and Zaaksysteem (één) (c1)');
    expect(english).toContain('Applications: Zaaksysteem (één) (high)\\, Makelaar (critical)\\nNotice deadline: 28 Feb 2027\\nEnd date: 31 Mar 2027');
    expect(toIcs([row], new Date('2027-01-01T00:00:00Z')).match(/UID:.*/g)).toEqual(ics.match(/UID:.*/g)!.slice(0, 2));
  });

  it('when a notice deadline has passed, then it gets no event (it can no longer be met), and the end date keeps its own', () => {
    // By the analysis's reference date when the row has it, else by the file's date.
    const uids = (ics: string) => ics.match(/UID:.*/g);
    expect(uids(toIcs([{ ...row, daysToNoticeDeadline: -1 }], new Date('2026-12-01T00:00:00Z')))).toEqual(['UID:contract:gm1/c1-end@roer']);
    expect(uids(toIcs([row], new Date('2027-03-01T00:00:00Z')))).toEqual(['UID:contract:gm1/c1-end@roer']);
    expect(uids(toIcs([row], new Date('2027-02-28T00:00:00Z')))).toEqual(['UID:contract:gm1/c1-notice@roer', 'UID:contract:gm1/c1-end@roer']);
  });

  it('when a contract renewed already, then its events say so and name the end date written in the contract', () => {
    const renewed = toIcs([{ ...row, end: '2027-09-06', noticeDeadline: '2027-06-06', renewed: true, contractEnd: '2026-09-06' }], new Date('2026-12-03T10:00:00Z')).replace(/\r\n /g, '');
    expect(renewed).toContain('Verlenging: al stilzwijgend verlengd\\; de einddatum volgens het contract was 06-09-2026');
    expect(renewed).toContain('DTSTART;VALUE=DATE:20270906\r\n');
  });

  it('when a line holds multi-byte characters, then folding never splits one', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = fold(line);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });
});

describe('calendar months', () => {
  it('when months are subtracted from a month end, then the day is clamped like Neo4j does', () => {
    expect(addMonths('2027-03-31', -1)).toBe('2027-02-28');
    expect(addMonths('2028-03-31', -1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });
});

// Weights stored in the database (the admin endpoint): tests/server/audit-settings.test.ts.
describe('lock-in weights', () => {
  it('when nothing is configured, then the documented defaults apply and sum to 100', () => {
    const weights = defaultLockInWeights({});
    expect(Object.values(weights.weights).reduce((a, b) => a + b, 0)).toBe(100);
    expect(weights.remainingYearsCap).toBe(5);
  });

  it('when ROER_LOCKIN_WEIGHTS names a file, then its weights are used, and a bad file is refused with its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'roer-weights-'));
    const file = join(dir, 'weights.json');
    const defaults = defaultLockInWeights({});
    writeFileSync(file, JSON.stringify({ ...defaults, weights: { ...defaults.weights, outsideEu: 40 } }));
    expect(defaultLockInWeights({ ROER_LOCKIN_WEIGHTS: file }).weights.outsideEu).toBe(40);
    writeFileSync(file, JSON.stringify({ weights: { outsideEu: 'veel' } }));
    expect(() => defaultLockInWeights({ ROER_LOCKIN_WEIGHTS: file })).toThrow(InputError);
    expect(() => defaultLockInWeights({ ROER_LOCKIN_WEIGHTS: file })).toThrow(/weights\.json/);
  });
});

describe('helpers', () => {
  it('when names differ by a few edits, then only close enough names of sufficient length are duplicates', () => {
    expect(editDistance('centric', 'centrik')).toBe(1);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    const pairs = duplicateSuppliers([
      { uid: 'supplier:a', name: 'Centric', normalizedName: 'centric' },
      { uid: 'supplier:b', name: 'Centrik', normalizedName: 'centrik' },
      { uid: 'supplier:c', name: 'IBM', normalizedName: 'ibm' },
      { uid: 'supplier:d', name: 'HP', normalizedName: 'hp' },
      { uid: 'supplier:e', name: 'Acme Software', normalizedName: 'acme software' },
      { uid: 'supplier:f', name: 'Acme Softwear', normalizedName: 'acme softwear' },
      { uid: 'supplier:g', name: 'Regio 12', normalizedName: 'regio 12' },
      { uid: 'supplier:h', name: 'Regio 13', normalizedName: 'regio 13' },
    ]);
    expect(pairs.map(p => [p.a.uid, p.b.uid, p.distance])).toEqual([['supplier:a', 'supplier:b', 1], ['supplier:e', 'supplier:f', 2]]);
  });

  it('when the market is split evenly or held by one, then HHI is 10,000/n or 10,000 and bands follow the thresholds', () => {
    expect(concentration(new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1], ['e', 1], ['f', 1], ['g', 1], ['h', 1], ['i', 1], ['j', 1]]))).toMatchObject({ hhi: 1000, cr1: 10, cr3: 30, band: 'unconcentrated' });
    expect(concentration(new Map([['a', 5]]))).toMatchObject({ hhi: 10000, band: 'high' });
    expect(concentration(new Map([['a', 1], ['b', 1], ['c', 1], ['d', 1], ['e', 1]]))).toMatchObject({ hhi: 2000, band: 'moderate' });
    expect(concentration(new Map([['a', 0]]))).toMatchObject({ hhi: null, band: null });
  });
});

describe('parameters', () => {
  it('when query-string values arrive, then they are coerced, and bad values are refused with the field named', () => {
    const impact = getAnalysis('impact')!.params;
    expect(impact.parse({ node: ' supplier:s1 ', maxHops: '3', organisation: ['gm1', 'org:gm2,gm3'] })).toEqual({ node: 'supplier:s1', maxHops: 3, organisation: ['gm1', 'gm2', 'gm3'], boundary: false });
    // Without maxHops, impact follows dependencies to the end.
    expect(impact.parse({ node: 'supplier:s1' })).toEqual({ node: 'supplier:s1', organisation: null, boundary: false });
    expect(impact.parse({ node: 'supplier:s1', organisation: 'gm1', boundary: 'true' })).toMatchObject({ boundary: true });
    expect(impact.safeParse({ node: 'supplier:s1', maxHops: 'ten' }).error?.issues[0].path).toEqual(['maxHops']);
    expect(impact.safeParse({}).error?.issues[0].path).toEqual(['node']);
    const calendar = getAnalysis('contract-calendar')!.params;
    expect(calendar.safeParse({ today: '2027-02-30' }).error?.issues[0].path).toEqual(['today']);
    expect(calendar.parse({ from: '', to: '2027-01-31' })).toEqual({ organisation: null, from: undefined, to: '2027-01-31', today: undefined, critical: false, minLockIn: 0 });
    expect(calendar.parse({ critical: 'ja', minLockIn: '50' })).toEqual(expect.objectContaining({ critical: true, minLockIn: 50 }));
    const lockIn = getAnalysis('lock-in')!.params;
    expect((lockIn.parse({ weights: '{"weights":{"outsideEu":30}}' }) as { weights: unknown }).weights).toEqual({ weights: { outsideEu: 30 } });
    expect(lockIn.safeParse({ weights: '{not json' }).success).toBe(false);
    expect(lockIn.safeParse({ level: 'group' }).error?.issues[0].path).toEqual(['level']);
  });
});
