// GET /api/changes, /api/trends and /api/imports/:runId/rows over HTTP, on a fixture with known changes:
// the English set, then the same set changed in every table (tests/importers/diff.test.ts) with contract
// c1 moved into its notice window and covering Documentbeheer instead of the Berichtenmakelaar.
import type { Driver } from 'neo4j-driver';
import { type ImportReport, importFiles } from '../../importers/import.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { changedFixture, csv, edited, enText } from '../importers/support.js';
import { appFor, request } from './support.js';

// c1 ends years away first (outside any notice window), then in four months with three months' notice;
// c2 (removed by the second run) ends years away too.
const far = addMonths(today(), 48);
const soon = addMonths(today(), 4);
const before = () => edited({ 'contracts.csv': enText('contracts.csv').replace('2022-01-01,2026-12-31,6', `2022-01-01,${far},6`).replace('2020-03-01,2027-02-28,3', `2020-03-01,${far},3`) });
const after = () => changedFixture().map(file => (file.name === 'contracts.csv'
  ? csv('contracts.csv', Buffer.from(file.bytes).toString('utf8').replace('c1,gm-a,acme,zaak|esb,2022-01-01,2027-12-31,6', `c1,gm-a,acme,zaak|dms,2022-01-01,${soon},3`))
  : file));

