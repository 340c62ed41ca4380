// An importer answers for its owner id on a local socket (server/presence.ts) from its first staged
// import on. If it cannot listen once, that import fails with the reason, and the next one tries again.
import type { Driver } from 'neo4j-driver';
import { importFiles, runOwner } from '../../importers/import.js';
import { read } from '../../server/neo4j.js';
import { answerAs } from '../../server/presence.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { fixture } from './support.js';

describe('the importer answering for its runs', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());

  it('when its owner socket is taken once, then that staged import fails and the next one answers and imports', async () => {
    await resetDatabase(driver);
    // The name already answered for (here by this same process): listening on it again fails.
    const occupied = await answerAs(runOwner.ownerId);
    await expect(importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows: 5 })).rejects.toThrow(/EADDRINUSE|in use/i);
    // It failed before writing anything, not even its run record.
    expect(await read(driver, 'MATCH (n) RETURN count(n) AS nodes')).toEqual([{ nodes: 0 }]);
    await occupied();
    const report = await importFiles(driver, fixture('en'), { source: 'csv:en', transactionRows: 5 });
    expect(report.ok).toBe(true);
    expect(await read(driver, 'MATCH (a:Application) RETURN count(a) AS applications')).toEqual([{ applications: 4 }]);
    expect(await read(driver, 'MATCH (r:ImportRun) RETURN r.status AS status')).toEqual([{ status: 'ok' }]);
  });
});
