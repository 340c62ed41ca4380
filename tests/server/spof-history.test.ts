// The Kwetsbare punten top 10 kept with each run's headline numbers (server/analyses/headlines.ts) and
// compared on GET /api/changes: one organisation, gm-k, whose supplier Grutto delivers three critical
// applications on Hostnet's data centre; the second delivery adds a fourth critical Grutto application.
import type { Driver } from 'neo4j-driver';
import { type ImportReport, importLandscape } from '../../importers/import.js';
import { rankingMoves } from '../../server/analyses/changes.js';
import { headlineAt, headlineSeries } from '../../server/analyses/headlines.js';
import { SPOF_ORGANISATION as ORGANISATION, spofDelivery as landscape } from '../analyses/spof-deliveries.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

describe('the Kwetsbare punten top 10 over the imports', () => {
  let driver: Driver;
  let first: ImportReport;
  let second: ImportReport;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    first = await importLandscape(driver, landscape(['g1', 'g2', 'g3']), { source: 'test:spof', user: 'test' });
    second = await importLandscape(driver, landscape(['g1', 'g2', 'g3', 'g4']), { source: 'test:spof', user: 'test' });
    expect([first.issues, second.issues]).toEqual([[], []]);
  });
  afterAll(() => driver.close());

  it('when a run records the headline numbers, then they keep the first 10 of the ranking the Kwetsbare punten page shows, with its numbers', async () => {
    const { body } = await request(appFor(driver)).get(`/api/analyses/single-points-of-failure?organisation=${ORGANISATION}`);
    expect(body.rows.length).toBeGreaterThan(10);
    const recorded = (await headlineAt(driver, ORGANISATION, null))!;
    expect(recorded.runId).toBe(second.runId);
    expect(recorded.spofRanking).toEqual(body.rows.slice(0, 10).map((row: Record<string, unknown>, index: number) => ({
      uid: row.uid, name: row.name, kind: row.kind, rank: index + 1, articulationPoint: row.articulationPoint,
      failedApplications: row.failedApplications, directlyFailedApplications: row.directlyFailedApplications,
      failedCriticalApplications: row.failedCriticalApplications, businessFunctionsStopping: row.businessFunctionsStopping,
    })));
    // Grutto now hits four critical applications, the data centre and its host three; then those that hit one, x1 last.
    expect(recorded.spofRanking!.map(point => `${point.uid} ${point.failedCriticalApplications}`)).toEqual([
      'supplier:grutto 4', 'platform:dc-noord 3', 'supplier:hostnet 3',
      `app:${ORGANISATION}/g1 1`, `app:${ORGANISATION}/g2 1`, `app:${ORGANISATION}/g3 1`, `app:${ORGANISATION}/g4 1`, `app:${ORGANISATION}/k1 1`, 'supplier:kievit 1',
      `app:${ORGANISATION}/x1 0`,
    ]);
    // The trend points leave it out, as they leave out the other lists.
    const trends = await request(appFor(driver)).get(`/api/trends?organisation=${ORGANISATION}`);
    expect(trends.body.series.map((point: Record<string, unknown>) => 'spofRanking' in point)).toEqual([false, false]);
  });

  it('when the second delivery makes Grutto hit one more critical application, then the changes say so, with what entered and left the top 10', async () => {
    const { body } = await request(appFor(driver)).get(`/api/changes?since=${first.runId}&organisation=${ORGANISATION}`);
    const [change] = body.headlines;
    expect(change.ranking.moved).toEqual([{ uid: 'supplier:grutto', name: 'Grutto Software B.V.', kind: 'supplier', rank: 1, before: 3, after: 4 }]);
    expect(change.ranking.entered).toEqual([{
      uid: `app:${ORGANISATION}/g4`, name: 'Kernsysteem g4', kind: 'application', rank: 7, articulationPoint: false,
      failedApplications: 1, directlyFailedApplications: 1, failedCriticalApplications: 1, businessFunctionsStopping: 0,
    }]);
    expect(change.ranking.left.map((point: { uid: string; rank: number }) => [point.uid, point.rank])).toEqual([[`app:${ORGANISATION}/x2`, 10]]);
    // The lists stay out of the numbers before and after.
    expect([change.before.spofRanking, change.after.spofRanking]).toEqual([null, null]);
  });

  it('when the numbers before were recorded without the top 10, then no moves, and no error', async () => {
    await driver.executeQuery('MATCH (h:Headline {runId: $runId}) REMOVE h.spofRanking', { runId: first.runId });
    const response = await request(appFor(driver)).get(`/api/changes?since=${first.runId}&organisation=${ORGANISATION}`);
    expect(response.status).toBe(200);
    expect(response.body.headlines[0].ranking).toBeNull();
    // Read back as null, beside the one recorded with it.
    expect((await headlineSeries(driver, ORGANISATION)).map(headline => headline.spofRanking === null)).toEqual([true, false]);
    expect(rankingMoves(null, [])).toBeNull();
  });
});
