// The command line tells what it imports with the web import's detectors (importers/formats.ts): a
// coArchi model zipped as a user zips it, which the web page took and the CLI did not.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { detectPathFormat } from '../../importers/cli-format.js';
import { runImportCli } from '../support/cli.js';
import { nodes, resetDatabase, testDriver } from '../support/db.js';
import { zipFolder } from '../support/zip.js';
import { fixture, modelCounts, reference } from '../archimate/support.js';

const SWC_MODEL = reference('softwarecatalogus-archi-coarchi');
const LIMIT = 100 * 1024 * 1024;

describe('npm run import detects formats as the web import does', () => {
  let driver: Driver;
  let work: string;
  let zip: string;
  beforeAll(() => {
    driver = testDriver();
    work = mkdtempSync(join(tmpdir(), 'roer-cli-formats-'));
    zip = join(work, 'Softwarecatalogus-Archi-repository.zip');
    writeFileSync(zip, zipFolder(SWC_MODEL));
  });
  afterAll(async () => {
    rmSync(work, { recursive: true, force: true });
    await driver.close();
  });
  beforeEach(() => resetDatabase(driver));

  it('when paths are given, then each is detected as the web page detects the same upload', async () => {
    const detected = async (paths: string[]) => (await detectPathFormat(paths, LIMIT)).format.name;
    expect(await detected([zip])).toBe('coarchi');
    expect(await detected([SWC_MODEL])).toBe('coarchi');
    expect(await detected([fixture('landscape.xml')])).toBe('archimate');
    expect(await detected([fixture('Gemeenten_applicatieportfolio_2025-01-01.csv')])).toBe('softwarecatalogus-portfolio');
    expect(await detected([join(work, '..', 'nope.csv')]).catch((error: Error) => error.message)).toMatch(/nope\.csv: no such file or folder/);
  });

  it('when a coArchi model is given as a zip, then the CLI imports it like the folder: 901 elements and 1,557 relationships (SOURCE.md)', async () => {
    const { code, stdout, stderr } = await runImportCli([zip, '--organisation', 'gm0001', '--source', 'archimate:zip']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('"Softwarecatalogus": 901 elements / elementen');
    expect(await modelCounts(driver, 'archimate:zip')).toEqual({ elements: 901, relationships: 1557 });
    expect((await nodes(driver, 'ReferenceComponent')).length).toBeGreaterThan(0);
  });

  it('when a zip holds no coArchi model and no objects, then it exits 1 with what the web import says', async () => {
    const notes = join(work, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'readme.txt'), 'geen model');
    const other = join(work, 'other.zip');
    writeFileSync(other, zipFolder(notes, 'notes'));
    const { code, stderr } = await runImportCli([other, '--organisation', 'gm0001']);
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot tell what to import from other.zip (a zip without a coArchi model/folder.xml)');
  });
});
