import type { Driver } from 'neo4j-driver';
import { runImportCli } from '../support/cli.js';
import { nodes, resetDatabase, snapshot, testDriver } from '../support/db.js';
import { fixture, reference } from './support.js';


describe('npm run import with ArchiMate models', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(() => resetDatabase(driver));

  it('when an AMEFF file is imported with --organisation, then it exits 0 and reports mapped and generic elements', async () => {
    const { code, stdout } = await runImportCli([fixture('landscape.xml'), '--organisation', 'gm9999']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Source archimate:gm9999, run /m);
    expect(stdout).toContain('ameff-3 "Gemeente Voorbeeld": 11 elements / elementen, 10 relationships / relaties, 0 views');
    expect(stdout).toContain('kept as generic elements / bewaard als generieke elementen: BusinessRole 1, DataObject 1');
    expect(stdout).toContain('Application: created 3, updated 0, unchanged 0, removed 0');
    expect(await nodes(driver, 'Application')).toEqual(['app:gm9999/id-brp', 'app:gm9999/id-makelaar', 'app:gm9999/id-zaak']);
  });

  it('when a .archimate model is given without an organisation, then it exits 1 with what to add and writes nothing', async () => {
    const before = await snapshot(driver);
    const { code, stderr } = await runImportCli([reference('ameff-opengroup-xmlexchange/testdata/archisurance.archimate')]);
    expect(code).toBe(1);
    expect(stderr).toContain('An ArchiMate model needs --organisation <gemeente-id> (or --gemma for the GEMMA reference model)');
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when a crafted XXE file is given, then it exits 1 with the DTD message', async () => {
    const { code, stderr } = await runImportCli([fixture('xxe.xml'), '--organisation', 'gm9999']);
    expect(code).toBe(1);
    expect(stderr).toContain('DTDs and entity declarations are not accepted');
  });
});
