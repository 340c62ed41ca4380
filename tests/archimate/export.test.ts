import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importArchimate, importMappedLandscape } from '../../importers/sources/archimate/import.js';
import { readArchimate, readArchimateText } from '../../importers/sources/archimate/read.js';
import { importFiles } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { exportAmeff } from '../../server/exports/ameff.js';
import { read } from '../../server/neo4j.js';
import { RECORD_LABELS, nodes, rels, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { fixture, reference, repoRoot, validateAgainstXsd } from './support.js';

/** Everything in the graph except run stamps and run records, which differ between imports by design. */
const graphText = async (driver: Driver) =>
  (await snapshot(driver))
    .filter(line => !RECORD_LABELS.some(label => line.includes(`"labels":["${label}"]`)))
    .map(line => line.replace(/"runs":\[[^\]]*\],?/g, '').replace(/"createdRun":"[^"]*",?/g, ''))
    .sort();

/**
 * What an architect reads in an export: the contracts (name, id and yes/no fields), the coded values of
 * applications and platforms, where the rows came from, and the relationships' names per ArchiMate type.
 */
function words(xml: string) {
  const model = readArchimateText(xml, 'export.xml');
  const text = (p: { key: string; value: string }) => `${p.key}: ${p.value}`;
  const origin = /^(Bron in Roer|Source in Roer)$/;
  // Property definitions are declared once per name (the schema keys them by identifier, Archi by name).
  const definitions = [...xml.matchAll(/<propertyDefinition [^>]*><name[^>]*>([^<]*)</g)].map(m => m[1]);
  expect(new Set(definitions).size).toBe(definitions.length);
  expect(definitions).not.toContain('Roer bron');
  return {
    contracts: model.elements
      .filter(e => e.type === 'Contract')
      .map(e => [e.name, e.properties.find(p => p.key === 'Roer contract id')?.value, ...e.properties.filter(p => /verlengd|renew|exit|portab/i.test(p.key)).map(text)])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    values: model.elements
      .flatMap(e => e.properties.filter(p => /^(Persoonsgegevens|Platformtype|Jurisdictie)$/.test(p.key)).map(p => `${e.name}: ${text(p)}`))
      .sort(),
    origins: [...new Set(model.elements.flatMap(e => e.properties.filter(p => origin.test(p.key)).map(p => p.value)))],
    rows: model.elements.filter(e => e.properties.some(p => origin.test(p.key))).length,
    relationships: [...new Set(model.relationships.map(r => `${r.type}: ${r.name}`))].sort(),
    unnamed: model.relationships.filter(r => !r.name).length,
  };
}

/** Interface and Contract nodes (every property but provenance) and every relationship they take part in or explain. */
async function interfacesAndContracts(driver: Driver) {
  return {
    nodes: await read<{ uid: string; props: Record<string, unknown> }>(
      driver,
      `MATCH (n:Interface|Contract|Standard)
       RETURN n.uid AS uid, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, n {.*, runs: null, createdRun: null} AS props ORDER BY uid`,
    ),
    rels: (
      await read<{ text: string }>(
        driver,
        `MATCH (a)-[r:FROM|TO|VIA|USES_STANDARD|HOLDS|WITH|COVERS|DEPENDS_ON]->(b)
         RETURN a.uid + ' -' + type(r) + '-> ' + b.uid + ' ' + coalesce(r.interface, '') + ' ' + coalesce(r.kind, '') AS text ORDER BY text`,
      )
    ).map(row => row.text),
  };
}

describe('AMEFF export', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when an organisation is exported, then the file validates against the AMEFF 3.0 XSD and has a diagram with positioned nodes', async () => {
    await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    const xml = await exportAmeff(driver, { organisations: ['gm9999'] });
    validateAgainstXsd(xml);
    const model = readArchimateText(xml, 'export.xml');
    // The landscape by business function and the supplier view (their layout: views.test.ts).
    expect([model.elements.length, model.relationships.length, model.views]).toEqual([11, 10, 2]);
    expect(xml).toMatch(/<node identifier="[^"]+" elementRef="id-zaak" xsi:type="Element" x="\d+" y="\d+" w="\d+" h="\d+">/);
  });

  it.each([
    ['fixture landscape.xml', () => fixture('landscape.xml')],
    ['NORA GDI (real AMEFF 3.0)', () => reference('nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml')],
    ['ArchiMetal (.archimate, ArchiMate 2.1 types)', () => reference('archimodels-examples/ArchiMetal/ArchiMetal.archimate')],
    ['the Softwarecatalogus coArchi model (junctions, suppliers, hosting)', () => reference('softwarecatalogus-archi-coarchi')],
  ])('when %s is imported, exported and imported again, then the graph is the same and the export validates', async (_name, path) => {
    await importArchimate(driver, path(), { organisation: 'gm0001', source: 'archimate:gm0001' });
    const before = await graphText(driver);
    const xml = await exportAmeff(driver, { organisations: ['gm0001'] });
    validateAgainstXsd(xml);
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(xml), { organisation: 'gm0001', source: 'archimate:gm0001', fileName: 'export.xml' });
    expect(await graphText(driver)).toEqual(before);
  });

  it('when a spreadsheet landscape is exported and imported, then what Roer models comes back the same', async () => {
    const landscape = Landscape.parse({
      suppliers: [{ id: 's1', name: 'Acme B.V.', group: 'Acme Holding', country: 'NL' }, { id: 's2', name: 'Hostco' }],
      platforms: [
        { id: 'p1', name: 'Rekencentrum', type: 'rekencentrum', supplier: 's2', jurisdiction: 'EU' },
        { id: 'p2', name: 'VM-cluster', type: 'iaas', supplier: 's2', runsOn: 'p1' },
        { id: 'p3', name: 'Cloudloket', type: 'saas', supplier: 's2', jurisdiction: 'US' },
      ],
      applications: [
        { id: 'a1', organisation: 'gm1', name: 'Zaaksysteem', supplier: 's1', platform: 'p2', criticality: 'hoog', personalData: 'ja', referenceComponents: 'Zaakregistratiecomponent', businessFunctions: 'Vergunningverlening' },
        { id: 'a2', organisation: 'gm1', name: 'Makelaar', supplier: 's1', platform: 'p3', criticality: 'kritiek' },
        { id: 'a3', organisation: 'gm1', name: 'BRP', platform: 'p1' },
      ],
      interfaces: [
        { id: 'i1', organisation: 'gm1', from: 'a3', to: 'a1', via: 'a2', standard: 'StUF-BG' },
        { id: 'i2', organisation: 'gm1', from: 'a1', to: 'a2' },
      ],
      contracts: [
        {
          id: 'c1', organisation: 'gm1', supplier: 's1', applications: 'a1|a2', start: '01-01-2022', end: '31-12-2026', noticeMonths: '6', autoRenew: 'ja',
          annualValue: '€ 12.345,67', exitPlan: 'nee', dataPortability: 'ja',
        },
        { id: 'c2', organisation: 'gm1', supplier: 's2', applications: '', end: '2027-06-30', annualValue: '100.000' },
      ],
    });
    await importMappedLandscape(driver, landscape, {}, { source: 'csv:gm1', files: ['gm1.xlsx'] });
    const roer = async () => ({
      nodes: await Promise.all(['Application', 'Supplier', 'SupplierGroup', 'Platform', 'ReferenceComponent', 'BusinessFunction'].map(label => nodes(driver, label))),
      rels: await Promise.all(['USES', 'SUPPLIES', 'PROVIDES', 'RUNS_ON', 'REALISES', 'SUPPORTS', 'PART_OF'].map(type => rels(driver, type))),
      dependsOn: [...new Set(await rels(driver, 'DEPENDS_ON'))],
      props: await read(
        driver,
        `MATCH (n:Application|Supplier|Platform) RETURN n.uid AS uid, n.name AS name, n.criticality AS criticality, n.personalData AS personalData,
                n.type AS type, n.jurisdiction AS jurisdiction, n.group AS group, n.country AS country ORDER BY uid`,
      ),
    });
    const before = await roer();
    const modelled = await interfacesAndContracts(driver);
    expect(before.dependsOn).toHaveLength(4);
    expect(modelled.nodes.map(n => n.uid)).toEqual(['contract:gm1/c1', 'contract:gm1/c2', 'interface:gm1/i1', 'interface:gm1/i2', 'standard:stuf-bg']);
    const xml = await exportAmeff(driver, { organisations: ['gm1'] });
    validateAgainstXsd(xml);
    // Every application states its criticality in words, "midden" (the default) included: another reader cannot guess it.
    const criticality = (text: string) =>
      readArchimateText(text, 'export.xml')
        .elements.filter(e => e.type === 'ApplicationComponent' && !e.properties.some(p => p.key === 'GEMMA type'))
        .map(e => [e.name, e.properties.filter(p => /^(kritikaliteit|criticality)$/i.test(p.key)).map(p => `${p.key}: ${p.value}`)])
        .sort();
    expect(criticality(xml)).toEqual([['BRP', ['Kritikaliteit: midden']], ['Makelaar', ['Kritikaliteit: kritiek']], ['Zaaksysteem', ['Kritikaliteit: hoog']]]);
    expect(criticality(await exportAmeff(driver, { organisations: ['gm1'], language: 'en' }))).toEqual([
      ['BRP', ['Criticality: medium']], ['Makelaar', ['Criticality: critical']], ['Zaaksysteem', ['Criticality: high']],
    ]);
    // Roer's facts and an interface's standard and intermediary in words, not codes or raw keys.
    const relationshipProperties = new Set(readArchimateText(xml, 'export.xml').relationships.flatMap(r => r.properties.filter(p => p.key !== 'Roer interface id' && p.key !== 'Roer rol').map(p => `${p.key}: ${p.value}`)));
    expect([...relationshipProperties].sort()).toEqual(['Roer feit: biedt platform', 'Roer feit: draait op', 'Roer feit: levert', 'Roer feit: ondersteunt', 'Roer feit: vervult', 'Standaard: StUF-BG', 'Via applicatie: Makelaar (id-app-gm1-a2)']);
    // Contract fields under readable names, the amount with a plain decimal point next to ISO dates.
    const contract = readArchimateText(xml, 'export.xml').elements.find(e => e.type === 'Contract' && e.properties.some(p => p.value === 'c1'));
    expect(contract?.properties.filter(p => p.key !== 'Roer contract id').map(p => `${p.key}: ${p.value}`)).toEqual([
      'Startdatum: 2022-01-01', 'Einddatum: 2026-12-31', 'Opzegtermijn maanden: 6', 'Stilzwijgend verlengd: ja', 'Jaarwaarde: 12345.67', 'Exitplan: nee', 'Dataportabiliteit: ja',
    ]);
    expect(words(xml)).toEqual({
      // Named as a report names them, the id kept as a property; yes/no fields as "nee" too, not left out.
      contracts: [
        ['Acme B.V. – Makelaar en Zaaksysteem (c1)', 'c1', 'Stilzwijgend verlengd: ja', 'Exitplan: nee', 'Dataportabiliteit: ja'],
        ['Hostco (c2)', 'c2', 'Stilzwijgend verlengd: nee', 'Exitplan: nee', 'Dataportabiliteit: nee'],
      ],
      // A platform's type and jurisdiction in the UI's words, defaults included; personal data as ja and nee.
      values: [
        'BRP: Persoonsgegevens: nee', 'Cloudloket: Jurisdictie: Verenigde Staten', 'Cloudloket: Platformtype: SaaS (software als dienst)',
        'Makelaar: Persoonsgegevens: nee', 'Rekencentrum: Jurisdictie: EU', 'Rekencentrum: Platformtype: rekencentrum',
        'VM-cluster: Jurisdictie: Nederland', 'VM-cluster: Platformtype: IaaS (cloudservers)', 'Zaaksysteem: Persoonsgegevens: ja',
      ],
      // Every row says where it came from (the import it came in with), instead of "Roer bron: tabel".
      origins: ['gm1 (CSV-bestanden)'],
      rows: 10,
      // Every relationship named in Roer's words, read from its source.
      relationships: [
        'Association: biedt platform', 'Association: dekt', 'Association: levert', 'Association: met leverancier',
        'Flow: levert gegevens aan', 'Flow: levert gegevens aan (StUF-BG, via Makelaar)', 'Serving: huisvest', 'Serving: ondersteunt', 'Specialization: vervult',
      ],
      unnamed: 0,
    });
    const english = await exportAmeff(driver, { organisations: ['gm1'], language: 'en' });
    validateAgainstXsd(english);
    expect(words(english)).toEqual({
      contracts: [
        ['Acme B.V. – Makelaar and Zaaksysteem (c1)', 'c1', 'Auto renew: yes', 'Exit plan: no', 'Data portability: yes'],
        ['Hostco (c2)', 'c2', 'Auto renew: no', 'Exit plan: no', 'Data portability: no'],
      ],
      values: [
        'BRP: Persoonsgegevens: nee', 'Cloudloket: Jurisdictie: United States', 'Cloudloket: Platformtype: SaaS',
        'Makelaar: Persoonsgegevens: nee', 'Rekencentrum: Jurisdictie: EU', 'Rekencentrum: Platformtype: data centre',
        'VM-cluster: Jurisdictie: the Netherlands', 'VM-cluster: Platformtype: IaaS', 'Zaaksysteem: Persoonsgegevens: ja',
      ],
      origins: ['gm1 (CSV files)'],
      rows: 10,
      relationships: [
        'Association: covers', 'Association: provides platform', 'Association: supplies', 'Association: with supplier',
        'Flow: delivers data to', 'Flow: delivers data to (StUF-BG, via Makelaar)', 'Serving: hosts', 'Serving: supports', 'Specialization: realises',
      ],
      unnamed: 0,
    });
    // The English words read back as well.
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(english), { organisation: 'gm1', source: 'archimate:gm1', fileName: 'export.xml' });
    expect(await roer()).toEqual(before);
    expect(await interfacesAndContracts(driver)).toEqual(modelled);
    // A file exported before the origin was in words ("Roer bron: tabel"), with the facts' earlier words and the
    // intermediary as a bare identifier, still gives back the rows, facts and interfaces.
    const origin = xml.match(/<propertyDefinition identifier="([^"]+)" type="string"><name xml:lang="nl">Bron in Roer</)![1];
    const older = xml
      .replace(new RegExp(`(propertyDefinitionRef="${origin}"><value xml:lang="nl">)[^<]*`, 'g'), '$1tabel').replace('>Bron in Roer<', '>Roer bron<')
      .replace(/>biedt platform</g, '>levert platform<').replace(/>vervult</g, '>realiseert<')
      .replace(/>[^<>]+ \((id-[^()<\s]+)\)</g, '>$1<');
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(older), { organisation: 'gm1', source: 'archimate:gm1', fileName: 'export.xml' });
    expect(await roer()).toEqual(before);
    // As rows and facts, not as model elements and relationships.
    expect(await read(driver, 'MATCH (n:Entity) WHERE n.archimateId IS NOT NULL RETURN n.uid AS uid')).toEqual([]);
    expect(await rels(driver, 'RELATES_TO')).toEqual([]);
    expect(await interfacesAndContracts(driver)).toEqual(modelled);
    await resetDatabase(driver);
    const report = await importArchimate(driver, Buffer.from(xml), { organisation: 'gm1', source: 'archimate:gm1', fileName: 'export.xml' });
    expect([report.mapped.Interface, report.mapped.Contract, report.unmapped]).toEqual([2, 2, {}]);
    expect(await roer()).toEqual(before);
    expect(await interfacesAndContracts(driver)).toEqual(modelled);
    // And once more: the second export carries the same interfaces and contracts.
    const again = await exportAmeff(driver, { organisations: ['gm1'] });
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(again), { organisation: 'gm1', source: 'archimate:gm1', fileName: 'export.xml' });
    expect(await interfacesAndContracts(driver)).toEqual(modelled);
  });

  it('when an analysis result is exported, then only its nodes and the relationships among them are in the file', async () => {
    await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    const xml = await exportAmeff(driver, { organisations: ['gm9999'], uids: ['app:gm9999/id-zaak', 'app:gm9999/id-brp', 'supplier:id-acme', 'org:gm9999'] });
    validateAgainstXsd(xml);
    const model = readArchimateText(xml, 'export.xml');
    expect(model.elements.map(e => e.name).sort()).toEqual(['Acme Software B.V.', 'BRP-bevraging', 'Zaaksysteem Z']);
    expect(model.relationships.map(r => `${r.source} ${r.type} ${r.target}`).sort()).toEqual(['id-acme Association id-zaak', 'id-brp Serving id-zaak']);
    expect(model.views).toBe(1);
  });

  it.each([
    ['Archisurance (AMEFF 3.0)', 'ameff-opengroup-xmlexchange/testdata/archisurance.xml', 17],
    ['NORA GDI (AMEFF 3.0)', 'nora-gdi-gegevensuitwisseling/gegevensuitwisseling.xml', 16],
    ['ArchiMetal (.archimate)', 'archimodels-examples/ArchiMetal/ArchiMetal.archimate', 78],
    ['the Softwarecatalogus model (coArchi)', 'softwarecatalogus-archi-coarchi', 62],
  ])('when %s is exported, then its own views (with boxes, lines and folders), its relationships\' folders and its name come first, before the landscape and supplier views', async (_name, path, count) => {
    const model = readArchimate(reference(path));
    await importArchimate(driver, reference(path), { organisation: 'gm0001', source: 'archimate:gm0001' });
    const xml = await exportAmeff(driver, { organisations: ['gm0001'] });
    validateAgainstXsd(xml);
    const back = readArchimateText(xml, 'export.xml');
    expect([back.name, back.views]).toEqual([model.name, count + 2]); // then Roer's landscape and supplier views
    expect(back.diagrams.slice(0, count).map(v => v.name)).toEqual(model.diagrams.map(v => v.name));
    const boxes = (views: typeof back.diagrams) => views.reduce((sum, v) => sum + JSON.stringify(v.nodes).split('"id"').length - 1, 0);
    expect(boxes(back.diagrams.slice(0, count))).toBeGreaterThan(0.95 * boxes(model.diagrams));
    expect(back.diagrams.slice(0, count).map(v => v.folder)).toEqual(model.diagrams.map(v => v.folder));
    expect(back.diagrams.slice(0, count).reduce((sum, v) => sum + v.connections.length, 0)).toBeGreaterThan(0);
    // The relationships' own folders too: each model relationship the export holds is in the folder the model had it in.
    const exported = new Map(back.relationships.map(r => [r.id, r.folder.join('/')]));
    // (The import skips a model's relationships it cannot place, as it reports: 36 of the Softwarecatalogus model's.)
    const foldered = model.relationships.filter(r => r.folder.length > 0 && exported.has(r.id));
    expect(foldered.length).toBeGreaterThan(0.97 * model.relationships.filter(r => r.folder.length > 0).length);
    expect(foldered.map(r => [r.id, exported.get(r.id)])).toEqual(foldered.map(r => [r.id, r.folder.join('/')]));
  });

  it('when the demo municipality is exported and imported into an empty database, then the graph is the same, open standards included', async () => {
    const folder = join(repoRoot, 'importers', 'demo', 'data', 'gemeente-roerdam');
    const report = await importFiles(driver, readdirSync(folder).filter(name => name.endsWith('.csv')).map(name => join(folder, name)), { source: 'demo:gemeente-roerdam', user: 'test' });
    expect(report.ok).toBe(true);
    const standards = async () => ({
      implements: await rels(driver, 'IMPLEMENTS'),
      standards: await read(driver, 'MATCH (s:Standard) RETURN s.uid AS uid, s.name AS name, s.open AS open ORDER BY uid'),
    });
    const before = await standards();
    expect(before.implements.length).toBeGreaterThan(100);
    // The whole graph, but the record of the file the second import read (its name and views).
    const whole = async () => (await graphText(driver)).filter(line => !line.includes('"labels":["ArchimateModel"]'));
    const graph = await whole();
    const [organisation] = (await read<{ id: string }>(driver, 'MATCH (o:Organisation) RETURN o.id AS id'));
    const xml = await exportAmeff(driver, { organisations: [organisation.id] });
    validateAgainstXsd(xml);
    // The model is called after the organisation's name, not its id ("Roer: gemeente-roerdam").
    expect(readArchimateText(xml, 'export.xml').name).toBe('Roer: Gemeente Roerdam');
    // In words, as an architect reads it in Archi: every relationship named, where the rows came from, no codes.
    const seen = words(xml);
    expect([seen.unnamed, seen.origins]).toEqual([0, ['Gemeente Roerdam (demo)']]);
    expect(seen.values.filter(value => /: (saas|iaas|on-premise|data-centre|NL|US|other)$/.test(value))).toEqual([]);
    expect(seen.contracts.filter(([name, id]) => !String(name).endsWith(`(${id})`) || name === id)).toEqual([]);
    await resetDatabase(driver);
    await importArchimate(driver, Buffer.from(xml), { organisation: organisation.id, source: 'archimate:demo', fileName: 'export.xml' });
    expect(await standards()).toEqual(before);
    expect(await whole()).toEqual(graph);
  });

  it('when no organisation is named, then the export is refused with a clear message', async () => {
    await expect(exportAmeff(driver, { organisations: [' '] })).rejects.toThrow('Name at least one organisation to export');
  });
});
