import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { MAX_FILE_BYTES } from '../../importers/sources/archimate/read.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { fixture, reference } from './support.js';

describe('ArchiMate import rejects unsafe and broken files', () => {
  let driver: Driver;
  let before: string[];
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    await importArchimate(driver, fixture('landscape.xml'), { organisation: 'gm9999', source: 'archimate:gm9999' });
    before = await snapshot(driver);
  });

  it.each([
    ['xxe.xml', 'xxe.xml:2:1: DTDs and entity declarations are not accepted'],
    ['billion-laughs.xml', 'billion-laughs.xml:2:1: DTDs and entity declarations are not accepted'],
    ['coarchi-xxe', 'ApplicationComponent_id-1.xml:2:1: DTDs and entity declarations are not accepted'],
  ])('when %s declares entities, then it fails fast with a clear message and the graph is unchanged', async (file, message) => {
    const started = Date.now();
    await expect(importArchimate(driver, fixture(file), { organisation: 'gm9999', source: 'archimate:gm9999' })).rejects.toThrow(message);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the file is truncated, then the error names line and column and the graph is unchanged', async () => {
    const file = reference('softwarecatalogus-vng/examples/GEMMA.xml');
    await expect(importArchimate(driver, file, { organisation: 'gm9999', source: 'archimate:gm9999' })).rejects.toMatchObject({
      name: 'InputError',
      message: expect.stringMatching(/GEMMA\.xml:54:1: malformed XML \(onleesbare XML\): Expected closing tag 'elements'/),
    });
    const cut = Buffer.from('<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/">\n  <elements>\n    <element identif');
    await expect(importArchimate(driver, cut, { organisation: 'gm9999', source: 'archimate:gm9999', fileName: 'cut.xml' })).rejects.toThrow(/^cut\.xml:4:\d+: malformed XML/);
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the file is larger than the limit, then it is refused before parsing', async () => {
    const huge = new Uint8Array(MAX_FILE_BYTES + 1);
    await expect(importArchimate(driver, huge, { organisation: 'gm9999', fileName: 'huge.xml' })).rejects.toMatchObject({ name: 'TooLargeError' });
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the file is XML but not ArchiMate, then it says what it expected', async () => {
    const other = Buffer.from('<?xml version="1.0"?><html><body/></html>');
    await expect(importArchimate(driver, other, { organisation: 'gm9999', fileName: 'page.html' })).rejects.toThrow(
      "page.html: not an ArchiMate exchange file (<model>) nor an Archi model (<archimate:model>); root is <html>",
    );
  });
});
