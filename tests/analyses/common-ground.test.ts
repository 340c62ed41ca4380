// Common Ground maturity on a hand-worked landscape (common-ground-fixture.ts), against the real test Neo4j.
//
// Weights (common-ground-weights.json): openInterfaces 60, dataAtSource 40; credit per interface: open
// standard API 1, older open standard 0.5, other open 0.25, proprietary 0, unknown 0.
//
// gm1, 6 interfaces: i1 ZGW API 1, i2 NLGov REST API 1, i3 Haal Centraal BRP 1, i4 StUF-BG 0.5,
//   i5 Eigen koppeling 0, i6 (none) 0 → credit 3.5 / 6 = 0.583333.
//   Base registration data received: Zaaksysteem (BRP by Haal Centraal: at the source), Sociaal Domein
//   (BRP by StUF-BG: a copy) → 1 of 2 at the source = 0.5.
//   Score = (60 × 0.583333 + 40 × 0.5) / 100 × 100 = 35 + 20 = 55.0.
//   Moving i4 to an open standard API: 60 × (1 − 0.5) / 6 = 5 points, and Sociaal Domein's only copy goes:
//   40 × 1/2 = 20 points → 25. Moving i5 or i6: 60 × 1 / 6 = 10 points each. i1–i3 gain nothing.
// gm2, 3 interfaces: j1 Haal Centraal BAG 1, j2 bestandsuitwisseling 0 (a BAG copy), j3 FSC 1 → 2/3;
//   receivers: Zaken Tweedorp (retrieval), Vergunningen Tweedorp (copy) → 0.5.
//   Score = 60 × 2/3 + 40 × 0.5 = 40 + 20 = 60.0. Moving j2: 60 × 1/3 = 20, + 40 × 1/2 = 20 → 40.
// gm3: no interfaces, no base data received → no score, no rank.
// Ranking: gm2 (60.0), gm1 (55.0); distribution: one in 50–59, one in 60–69; mean 57.5.
import type { Driver } from 'neo4j-driver';
import { categoryOf, commonGround, layerOf } from '../../server/analyses/common-ground.js';
import { getAnalysis } from '../../server/analyses/index.js';
import type { AnalysisResult } from '../../server/analyses/types.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { commonGroundFixture } from './common-ground-fixture.js';
import { demoSnapshot } from './demo-snapshot.js';
import { loadLandscape } from './fixture.js';

const run = async (driver: Driver, query: Record<string, unknown>): Promise<AnalysisResult> => {
  const analysis = getAnalysis('common-ground')!;
  return analysis.run(driver, analysis.params.parse(query));
};