describe('what changed since', () => {
  let driver: Driver;
  let first: ImportReport;
  let second: ImportReport;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    first = await importFiles(driver, before(), { source: 'csv:en', user: 'tester' });
    second = await importFiles(driver, after(), { source: 'csv:en', user: 'editor', allowRemovals: true });
  });
  afterAll(() => driver.close());

  it('when the runs recorded their headline numbers, then the report says for how many organisations', () => {
    expect(first.headlines).toEqual({ organisations: 1, durationMs: expect.any(Number) });
    expect(second.headlines).toEqual({ organisations: 1, durationMs: expect.any(Number) });
  });

  it('when asked since the first run for gm-a, then the rows of the second run per table, field by field, and the headline numbers before and after', async () => {
    const response = await request(appFor(driver)).get(`/api/changes?since=${first.runId}&organisation=gm-a`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(body.since).toEqual({ at: expect.any(String), runId: first.runId });
    expect(body.runs).toEqual([{ runId: second.runId, source: 'csv:en', at: expect.any(String), startedAt: expect.any(String), user: 'editor', kind: 'diff', imported: 'csv', rows: true, counts: null }]);
    // Its start, for the link to what it alone changed (since=<start>&until=<run id>): before it finished.
    expect(Date.parse(body.runs[0].startedAt)).toBeLessThanOrEqual(Date.parse(body.runs[0].at));
    expect(body.complete).toBe(true);
    const counts = Object.fromEntries(Object.entries(body.tables as Record<string, { added: number; changed: number; removed: number }>).map(([table, t]) => [table, [t.added, t.changed, t.removed]]));
    // regio supplied gm-a's brp; iaas1 hosted its saas1; both went, and the renamed cloudy hosts saas1.
    expect(counts).toEqual({ suppliers: [1, 1, 1], platforms: [1, 2, 1], applications: [1, 2, 1], interfaces: [1, 1, 1], contracts: [1, 1, 1] });
    expect(body.tables.applications.items.added).toEqual([{ uid: 'app:gm-a/dms', name: 'Documentbeheer', organisation: 'gm-a' }]);
    expect(body.tables.applications.items.removed).toEqual([{ uid: 'app:gm-a/web', name: 'Website; portaal, publiek', organisation: 'gm-a' }]);
    expect(body.tables.contracts.items.changed).toEqual([{
      uid: 'contract:gm-a/c1', name: 'Acme B.V. – Documentbeheer en Zaaksysteem (c1)', organisation: 'gm-a', fields: [
        { field: 'applications', before: ['esb', 'zaak'], after: ['dms', 'zaak'], names: { before: ['Berichtenmakelaar', 'Zaaksysteem'], after: ['Documentbeheer', 'Zaaksysteem'] } },
        { field: 'end', before: far, after: soon }, { field: 'noticeMonths', before: 6, after: 3 },
      ],
    }]);
    // A contract named as the reports name it, an interface by its ends; the code after it, in brackets.
    expect(body.tables.contracts.items.added).toEqual([{ uid: 'contract:gm-a/c3', name: 'Newco B.V. – BRP-bevraging en Documentbeheer (c3)', organisation: 'gm-a' }]);
    expect(body.tables.contracts.items.removed).toEqual([{ uid: 'contract:gm-a/c2', name: 'Hostco – BRP-bevraging (c2)', organisation: 'gm-a' }]);
    expect(body.tables.interfaces.items.added).toEqual([{ uid: 'interface:gm-a/i3', name: 'Zaaksysteem → Documentbeheer (i3)', organisation: 'gm-a' }]);
    // The website is gone too: named from its own removed row.
    expect(body.tables.interfaces.items.removed).toEqual([{ uid: 'interface:gm-a/i2', name: 'Zaaksysteem → Website; portaal, publiek (i2)', organisation: 'gm-a' }]);
    expect(body.tables.interfaces.items.changed).toEqual([{
      uid: 'interface:gm-a/i1', name: 'BRP-bevraging → Zaaksysteem (i1)', organisation: 'gm-a', fields: [{ field: 'via', before: 'esb', after: null, names: { before: 'Berichtenmakelaar', after: null } }],
    }]);
    // The supplier moved: named by the supplier's name, also the removed one's (from its row).
    expect(body.tables.applications.items.changed.find((item: { uid: string }) => item.uid === 'app:gm-a/brp').fields)
      .toEqual([{ field: 'supplier', before: 'regio', after: 'newco', names: { before: 'Régio ICT B.V.', after: 'Newco B.V.' } }]);
    // In the language asked: "and" between the applications.
    const english = await request(appFor(driver)).get(`/api/changes?since=${first.runId}&organisation=gm-a&lang=en`);
    expect(english.body.tables.contracts.items.changed[0].name).toBe('Acme B.V. – Documentbeheer and Zaaksysteem (c1)');
    expect(body.tables.platforms.items.changed.find((item: { uid: string }) => item.uid === 'platform:saas1').fields)
      .toEqual([{ field: 'runsOn', before: 'iaas1', after: null, names: { before: 'Cloudy Cloud', after: null } }]);

    const [gmA] = body.headlines;
    expect(gmA.organisation).toBe('gm-a');
    // Applications per supplier: acme 2, regio 1, cloudy 1 (HHI 50² + 25² + 25²), then acme 2, newco 2.
    expect([gmA.before.hhi, gmA.after.hhi, gmA.before.cr3, gmA.after.cr3]).toEqual([3750, 5000, 100, 100]);
    expect([gmA.before.runId, gmA.after.runId]).toEqual([first.runId, second.runId]);
    // The broker no longer carries i1, so it is no longer a single point of failure; zaak still is.
    expect(gmA.before.spofs.map((item: { uid: string }) => item.uid)).toEqual(['app:gm-a/esb', 'app:gm-a/zaak']);
    expect(gmA.left.spofs).toEqual([{ uid: 'app:gm-a/esb', name: 'Berichtenmakelaar' }]);
    expect(gmA.entered.spofs).toEqual([]);
    // Named as a report names it: its supplier and the applications it covers, by name, as they are now.
    expect(gmA.entered.notice).toEqual([{ uid: 'contract:gm-a/c1', name: 'c1', noticeDeadline: addMonths(soon, -3), end: soon, contract: { id: 'c1', suppliers: ['Acme B.V.'], applications: ['Documentbeheer', 'Zaaksysteem'], end: soon, autoRenew: true } }]);
    // c1 renews by itself and c2 was removed: neither ended in the period.
    expect(gmA.ended).toEqual([]);
    // Newco took regio's application and, with c3, most of the contract value; Hostco's c2 went (98,77 % of it),
    // so Acme's unchanged c1 grew from 1,23 to 19,8 %; the largest moves first. With the amounts behind the shares,
    // counted as the shares are: Newco's two applications and c3's € 5.000 a year, Acme's c1 of € 1.234,56 unchanged.
    expect(gmA.suppliers.find((move: { uid: string }) => move.uid === 'supplier:newco')).toEqual({
      uid: 'supplier:newco', name: 'Newco B.V.',
      before: { applicationsShare: 0, contractValueShare: 0, applications: 0, contractValue: 0 },
      after: { applicationsShare: 50, contractValueShare: 80.2, applications: 2, contractValue: 5000 },
    });
    expect(gmA.suppliers.find((move: { uid: string }) => move.uid === 'supplier:acme')).toMatchObject({
      before: { contractValueShare: 1.23, applications: 2, contractValue: 1234.56 }, after: { contractValueShare: 19.8, applications: 2, contractValue: 1234.56 },
    });
    expect(gmA.suppliers.map((move: { uid: string }) => move.uid)).toEqual(['supplier:hostco', 'supplier:newco', 'supplier:cloudy', 'supplier:regio', 'supplier:acme']);
    // The shares behind them stay out of the numbers before and after.
    expect([gmA.before.suppliers, gmA.after.suppliers]).toEqual([null, null]);
    expect(gmA.baseline).toBe('since');
    expect(typeof gmA.before.meanLockIn).toBe('number');
  });

  it('when asked since a date before both runs, then the first run (kept as counts only) makes the answer incomplete', async () => {
    const response = await request(appFor(driver)).get(`/api/changes?since=${addMonths(today(), -1)}`);
    expect(response.status).toBe(200);
    expect(response.body.runs.map((run: { kind: string }) => run.kind)).toEqual(['initial', 'diff']);
    expect(response.body.complete).toBe(false);
    // Nothing measured before the date: compared with the first measurement after it, so the lists of what
    // entered agree with the cards (esb and zaak were there from the first run: neither is new).
    const [gmA] = response.body.headlines;
    expect([gmA.organisation, gmA.baseline, gmA.before.runId, gmA.after.runId]).toEqual(['gm-a', 'first', first.runId, second.runId]);
    expect(gmA.entered.spofs).toEqual([]);
    expect(gmA.left.spofs).toEqual([{ uid: 'app:gm-a/esb', name: 'Berichtenmakelaar' }]);
  });

  it('when asked up to and including the first run, then only that run, with the numbers as they were after it', async () => {
    const response = await request(appFor(driver)).get(`/api/changes?since=${addMonths(today(), -1)}&until=${first.runId}&organisation=gm-a`);
    expect(response.status).toBe(200);
    expect(response.body.until).toEqual({ at: expect.any(String), runId: first.runId });
    expect(response.body.runs.map((run: { runId: string }) => run.runId)).toEqual([first.runId]);
    const [gmA] = response.body.headlines;
    expect([gmA.before.runId, gmA.after.runId]).toEqual([first.runId, first.runId]);
    expect(gmA.after.hhi).toBe(3750);
  });

  it('when the organisation filter names another organisation, then nothing of gm-a is listed', async () => {
    const response = await request(appFor(driver)).get(`/api/changes?since=${first.runId}&organisation=gm-b`);
    expect(response.status).toBe(200);
    expect(Object.values(response.body.tables as Record<string, { added: number; changed: number; removed: number }>).every(t => t.added + t.changed + t.removed === 0)).toBe(true);
    expect(response.body.headlines).toEqual([]);
  });

  it('when since is missing or names no run, then 400 and 404', async () => {
    const app = appFor(driver);
    expect((await request(app).get('/api/changes')).status).toBe(400);
    expect((await request(app).get('/api/changes?since=00000000-0000-4000-8000-000000000000')).status).toBe(404);
    // Neither a run id nor a date that exists: the user's date is wrong, not some import unknown.
    for (const since of ['no-such-run', 'gisteren-blabla', '275760-09-04']) {
      const response = await request(app).get(`/api/changes?since=${since}`);
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('een bestaande datum');
    }
  });

  it('when an organisation trend is asked, then its headline numbers per run, oldest first', async () => {
    const response = await request(appFor(driver)).get('/api/trends?organisation=gm-a');
    expect(response.status).toBe(200);
    expect(response.body.series.map((point: { runId: string; hhi: number; spofCount: number; noticeCount: number }) => [point.runId, point.hhi, point.spofCount, point.noticeCount]))
      .toEqual([[first.runId, 3750, 2, 0], [second.runId, 5000, 1, 1]]);
    expect((await request(appFor(driver)).get('/api/trends')).status).toBe(400);

    // `since` a date: from its midnight in the Netherlands, as the changes page counts a day. The first
    // numbers as if recorded at 00:30 on 15 July there (22:30 UTC the day before).
    const [{ at }] = (await driver.executeQuery('MATCH (h:Headline {organisation: "gm-a", runId: $runId}) WITH h, toString(h.at) AS at SET h.at = datetime("2026-07-14T22:30:00Z") RETURN at', { runId: first.runId })).records.map(r => r.toObject());
    const runsSince = async (day: string) => (await request(appFor(driver)).get(`/api/trends?organisation=gm-a&since=${day}`)).body.series.map((point: { runId: string }) => point.runId);
    try {
      expect(await runsSince('2026-07-15')).toEqual([first.runId, second.runId]);
      expect(await runsSince('2026-07-16')).toEqual([second.runId]);
    } finally {
      await driver.executeQuery('MATCH (h:Headline {organisation: "gm-a", runId: $runId}) SET h.at = datetime($at)', { runId: first.runId, at });
    }
  });

  it('when the rows as of the first run are asked, then they are the first files\' rows', async () => {
    const response = await request(appFor(driver)).get(`/api/imports/${first.runId}/rows`);
    expect(response.status).toBe(200);
    expect(response.body.source).toBe('csv:en');
    expect(response.body.tables.applications.map((row: { id: string }) => row.id)).toEqual(['brp', 'esb', 'web', 'zaak']);
    expect(response.body.tables.contracts.find((row: { id: string }) => row.id === 'c1').end).toBe(far);
    expect((await request(appFor(driver)).get('/api/imports/no-such-run/rows')).status).toBe(404);
  });
});
