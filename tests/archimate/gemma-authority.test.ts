// GEMMA as the authority on reference components (issue 19, items 3 and 8), on the reference data:
// rows naming a component by name, former name, GEMMA id or ArchiMate id resolve to the one current
// component; a GEMMA release that renames two components moves every source's links to the new names,
// re-resolves the rows that name them (a municipality's unchanged CSV is then unchanged), and the old
// names never come back (the Softwarecatalogus model re-imported); and the properties GEMMA and the Softwarecatalogus model assert differently stay
// GEMMA's, reported by data-quality, so importing them in turn reports them unchanged.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importGemma, resolveReferenceComponents } from '../../importers/gemma.js';
import { importFiles } from '../../importers/import.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { dataQuality } from '../../server/analyses/data-quality.js';
import { read } from '../../server/neo4j.js';
import { rels, resetDatabase, testDriver } from '../support/db.js';
import { reference } from './support.js';

const FOLDER = 'model/application/cbb498b1-72e8-42bb-9c72-19ffda4a62b0/e7f1db9b-4960-4705-853e-02005f1a914a';
const RENAMES = [
  { file: `${FOLDER}/ApplicationComponent_id-c39c9b8f-efb0-47b5-a288-fb7a8f57393e.xml`, from: 'Serviceregistercomponent', to: 'Serviceregister-component', gemmaId: 'c39c9b8f-efb0-47b5-a288-fb7a8f57393e' },
  { file: `${FOLDER}/ApplicationComponent_id-b05eaafa-9381-45ae-a41d-7a9affaa43cd.xml`, from: 'Gebruikersbeheercomponent', to: 'Gebruikers- en rechtenbeheercomponent', gemmaId: 'b05eaafa-9381-45ae-a41d-7a9affaa43cd' },
];
const LONG = 900_000;
const GM1 = ['app:gm1/a1 -REALISES-> refcomp:serviceregister-component', 'app:gm1/a2 -REALISES-> refcomp:gebruikers-en-rechtenbeheercomponent', 'app:gm1/a3 -REALISES-> refcomp:zaakregistratiecomponent', 'app:gm1/a4 -REALISES-> refcomp:eigen-component'];
const ZAAK_ID = 'a97b6545-d5a7-485d-9b13-3ce22db5b9cf';

/** gm1's applications: by current name, by a name in other case, by GEMMA id, and one the catalogue does not know. */
const applicationsCsv = [
  'id,organisation,name,referenceComponents',
  'a1,gm1,Servicebus,Serviceregistercomponent',
  'a2,gm1,IAM,gebruikersbeheercomponent',
  `a3,gm1,Zaaksysteem,${ZAAK_ID}`,
  'a4,gm1,Eigen tool,Eigen component',
].join('\n');
const importCsv = (driver: Driver) => importFiles(driver, [{ name: 'applications.csv', bytes: Buffer.from(`${applicationsCsv}\n`) }], { source: 'csv:gm1', user: 'test' });
const importSwc = (driver: Driver) => importArchimate(driver, reference('softwarecatalogus-archi-coarchi'), { organisation: 'gm2', source: 'archimate:swc', user: 'test' });

const components = async (driver: Driver) => (await read<{ uid: string; name: string }>(driver, 'MATCH (c:ReferenceComponent) RETURN c.uid AS uid, c.name AS name ORDER BY uid'));
const gemmaIdsHeldTwice = async (driver: Driver) =>
  read(driver, 'MATCH (c:ReferenceComponent) WHERE c.gemmaId IS NOT NULL WITH c.gemmaId AS id, count(*) AS n WHERE n > 1 RETURN id, n');

