import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { GEMMA_SOURCE, importGemma, resolveReferenceComponents } from '../../importers/gemma.js';
import { importMappedLandscape } from '../../importers/sources/archimate/import.js';
import { Landscape } from '../../importers/model.js';
import { read } from '../../server/neo4j.js';
import { nodes, rels, resetDatabase, testDriver } from '../support/db.js';
import { modelCounts, reference } from './support.js';

const ZAAK_FILE = 'model/application/cbb498b1-72e8-42bb-9c72-19ffda4a62b0/e7f1db9b-4960-4705-853e-02005f1a914a/ApplicationComponent_id-a97b6545-d5a7-485d-9b13-3ce22db5b9cf.xml';

const municipality = () =>
  Landscape.parse({
    applications: [
      { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', referenceComponents: 'Zaakregistratiecomponent' },
      { id: 'a2', organisation: 'gm1', name: 'DMS', referenceComponents: 'Documentregistratiecomponent' },
    ],
  });

describe('GEMMA reference model', () => {
  let driver: Driver;
  let release2: string;
  beforeAll(() => {
    driver = testDriver();
    // A "newer release": the same model with the zaak component renamed (same GEMMA id).
    release2 = join(mkdtempSync(join(tmpdir(), 'roer-gemma-')), 'gemma');
    cpSync(reference('gemma-archi-coarchi'), release2, { recursive: true });
    const file = join(release2, ZAAK_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace('name="Zaakregistratiecomponent"', 'name="Zakenregistratiecomponent"'), { mode: 0o644 });
  });
  afterAll(async () => {
    rmSync(release2, { recursive: true, force: true });
    await driver.close();
  });
  beforeEach(() => resetDatabase(driver));

  it('when the GEMMA coArchi model is loaded, then its counts match SOURCE.md, applications map onto it by name, and reloading changes nothing', async () => {
    const report = await importGemma(driver, reference('gemma-archi-coarchi'));
    expect([report.elements, report.relationships]).toEqual([3006, 6257]);
    expect(report.skipped.map(s => s.reason.slice(0, 27))).toEqual(Array(4).fill('connects to relationship id'));
    expect([report.referenceComponents, report.businessFunctions, report.applicationServices]).toEqual([171, 304, 432]);
    expect(await modelCounts(driver, GEMMA_SOURCE)).toEqual({ elements: 3006, relationships: 6253 });
    expect(await nodes(driver, 'ReferenceComponent')).toHaveLength(171);
    expect(await nodes(driver, 'BusinessFunction')).toHaveLength(304);
    expect(await nodes(driver, 'Application')).toEqual([]);
    expect(await nodes(driver, 'Platform')).toEqual([]);
    const [zaak] = await read(driver, `MATCH (c:ReferenceComponent {uid: 'refcomp:zaakregistratiecomponent'}) RETURN c.gemmaId AS gemmaId, c.gemmaType AS type`);
    expect(zaak).toEqual({ gemmaId: 'a97b6545-d5a7-485d-9b13-3ce22db5b9cf', type: 'Referentiecomponent' });
    expect(report.release).toBe('2026-06-30');

    await importMappedLandscape(driver, municipality(), {}, { source: 'csv:gm1', files: ['gm1.csv'] });
    expect(await nodes(driver, 'ReferenceComponent')).toHaveLength(171);
    const mappings = ['app:gm1/a1 -REALISES-> refcomp:zaakregistratiecomponent', 'app:gm1/a2 -REALISES-> refcomp:documentregistratiecomponent'];
    expect(await rels(driver, 'REALISES')).toEqual(mappings);

    const again = await importGemma(driver, reference('gemma-archi-coarchi'));
    expect(again.graph.nodes.Element).toEqual({ created: 0, updated: 0, unchanged: 3006 - 171 - 304 });
    expect(again.graph.nodes.BusinessFunction).toEqual({ created: 0, updated: 0, unchanged: 304 });
    expect(again.graph.removed).toEqual({});
    expect(await rels(driver, 'REALISES')).toEqual(mappings);
  });

  it('when a newer GEMMA release renames a component, then the applications keep their mappings on the renamed component', async () => {
    await importGemma(driver, reference('gemma-archi-coarchi'));
    await importMappedLandscape(driver, municipality(), {}, { source: 'csv:gm1', files: ['gm1.csv'] });
    const report = await importGemma(driver, release2);
    expect(report.renamed).toBe(1);
    // The renamed one is new; the others are unchanged (the one the spreadsheet also names may count as updated).
    expect(report.graph.nodes.ReferenceComponent).toMatchObject({ created: 1 });
    expect(report.graph.nodes.ReferenceComponent.unchanged).toBeGreaterThanOrEqual(169);
    expect(await rels(driver, 'REALISES')).toEqual([
      'app:gm1/a1 -REALISES-> refcomp:zakenregistratiecomponent',
      'app:gm1/a2 -REALISES-> refcomp:documentregistratiecomponent',
    ]);
    const resolved = await resolveReferenceComponents(driver, ['Zaakregistratiecomponent', 'a97b6545-d5a7-485d-9b13-3ce22db5b9cf', 'documentregistratiecomponent', 'Bestaat niet']);
    expect(resolved.map(r => r.name)).toEqual(['Zakenregistratiecomponent', 'Zakenregistratiecomponent', 'Documentregistratiecomponent', null]);
  });
});
