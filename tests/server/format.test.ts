// Figures as people read them, the same on paper, in spreadsheets and on screen.
import { dutchDay, dutchDayStart, formatDate, formatMoney, formatNumber, formatPercent } from '../../server/format.js';
import { columnName } from '../../server/labels.js';
import { columnType, formatValue } from '../../server/exports/columns.js';

const nbsp = (text: string) => text.replace(/\u00a0/g, ' ');

describe('format', () => {
  it('when a moment is given its day, then it is the day in the Netherlands, winter and summer, and a day starts at its midnight there', () => {
    // A nightly import at 00:30 there is on the day its time is shown with.
    expect(dutchDay('2026-12-05T23:30:00Z')).toBe('2026-12-06');
    expect(dutchDay('2026-12-05T22:59:59Z')).toBe('2026-12-05');
    expect(dutchDay('2026-07-14T22:30:00Z')).toBe('2026-07-15');
    expect(dutchDay('2026-07-14T21:59:00Z')).toBe('2026-07-14');
    expect(() => dutchDay('gisteren')).toThrow(/Not a moment/);
    expect(dutchDayStart('2026-12-06').toISOString()).toBe('2026-12-05T23:00:00.000Z');
    expect(dutchDayStart('2026-07-15').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    // The days the clock changes (at 01:00 UTC), and the days after: each starts at its own midnight there.
    expect(dutchDayStart('2027-03-28').toISOString()).toBe('2027-03-27T23:00:00.000Z');
    expect(dutchDayStart('2027-03-29').toISOString()).toBe('2027-03-28T22:00:00.000Z');
    expect(dutchDayStart('2027-10-31').toISOString()).toBe('2027-10-30T22:00:00.000Z');
    expect(dutchDayStart('2027-11-01').toISOString()).toBe('2027-10-31T23:00:00.000Z');
  });

  it('when money, numbers, shares and dates are written in Dutch, then as € 1.503.890, 1.234,5, 12,2% and 31-03-2027', () => {
    expect(nbsp(formatMoney(1503889.77, 'nl'))).toBe('€ 1.503.890');
    expect(nbsp(formatMoney(-25, 'nl'))).toBe('€ -25');
    expect(formatNumber(1234.5, 'nl', 1)).toBe('1.234,5');
    expect(formatNumber(62, 'nl', 1, true)).toBe('62,0');
    expect(formatPercent(12.17, 'nl')).toBe('12,2%');
    expect(formatDate('2027-03-31', 'nl')).toBe('31-03-2027');
    expect(formatDate('2026-12-03T11:07:33.612Z', 'nl')).toBe('03-12-2026');
    expect(formatDate('morgen', 'nl')).toBe('morgen');
    expect(formatMoney(null, 'nl')).toBe('');
  });

  it('when they are written in English, then as €1,503,890, 12.2% and 31 Mar 2027', () => {
    expect(formatMoney(1503889.77, 'en')).toBe('€1,503,890');
    expect(formatPercent(12.17, 'en')).toBe('12.2%');
    expect(formatDate('2027-03-31', 'en')).toBe('31 Mar 2027');
  });

  it('when a column is named, then in words, nested columns with their context, factors by what they measure', () => {
    expect(columnName('contractValueShare', 'nl')).toBe('Aandeel contractwaarde');
    expect(columnName('contractValue.hhi', 'nl')).toBe('HHI (contractwaarde per jaar)');
    expect(columnName('noExitPlanContribution', 'nl')).toBe('Bijdrage: geen exitplan');
    expect(columnName('noticeDeadline', 'en')).toBe('Notice deadline');
  });

  it('when a value is written for people, then by its column: euros, words for codes, names for ids', () => {
    const names = { node: (uid: string) => (uid === 'supplier:s1' ? 'Acme B.V.' : undefined), organisation: () => undefined };
    expect(nbsp(formatValue(columnType('annualValue', 1), 1234.56, 'nl'))).toBe('€ 1.235');
    expect(formatValue(columnType('criticality', 'high'), 'high', 'nl')).toBe('hoog');
    expect(formatValue(columnType('organisation', 'gemeente-roerdam'), 'gemeente-roerdam', 'nl')).toBe('Gemeente Roerdam');
    // the exposure's rows across the chosen organisations are marked '*'
    expect(formatValue(columnType('organisation', '*'), '*', 'nl')).toBe('Alle gekozen organisaties');
    expect(formatValue(columnType('organisation', '*'), '*', 'en')).toBe('All chosen organisations');
    expect(formatValue(columnType('suppliers', []), ['supplier:s1', 'supplier:s9'], 'nl', names)).toBe('Acme B.V., s9');
    expect(formatValue(columnType('interface', 'interface:gm1/if-7'), 'interface:gm1/if-7', 'nl', names)).toBe('if-7');
    expect(formatValue(columnType('applications', []), [{ name: 'Zaak', criticality: 'critical' }], 'nl')).toBe('Zaak (kritiek)');
    expect(formatValue(columnType('band', 'high'), 'high', 'en')).toBe('highly concentrated');
    expect(formatValue(columnType('overdue', true), true, 'nl')).toBe('ja');
  });
});
