import type { Driver } from 'neo4j-driver';
import { importArchimate } from '../../importers/sources/archimate/import.js';
import { ameffNested, ameffWithAttribute, ameffWithText } from '../../bench/bomb-files.js';
import { MAX_FILE_BYTES } from '../../importers/sources/archimate/read.js';
import { XML_LIMITS } from '../../importers/sources/archimate/xml-limits.js';
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

  it.each([
    ['a long attribute', ameffWithAttribute(XML_LIMITS.attributeBytes + 1), /^model\.xml:5:66: an attribute value of more than 100000 bytes/],
    ['a long text', ameffWithText(XML_LIMITS.textBytes + 1), /^model\.xml:5:89: a text of more than 1000000 bytes/],
    ['10,000 levels of nesting', ameffNested(10_000), /^model\.xml:6:\d+: elements nested more than 100 deep/],
  ])('when the file holds %s, then it is refused before parsing with its line and column, and the graph is unchanged', async (_what, file, message) => {
    await expect(importArchimate(driver, file, { organisation: 'gm9999', source: 'archimate:gm9999', fileName: 'model.xml' })).rejects.toMatchObject({ name: 'InputError', message: expect.stringMatching(message) });
    expect(await snapshot(driver)).toEqual(before);
  });

  it('when the values are just within the limits, then the model is read', async () => {
    for (const file of [ameffWithAttribute(XML_LIMITS.attributeBytes), ameffNested(90)]) {
      await expect(importArchimate(driver, file, { organisation: 'gm9999', source: 'archimate:limits', fileName: 'model.xml', dryRun: true })).resolves.toMatchObject({ dryRun: true });
    }
  });

  it('when an Archi model has an element without an id or a byte that is not UTF-8, then the error names the file and where', async () => {
    const native = (element: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<archimate:model xmlns:archimate="http://www.archimatetool.com/archimate" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" name="M" id="m1">\n<folder name="Application" id="f1" type="application">${element}</folder>\n</archimate:model>\n`);
    await expect(importArchimate(driver, native('<element xsi:type="archimate:ApplicationComponent" name="Zaak"/>'), { organisation: 'gm9999', fileName: 'm.archimate' }))
      .rejects.toThrow("m.archimate: 'Zaak' of type archimate:ApplicationComponent has no id attribute");
    const bytes = native('<element xsi:type="archimate:ApplicationComponent" id="a1" name="Caf_"/>');
    bytes[bytes.indexOf('_')] = 0xe9; // é in Windows-1252
    await expect(importArchimate(driver, bytes, { organisation: 'gm9999', fileName: 'm.archimate' })).rejects.toThrow(/^m\.archimate:3:\d+: not valid UTF-8 text/);
    expect(await snapshot(driver)).toEqual(before);
  });
});