describe('Common Ground maturity', () => {
  let driver: Driver;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    await loadLandscape(driver, commonGroundFixture());
  });
  afterAll(() => driver.close());

  it('when standards are named as people write them, then each falls in its kind', () => {
    const kinds = (names: (string | null)[]) => names.map(categoryOf);
    expect(kinds(['ZGW API', 'ZGW APIs v1.5', 'Zaken API', 'Haal Centraal BRP', 'FSC', 'NLX', 'REST API Design Rules', 'NLGov REST API', 'NL API Strategie', 'Digikoppeling REST API'])).toEqual(Array(10).fill('openApi'));
    expect(kinds(['StUF-BG 3.10', 'StUF', 'StUF-ZKN', 'Digikoppeling', 'Digikoppeling ebMS', 'Digikoppeling WUS', 'Digilevering', 'GBA-V'])).toEqual(Array(8).fill('olderOpen'));
    expect(kinds(['REST', 'SOAP', 'OpenAPI', 'CSV'])).toEqual(Array(4).fill('otherOpen'));
    expect(kinds(['Eigen koppeling', 'bestandsuitwisseling', 'ODBC-koppeling', null, '  '])).toEqual(['proprietary', 'proprietary', 'proprietary', 'unknown', 'unknown']);
    expect(['Basisregistratie Personen', 'Zaakafhandelcomponent', 'Klantcontactsysteem', 'Berichtenmakelaar', 'Enterprise Service Bus', 'Identity and access management', 'Kwaliteitsmonitor'].map(layerOf))
      .toEqual(['data', 'process', 'interaction', 'integration', 'integration', 'services', 'unplaced']);
  });

  it('when one municipality has mixed standards, then its score is 55 and each component says what it adds', async () => {
    const { rows, summary } = await run(driver, { organisation: 'gm1' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      rank: 1, organisation: 'gm1', organisationName: 'Gemeente Eenburg', commonGroundScore: 55, interfaces: 6,
      openApi: 3, olderOpen: 1, otherOpen: 0, proprietary: 1, unknown: 1, openApiShare: 50, olderOpenShare: 16.67, proprietaryShare: 16.67, unknownShare: 16.67,
      baseRegistrationReceivers: 2, receiversByCopy: 1, receiversByRetrieval: 1, openInterfacesContribution: 35, dataAtSourceContribution: 20,
    });
    expect(rows[0].components).toEqual([
      { component: 'openInterfaces', applies: true, value: 0.5833, raw: 3.5, total: 6, weight: 60, contribution: 35 },
      { component: 'dataAtSource', applies: true, value: 0.5, raw: 1, total: 2, weight: 40, contribution: 20 },
    ]);
    const s = summary as any;
    expect(s.moves.map((m: any) => [m.id, m.fromName, m.toName, m.category, m.registrations, m.mode, m.gain])).toEqual([
      ['i4', 'BRP Burgerzaken', 'Sociaal Domein', 'olderOpen', ['BRP'], 'copy', 25],
      // i5 and i6 gain the same; Website and Klantcontact have 4 interfaces between them, Belastingen and Website 3.
      ['i6', 'Website', 'Klantcontact', 'unknown', [], null, 10],
      ['i5', 'Belastingen', 'Website', 'proprietary', [], null, 10],
    ]);
    expect(s.receivers.map((r: any) => [r.name, r.registrations, r.mode])).toEqual([['Sociaal Domein', ['BRP'], 'copy'], ['Zaaksysteem', ['BRP'], 'retrieval']]);
    expect(Object.fromEntries(s.layers.map((l: any) => [l.layer, l.applications]))).toEqual({ interaction: 2, process: 3, integration: 0, services: 0, data: 2, unplaced: 0 });
  });

  it('when several organisations are loaded, then they are ranked, one without interfaces has no score, and the scores are binned', async () => {
    const { rows, summary } = await run(driver, {});
    expect(rows.map(r => [r.rank, r.organisation, r.commonGroundScore])).toEqual([[1, 'gm2', 60], [2, 'gm1', 55], [null, 'gm3', null]]);
    const s = summary as any;
    expect(s.overall).toMatchObject({ organisations: 3, interfaces: 9, openApi: 5, baseRegistrationReceivers: 4, receiversByCopy: 2, meanScore: 57.5, medianScore: 57.5 });
    expect(s.distribution.filter((b: any) => b.organisations > 0)).toEqual([{ from: 50, to: 59, organisations: 1 }, { from: 60, to: 69, organisations: 1 }]);
    expect(s.moves[0]).toMatchObject({ organisation: 'gm2', id: 'j2', registrations: ['BAG'], mode: 'copy', gain: 40 });
  });

  it('when every interface is asked for, then each row has its kind and the points moving it would gain', async () => {
    const { rows } = await run(driver, { organisation: 'gm1', list: 'interfaces' });
    // Equal gains by the tie rule: more interfaces at the ends first (i6 4, i5 3; i2 and i3 5, i1 4), then by name.
    expect(rows.map(r => [r.id, r.gain, r.endInterfaces])).toEqual([['i4', 25, 3], ['i6', 10, 4], ['i5', 10, 3], ['i3', 0, 5], ['i2', 0, 5], ['i1', 0, 4]]);
    expect(rows.find(r => r.id === 'i3')).toMatchObject({ category: 'openApi', registrations: ['BRP'], mode: 'retrieval' });
  });

  it('when many interfaces gain the same and fewer are shown, then the tie rule chooses (copy, critical ends, interfaces, name) and the summary says how many tie', async () => {
    const { summary } = await run(driver, { organisation: 'gm1', limit: '2' });
    const s = summary as any;
    expect(s.moves.map((m: any) => [m.id, m.gain, m.criticalApplications, m.endInterfaces])).toEqual([['i4', 25, 0, 3], ['i6', 10, 0, 4]]);
    expect(s.tiedMoves).toEqual([]);
    const one = (await run(driver, { organisation: 'gm1', limit: '1' })).summary as any;
    expect(one.tiedMoves).toEqual([]);
    // On the demo municipality many interfaces tie at the best gain: the three shown rank first by the rule among all of them.
    const demo = demoSnapshot('municipality');
    const shown = commonGround(demo, { limit: 3, list: 'organisations' }).summary as any;
    const all = commonGround(demo, { limit: 0, list: 'interfaces' }).rows as any[];
    const [tie] = shown.tiedMoves;
    expect(tie.interfaces).toBeGreaterThan(3);
    expect(tie.shown).toBe(3);
    const key = (m: any) => [Number(m.mode === 'copy'), m.criticalApplications, m.endInterfaces];
    const tied = all.filter(m => m.gain === tie.gain).map(key);
    expect(tied.length).toBe(tie.interfaces);
    expect(shown.moves.map(key)).toEqual(tied.slice(0, 3));
  });
});
