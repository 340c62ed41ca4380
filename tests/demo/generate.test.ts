import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { generateLandscape, REFERENCE_DATE, writeGeneratedCsv, writeLandscapeCsv } from '../../importers/demo/generate.js';
import { normalizeSupplierName } from '../../importers/load.js';
import { COLUMNS, Landscape, TABLES, type TableName } from '../../importers/model.js';
import { isOpenStandard } from '../../importers/open-standards.js';
import { integrityProblems } from './integrity.js';

const municipality = generateLandscape({ size: 'municipality' });
const region = generateLandscape({ size: 'region' });
const country = generateLandscape({ size: 'country' });

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'roer-demo-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach(dir => rmSync(dir, { recursive: true, force: true })));

const bytes = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map(file => [file, readFileSync(join(dir, file), 'utf8')]));
const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};
const perOrganisation = (landscape: Landscape) => [...countBy(landscape.applications, a => a.organisation).values()];

/** Reads CSV files back the way a user's file is read: header aliases, delimiter, BOM. */
function readBack(dir: string, delimiter: string): Landscape {
  const canonical = (table: TableName, header: string) => {
    const wanted = header.toLowerCase().replace(/[\s_-]/g, '');
    for (const [column, aliases] of Object.entries(COLUMNS[table])) {
      if ([column, ...aliases].some(name => name.toLowerCase() === wanted)) return column;
    }
    throw new Error(`unknown header ${header} in ${table}`);
  };
  const raw = Object.fromEntries(
    TABLES.map(table => {
      const records = parse(readFileSync(join(dir, `${table}.csv`)), { delimiter, bom: true, columns: header => header.map((h: string) => canonical(table, h)) });
      return [table, records];
    }),
  );
  return Landscape.parse(raw);
}