describe('GEMMA as the authority on reference components', () => {
  let driver: Driver;
  let renamed: string;
  beforeAll(async () => {
    driver = testDriver();
    renamed = join(mkdtempSync(join(tmpdir(), 'roer-gemma-renamed-')), 'gemma');
    cpSync(reference('gemma-archi-coarchi'), renamed, { recursive: true });
    for (const { file, from, to } of RENAMES) {
      const path = join(renamed, file);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain(`name="${from}"`);
      writeFileSync(path, text.replace(`name="${from}"`, `name="${to}"`));
    }
    await resetDatabase(driver);
  }, LONG);
  afterAll(async () => {
    rmSync(renamed, { recursive: true, force: true });
    await driver.close();
  });

  let componentCount = 0;

  it('when a CSV names GEMMA components by name, in other case or by GEMMA id, then they resolve to the catalogue\'s nodes', async () => {
    expect((await importGemma(driver, reference('gemma-archi-coarchi'))).referenceComponents).toBe(171);
    const csv = await importCsv(driver);
    expect(csv.issues).toEqual([]);
    expect(await rels(driver, 'REALISES')).toEqual([
      'app:gm1/a1 -REALISES-> refcomp:serviceregistercomponent',
      'app:gm1/a2 -REALISES-> refcomp:gebruikersbeheercomponent',
      'app:gm1/a3 -REALISES-> refcomp:zaakregistratiecomponent',
      'app:gm1/a4 -REALISES-> refcomp:eigen-component',
    ]);
    // 171 from GEMMA and the one only the CSV knows.
    expect(await components(driver)).toHaveLength(172);
  }, LONG);

  it('when the Softwarecatalogus model names GEMMA components, then they are the catalogue\'s nodes', async () => {
    const swc = await importSwc(driver);
    expect(swc.elements).toBe(901);
    componentCount = (await components(driver)).length;
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    const swcOnly = await read(driver, "MATCH (c:ReferenceComponent) WHERE all(s IN c.runs WHERE s STARTS WITH 'archimate:swc#') RETURN c.name AS name");
    expect(componentCount).toBe(172 + swcOnly.length);
  }, LONG);

  it('when GEMMA and the Softwarecatalogus model are imported in turn, then their components report unchanged, and what they assert differently is reported with GEMMA kept', async () => {
    // Importing either source in turn changes nothing: the catalogue's properties are not written over.
    const gemmaAgain = await importGemma(driver, reference('gemma-archi-coarchi'));
    expect(gemmaAgain.graph.nodes.ReferenceComponent).toEqual({ created: 0, updated: 0, unchanged: 171 });
    const swcAgain = await importSwc(driver);
    expect(swcAgain.graph.nodes.ReferenceComponent.updated).toBe(0);
    expect(swcAgain.graph.nodes.ReferenceComponent.created).toBe(0);

    // What the two assert differently is reported with both values and GEMMA as the one kept.
    const { rows } = await dataQuality.run(driver, dataQuality.params.parse({}));
    const conflicts = rows.filter(row => row.check === 'conflicting-claim');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.every(row => row.winner === 'gemma' && row.rule === 'catalogue')).toBe(true);
    const folders = conflicts.filter(row => row.label === 'ReferenceComponent' && row.property === 'archimateFolder');
    expect(folders.length).toBeGreaterThan(0);
    for (const row of folders) {
      expect((row.values as { source: string }[]).map(v => v.source).sort()).toEqual(['archimate:swc', 'gemma']);
      const [held] = await read<{ folder: string }>(driver, 'MATCH (c:Entity {uid: $uid}) RETURN c.archimateFolder AS folder', { uid: row.uid });
      expect(held.folder).toBe((row.values as { source: string; value: string }[]).find(v => v.source === 'gemma')!.value);
      expect(row.detail).toMatch(/kept: gemma \(the GEMMA catalogue is the authority/);
    }
  }, LONG);

  it('when a GEMMA release renames two components, then every link follows them and no import brings the old names back', async () => {
    const report = await importGemma(driver, renamed);
    expect(report.renamed).toBe(2);
    // The municipality's two rows that name them follow in the same run (the Softwarecatalogus model's rows name none: its links are model relationships).
    expect(report.reresolved).toEqual([{ source: 'csv:gm1', rows: 2 }]);
    const names = (await components(driver)).map(c => c.name);
    expect(names).toEqual(expect.arrayContaining(RENAMES.map(r => r.to)));
    expect(names.filter(name => RENAMES.some(r => r.from === name))).toEqual([]);
    expect(names).toHaveLength(componentCount);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    expect((await rels(driver, 'REALISES')).filter(rel => rel.startsWith('app:gm1/'))).toEqual(GM1);
  }, LONG);

  it('when the municipality re-imports its unchanged CSV after the rename, then it is unchanged and nothing comes back', async () => {
    // The GEMMA run re-resolved the municipality's rows (importers/catalogue-reresolve.ts): its unchanged CSV is unchanged.
    const csv = await importCsv(driver);
    expect(csv.written).toBe('unchanged');
    expect(csv.tables.applications).toEqual(expect.objectContaining({ created: 0, updated: 0, unchanged: 4, removed: 0 }));
    expect(csv.catalogue).toBeUndefined();
    expect((await rels(driver, 'REALISES')).filter(rel => rel.startsWith('app:gm1/'))).toEqual(GM1);
    expect(await components(driver)).toHaveLength(componentCount);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    // A row the municipality did change is its own change, not the catalogue's, even when it names a renamed component.
    const edited = applicationsCsv.replace('a1,gm1,Servicebus,', 'a1,gm1,Servicebus 2,');
    const changed = await importFiles(driver, [{ name: 'applications.csv', bytes: Buffer.from(`${edited}\n`) }], { source: 'csv:gm1', user: 'test', dryRun: true });
    expect(changed.tables.applications).toEqual(expect.objectContaining({ updated: 1, unchanged: 3 }));
    expect(changed.catalogue).toBeUndefined();
  }, LONG);

  it('when the Softwarecatalogus model that names the old components is re-imported, then they are the renamed nodes', async () => {
    // The Softwarecatalogus model, which still names the old components: they are GEMMA's renamed nodes.
    await importSwc(driver);
    const after = (await components(driver)).map(c => c.name);
    expect(after.filter(name => RENAMES.some(r => r.from === name))).toEqual([]);
    expect(after).toHaveLength(componentCount);
    expect(await gemmaIdsHeldTwice(driver)).toEqual([]);
    const swcLinks = await read<{ n: number }>(driver, "MATCH (:Entity)-[r:RELATES_TO]-(c:ReferenceComponent {gemmaId: $id}) WHERE any(s IN r.runs WHERE s STARTS WITH 'archimate:swc#') RETURN count(r) AS n", { id: RENAMES[0].gemmaId });
    expect(swcLinks[0].n).toBeGreaterThan(0);

    const resolved = await resolveReferenceComponents(driver, [RENAMES[0].from, RENAMES[1].gemmaId, `id-${RENAMES[0].gemmaId}`, 'serviceregister-COMPONENT', 'Bestaat niet']);
    expect(resolved.map(r => r.name)).toEqual([RENAMES[0].to, RENAMES[1].to, RENAMES[0].to, RENAMES[0].to, null]);
  }, LONG);
});
