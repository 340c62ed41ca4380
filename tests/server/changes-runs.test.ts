// GET /api/changes lists every import run of the period, also those that keep no diff (the
// Algoritmeregister's, an unchanged delivery), each with what was imported; of the runs whose rows are
// not known (a first import, an ArchiMate model's first) it gives the counts they kept. And `until`:
// with `since` the start of a run and `until` its id, exactly what that one run changed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importAlgoritmeregister } from '../../importers/algoritmeregister.js';
import { importEndOfLife } from '../../importers/endoflife.js';
import { importLandscape } from '../../importers/import.js';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { addMonths, today } from '../../server/analyses/params.js';
import { fixture } from '../archimate/support.js';
import { registerFile, utrecht } from '../importers/algoritmeregister-fixture.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, request } from './support.js';

type Run = {
  runId: string; source: string; kind: string | null; imported: string | null; rows: boolean;
  counts: { tables: Record<string, { added: number; changed: number; unchanged: number; removed: number }>; nodes?: Record<string, { created?: number }> } | null;
};

describe('the imports of a period', () => {
  let driver: Driver;
  const ids: Record<'csv' | 'model' | 'register' | 'endoflife' | 'unchanged' | 'modelAgain' | 'registerAgain', string> = { csv: '', model: '', register: '', endoflife: '', unchanged: '', modelAgain: '', registerAgain: '' };
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
    ids.csv = (await importLandscape(driver, utrecht(), { source: 'csv:utrecht', user: 'tester' })).runId!;
    ids.model = (await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm0001', source: 'archimate:gm0001', user: 'tester' })).runId!;
    ids.register = (await importAlgoritmeregister(driver, [registerFile('algoritmes.json')], { user: 'tester' })).runId!;
    ids.endoflife = (await importEndOfLife(driver, [{ name: 'endoflife.json', bytes: readFileSync(join('importers', 'demo', 'data', 'endoflife.json')) }], { user: 'tester' })).runId!;
    ids.unchanged = (await importLandscape(driver, utrecht(), { source: 'csv:utrecht', user: 'tester' })).runId!;
    ids.modelAgain = (await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm0001', source: 'archimate:gm0001', user: 'tester' })).runId!;
    ids.registerAgain = (await importAlgoritmeregister(driver, [registerFile('algoritmes.json')], { user: 'tester' })).runId!;
  });
  afterAll(() => driver.close());

  const changes = (query: string) => request(appFor(driver)).get(`/api/changes?${query}`);

  it('when asked since a date before all runs, then every run is listed with what it imported, and what only counts were kept of', async () => {
    const response = await changes(`since=${addMonths(today(), -1)}`);
    expect(response.status).toBe(200);
    const runs = response.body.runs as Run[];
    // Each source's first run is its first import, also a model's (always read whole) and the register's (no diff kept).
    expect(runs.map(run => [run.runId, run.imported, run.kind, run.rows])).toEqual([
      [ids.csv, 'csv', 'initial', false],
      [ids.model, 'archimate', 'initial', false],
      [ids.register, 'algoritmeregister', 'initial', false],
      [ids.endoflife, 'endoflife', 'initial', false],
      [ids.unchanged, 'csv', 'unchanged', true],
      [ids.modelAgain, 'archimate', 'model', true],
      [ids.registerAgain, 'algoritmeregister', null, false],
    ]);
    // What each counted: Utrecht's two applications, the model's, the register's five algorithms, and
    // of endoflife.date (no table rows) its release cycles.
    expect(runs[0].counts!.tables.applications).toEqual({ added: 2, changed: 0, unchanged: 0, removed: 0 });
    expect(runs[1].counts!.tables.applications.added).toBeGreaterThan(0);
    expect(runs[2].counts!.tables.algorithms).toEqual({ added: 5, changed: 0, unchanged: 0, removed: 0 });
    expect(Object.values(runs[3].counts!.tables).every(counts => counts.added === 0)).toBe(true);
    expect(runs[3].counts!.nodes!.ReleaseCycle.created).toBeGreaterThan(0);
    expect(runs[4].counts).toBeNull();
    expect(response.body.complete).toBe(false);
  });

  it('when asked from the start of one run up to and including it, then only that run', async () => {
    const imports = (await request(appFor(driver)).get('/api/imports')).body as { runId: string; startedAt: string }[];
    const started = (runId: string) => imports.find(run => run.runId === runId)!.startedAt;
    for (const key of ['csv', 'model', 'register'] as const) {
      const response = await changes(`since=${encodeURIComponent(started(ids[key]))}&until=${ids[key]}`);
      expect(response.status).toBe(200);
      expect(response.body.until).toEqual({ at: expect.any(String), runId: ids[key] });
      expect((response.body.runs as Run[]).map(run => run.runId)).toEqual([ids[key]]);
    }
    // A date: up to the end of that day, so today's runs are all in.
    const all = await changes(`since=${addMonths(today(), -1)}&until=${today()}`);
    expect((all.body.runs as Run[]).map(run => run.runId)).toEqual([ids.csv, ids.model, ids.register, ids.endoflife, ids.unchanged, ids.modelAgain, ids.registerAgain]);
  });

  it('when a date is asked, then it is that day in the Netherlands: an import at 00:30 there belongs to the day it is shown on', async () => {
    // The register's second run, as if it finished at 00:30 on 15 July (summer time, 22:30 UTC the day before).
    await driver.executeQuery('MATCH (r:ImportRun {runId: $runId}) SET r.finishedAt = datetime($at)', { runId: ids.registerAgain, at: '2026-07-14T22:30:00Z' });
    const day = await changes('since=2026-07-15&until=2026-07-15');
    expect(day.status).toBe(200);
    expect((day.body.runs as Run[]).map(run => run.runId)).toEqual([ids.registerAgain]);
    expect([day.body.since, day.body.until]).toEqual([
      { at: '2026-07-14T22:00:00.000Z', runId: null, day: '2026-07-15' },
      { at: '2026-07-15T21:59:59.999Z', runId: null, day: '2026-07-15' },
    ]);
    const dayBefore = await changes('since=2026-07-14&until=2026-07-14');
    expect((dayBefore.body.runs as Run[]).map(run => run.runId)).toEqual([]);
  });

  it('when until is no date or run, or before since, then 400 naming until', async () => {
    for (const query of ['since=2026-01-01&until=gisteren-blabla', 'since=2026-01-01&until=2026-02-31', `since=${ids.model}&until=${ids.csv}`, 'since=2026-01-31&until=2026-01-01']) {
      const response = await changes(query);
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['until']);
    }
    expect((await changes('since=2026-01-01&until=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