describe('demo generator', () => {
  it('when the same seed is written twice, then the CSV files are byte for byte identical', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await writeLandscapeCsv(generateLandscape({ size: 'region', seed: 7 }), a);
    await writeLandscapeCsv(generateLandscape({ size: 'region', seed: 7 }), b);
    await writeLandscapeCsv(generateLandscape({ size: 'region', seed: 8 }), c);
    expect(bytes(a)).toEqual(bytes(b));
    expect(bytes(c)['applications.csv']).not.toEqual(bytes(a)['applications.csv']);
  });

  it('when generating while writing (streaming), then the bytes equal writing the landscape held in memory', async () => {
    for (const dialect of ['en', 'nl'] as const) {
      const [streamed, whole] = [tempDir(), tempDir()];
      const counts = await writeGeneratedCsv({ size: 'region' }, streamed, { dialect });
      await writeLandscapeCsv(region, whole, { dialect });
      expect(bytes(streamed)).toEqual(bytes(whole));
      expect(counts.applications).toBe(region.applications.length);
    }
  });

  it('when the committed example files are compared with a fresh generation, then they are up to date', async () => {
    for (const [folder, dialect] of [['gemeente-roerdam', 'en'], ['gemeente-roerdam-nl', 'nl']] as const) {
      const dir = tempDir();
      await writeLandscapeCsv(municipality, dir, { dialect });
      expect(bytes(new URL(`../../importers/demo/data/${folder}`, import.meta.url).pathname)).toEqual(bytes(dir));
    }
  });

  it('when a municipality is generated, then its sizes are those of a real municipality', () => {
    const { suppliers, applications, interfaces, contracts } = municipality;
    expect(new Set(applications.map(a => a.organisation))).toEqual(new Set(['gemeente-roerdam']));
    expect(applications.length).toBeGreaterThanOrEqual(380);
    expect(applications.length).toBeLessThanOrEqual(420);
    expect(suppliers.length).toBeGreaterThanOrEqual(110);
    expect(suppliers.length).toBeLessThanOrEqual(130);
    expect(new Set(suppliers.map(s => s.group).filter(Boolean)).size).toBeGreaterThanOrEqual(3);
    expect(interfaces.length).toBeGreaterThanOrEqual(1000);
    expect(interfaces.length).toBeLessThanOrEqual(1500);
    expect(contracts.length).toBeGreaterThanOrEqual(180);
    expect(contracts.length).toBeLessThanOrEqual(220);
  });

  it('when a municipality is generated, then a message broker carries about 40% of the interfaces and an ESB some more', () => {
    const byId = new Map(municipality.applications.map(a => [a.id, a]));
    const via = countBy(municipality.interfaces.filter(i => i.via), i => byId.get(i.via!)!.referenceComponents[0]);
    const share = (via.get('Berichtenmakelaar') ?? 0) / municipality.interfaces.length;
    expect(share).toBeGreaterThan(0.35);
    expect(share).toBeLessThan(0.45);
    expect(via.get('Enterprise Service Bus')).toBeGreaterThan(50);
    const standards = municipality.interfaces.map(i => i.standard).filter((s): s is string => !!s);
    expect(standards.filter(isOpenStandard).length).toBeGreaterThan(standards.length * 0.3);
    expect(standards.filter(s => !isOpenStandard(s)).length).toBeGreaterThan(standards.length * 0.1);
  });

  it('when a municipality is generated, then hosting spans a US cloud, a Dutch data centre, SaaS and an own server room', () => {
    const platforms = new Map(municipality.platforms.map(p => [p.id, p]));
    const usedTypes = new Set(municipality.applications.map(a => a.platform && platforms.get(a.platform)!.type));
    expect(usedTypes).toEqual(new Set(['saas', 'data-centre', 'on-premise', undefined]));
    const saasOnUsCloud = municipality.platforms.filter(p => p.type === 'saas' && p.runsOn && platforms.get(p.runsOn)!.jurisdiction === 'US');
    expect(saasOnUsCloud.length).toBeGreaterThanOrEqual(1);
    expect(municipality.platforms.some(p => p.type === 'iaas' && p.jurisdiction === 'US')).toBe(true);
    expect(municipality.platforms.some(p => p.type === 'data-centre' && p.jurisdiction === 'NL')).toBe(true);
  });

  it('when a municipality is generated, then GEMMA components, business functions and criticalities are spread', () => {
    const components = new Set(municipality.applications.flatMap(a => a.referenceComponents));
    for (const name of ['Zaaksysteem', 'Basisregistratie Personen', 'Documentmanagementsysteem', 'Financieel systeem', 'Belastingsysteem', 'Sociaal domein systeem', 'GIS']) {
      expect(components).toContain(name);
    }
    const functions = new Set(municipality.applications.flatMap(a => a.businessFunctions));
    for (const name of ['Burgerzaken', 'Belastingen', 'Sociaal domein', 'Vergunningverlening', 'Financiën', 'HR']) expect(functions).toContain(name);
    const criticality = countBy(municipality.applications, a => a.criticality);
    for (const level of ['low', 'medium', 'high', 'critical']) expect(criticality.get(level)).toBeGreaterThan(20);
  });

  it('when a municipality is generated, then its contracts have realistic terms around the fixed reference date', () => {
    const { contracts, applications } = municipality;
    const reference = new Date(`${REFERENCE_DATE}T00:00:00Z`);
    const addMonths = (iso: string, months: number) => {
      const date = new Date(`${iso}T00:00:00Z`);
      date.setUTCMonth(date.getUTCMonth() - months);
      return date.toISOString().slice(0, 10);
    };
    const threeYears = new Date(reference);
    threeYears.setUTCFullYear(threeYears.getUTCFullYear() + 3);
    for (const c of contracts) {
      expect(c.noticeMonths).toBeGreaterThanOrEqual(1);
      expect(c.noticeMonths).toBeLessThanOrEqual(6);
      expect(c.end <= threeYears.toISOString().slice(0, 10)).toBe(true);
      expect(c.annualValue).toBeGreaterThan(0);
    }
    const autoRenew = contracts.filter(c => c.autoRenew).length;
    expect(autoRenew).toBeGreaterThan(contracts.length * 0.4);
    expect(autoRenew).toBeLessThan(contracts.length * 0.8);
    const noticeBeforeSpring = contracts.filter(c => c.end >= REFERENCE_DATE && addMonths(c.end, c.noticeMonths) >= REFERENCE_DATE && addMonths(c.end, c.noticeMonths) < '2027-03-21');
    expect(noticeBeforeSpring.length).toBeGreaterThanOrEqual(3);
    expect(contracts.filter(c => c.end < REFERENCE_DATE && !c.autoRenew).length).toBeGreaterThanOrEqual(3);
    expect(contracts.filter(c => !c.exitPlan).length).toBeGreaterThan(contracts.length / 2);
    expect(contracts.filter(c => !c.dataPortability).length).toBeGreaterThan(contracts.length / 4);
    const covered = new Set(contracts.flatMap(c => c.applications));
    const uncoveredCritical = applications.filter(a => a.criticality === 'critical' && !covered.has(a.id));
    expect(uncoveredCritical.length).toBeGreaterThanOrEqual(1);
    expect(uncoveredCritical.length).toBeLessThanOrEqual(5);
  });

  it('when a municipality is generated, then one supplier appears under two spellings that normalise to one name', () => {
    const used = new Set(municipality.applications.map(a => a.supplier));
    const byName = countBy(municipality.suppliers.filter(s => used.has(s.id)), s => normalizeSupplierName(s.name));
    const merged = [...byName.entries()].filter(([, n]) => n > 1);
    expect(merged).toEqual([['kievit software', 2]]);
  });

  it('when a region is generated, then ten municipalities share suppliers and platforms', () => {
    expect(perOrganisation(region)).toHaveLength(10);
    for (const n of perOrganisation(region)) {
      expect(n).toBeGreaterThanOrEqual(300);
      expect(n).toBeLessThanOrEqual(500);
    }
    const reach = countBy([...new Set(region.applications.map(a => `${a.supplier} ${a.organisation}`))], key => key.split(' ')[0]);
    expect([...reach.values()].filter(n => n === 10).length).toBeGreaterThanOrEqual(10);
    const platformReach = countBy([...new Set(region.applications.map(a => `${a.platform} ${a.organisation}`))], key => key.split(' ')[0]);
    expect([...platformReach.entries()].filter(([id, n]) => id !== 'undefined' && n === 10).length).toBeGreaterThanOrEqual(3);
  });

  it('when the country is generated, then it has 342 municipalities and a Zipf-like supplier market', () => {
    const { suppliers, applications, interfaces, contracts, platforms } = country;
    expect(perOrganisation(country)).toHaveLength(342);
    expect(applications.length).toBeGreaterThanOrEqual(140_000);
    expect(applications.length).toBeLessThanOrEqual(160_000);
    expect(interfaces.length).toBeGreaterThanOrEqual(230_000);
    expect(interfaces.length).toBeLessThanOrEqual(270_000);
    expect(contracts.length).toBeGreaterThanOrEqual(36_000);
    expect(contracts.length).toBeLessThanOrEqual(44_000);
    expect(suppliers.length).toBe(1000);
    const products = new Set(applications.map(a => a.id)).size;
    expect(products).toBeGreaterThanOrEqual(2500);
    expect(products).toBeLessThanOrEqual(3100);
    // A few suppliers are everywhere, most are in a handful of municipalities.
    const reach = [...countBy([...new Set(applications.map(a => `${a.supplier} ${a.organisation}`))], key => key.split(' ')[0]).values()].sort((a, b) => b - a);
    expect(reach.slice(0, 5).every(n => n >= 330)).toBe(true);
    expect(reach[Math.floor(reach.length / 2)]).toBeLessThan(60);
    const types = countBy(platforms, p => `${p.type} ${p.jurisdiction}`);
    expect(types.get('iaas US')).toBe(2);
    expect(types.get('data-centre NL')).toBeGreaterThanOrEqual(2);
    expect(types.get('saas NL')! + types.get('saas US')!).toBeLessThanOrEqual(8);
    expect(types.get('on-premise NL')).toBe(342);
  });

  it('when any size is generated, then every referenced id exists', () => {
    expect(integrityProblems(municipality)).toEqual([]);
    expect(integrityProblems(region)).toEqual([]);
    expect(integrityProblems(country)).toEqual([]);
  });

  it('when a municipality or region is generated, then every row passes its zod schema unchanged', () => {
    expect(Landscape.parse(municipality)).toEqual(municipality);
    expect(Landscape.parse(region)).toEqual(region);
  });

  it('when the CSV files are read back with csv-parse, then they equal the landscape in both dialects', async () => {
    for (const [dialect, delimiter] of [['en', ','], ['nl', ';']] as const) {
      const dir = tempDir();
      await writeLandscapeCsv(region, dir, { dialect });
      expect(readBack(dir, delimiter)).toEqual(region);
    }
  });

  it('when a landscape has extra columns and awkward text, then the CSV round trip keeps them', async () => {
    const tricky = Landscape.parse({
      suppliers: [{ id: 's1', name: 'Dijk, Veen & "Zonen" B.V.', country: 'NL', extra: { kvk: '12345678' } }],
      contracts: [{ id: 'c1', organisation: 'gm', supplier: 's1', end: '2027-01-31', annualValue: 1234567.5, extra: {} }],
    });
    for (const [dialect, delimiter] of [['en', ','], ['nl', ';']] as const) {
      const dir = tempDir();
      await writeLandscapeCsv(tricky, dir, { dialect });
      const text = readFileSync(join(dir, 'suppliers.csv'), 'utf8');
      expect(text).toContain('kvk');
      if (dialect === 'nl') expect(readFileSync(join(dir, 'contracts.csv'), 'utf8')).toContain('€ 1.234.567,50');
      const records = parse(readFileSync(join(dir, 'suppliers.csv')), { delimiter, bom: true, columns: true }) as Record<string, string>[];
      expect(records[0][dialect === 'nl' ? 'naam' : 'name']).toBe('Dijk, Veen & "Zonen" B.V.');
      expect(records[0].kvk).toBe('12345678');
    }
  });
});
