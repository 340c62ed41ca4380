// The other importers' problems in the client's language, as the CSV/XLSX issues are (issue 19): an
// ArchiMate file that is not well-formed XML, files Roer cannot tell, an endoflife.date file with a bad
// field, an SBOM of an application Roer does not know. Each says the file, where in it and what was
// expected, in Dutch or English (Accept-Language or `lang`), with its code; without either, the
// importer's own English as before.
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

const BROKEN_XML = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">
  <name>Kapot</name>
  <elements><element identifier="e1"></elements>
</model>`;
const ENDOFLIFE = JSON.stringify({ product: 'tomcat', releases: [{ cycle: '9', eol: 'binnenkort' }] });
const SBOM = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', metadata: { component: { name: 'Bestaat niet', version: '1' } }, components: [{ name: 'log4j-core', version: '2.14.1' }] });

describe('non-CSV import problems in the client\'s language', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(async () => {
    driver = testDriver();
    app = appFor(driver);
    await resetDatabase(driver);
    await loadFixture(driver);
  });
  afterAll(() => driver.close());

  const upload = (name: string, content: string, headers: Record<string, string> = {}, fields: Record<string, string> = {}) => {
    let test = request(app).post('/api/imports').field('dryRun', 'true');
    for (const [header, value] of Object.entries(headers)) test = test.set(header, value);
    for (const [field, value] of Object.entries({ organisation: 'gm0001', ...fields })) test = test.field(field, value);
    return test.attach('files', Buffer.from(content), name);
  };
  const DUTCH = { 'Accept-Language': 'nl-NL,nl;q=0.9' };
  const ENGLISH = { 'Accept-Language': 'en-GB,en;q=0.9' };

  it('an ArchiMate file that is not well-formed XML: file, line and what was expected, in Dutch or English', async () => {
    const dutch = await upload('model.xml', BROKEN_XML, DUTCH);
    expect(dutch.status).toBe(400);
    expect(dutch.body.detail).toMatch(/^model\.xml, regel 4, teken \d+: onleesbare XML: <\/elements> staat waar <\/element> moet komen: <element> \(regel 4, teken 13\) is nog niet gesloten; verwacht: <\/element> vóór <\/elements>/);
    expect(dutch.body.errors).toEqual([expect.objectContaining({ file: 'model.xml', line: 4, code: 'xml-unreadable' })]);
    const english = await upload('model.xml', BROKEN_XML, {}, { lang: 'en' });
    expect(english.body.detail).toMatch(/^model\.xml, line 4, column \d+: malformed XML: <\/elements> stands where <\/element> should be: <element> \(line 4, column 13\) is not closed yet; expected: <\/element> before <\/elements>/);
    // Without a language: the importer's own English, as the CLI prints it.
    const plain = await upload('model.xml', BROKEN_XML);
    expect(plain.body.detail).toMatch(/^model\.xml:4:\d+: malformed XML/);
  });

  it('files Roer cannot tell: what each looks like and what it accepts', async () => {
    const dutch = await upload('notities.pdf', '%PDF-1.4', DUTCH);
    expect(dutch.status).toBe(400);
    // The file named once, what it looks like and what to do with it.
    expect(dutch.body.detail).toMatch(/^notities\.pdf: Roer herkent dit bestand niet: een PDF \(\.pdf\); sla het op als CSV of Excel \(\.xlsx\) en upload dat; verwacht: CSV- of XLSX-tabellen, of één ArchiMate-bestand/);
    expect(dutch.body.detail.split('notities.pdf')).toHaveLength(2);
    const english = await upload('notities.pdf', '%PDF-1.4', ENGLISH);
    expect(english.body.detail).toMatch(/^notities\.pdf: Roer cannot tell what this file is: a PDF \(\.pdf\); save it as CSV or Excel \(\.xlsx\) and upload that; expected: CSV or XLSX tables/);
    const word = await upload('applicaties-overzicht.docx', 'PK-not-really', DUTCH);
    expect(word.body.detail).toMatch(/^applicaties-overzicht\.docx: Roer herkent dit bestand niet: een Word-document \(\.docx\); sla het op als CSV of Excel \(\.xlsx\) en upload dat; verwacht: /);
  });

  it('an endoflife.date file with a date that is none: the field and what was expected', async () => {
    const dutch = await upload('tomcat.json', ENDOFLIFE, DUTCH);
    expect(dutch.status).toBe(422);
    expect(dutch.body.issues).toEqual([expect.objectContaining({
      file: 'tomcat.json', code: 'field-invalid', value: 'binnenkort',
      message: expect.stringMatching(/^tomcat\.json: veld '[^']*eol': 'binnenkort' is geen geldige waarde; verwacht: een datum \(2027-03-31\) of true\/false$/),
    })]);
    const english = await upload('tomcat.json', ENDOFLIFE, ENGLISH);
    expect(english.body.issues[0].message).toMatch(/^tomcat\.json: field '[^']*eol': 'binnenkort' is not valid; expected: a date \(2027-03-31\) or true\/false$/);
  });

  it('an SBOM of an application Roer does not know: the field, the name and what to give instead', async () => {
    const dutch = await upload('bom.json', SBOM, DUTCH);
    expect(dutch.status).toBe(400);
    expect(dutch.body.detail).toBe("bom.json: veld 'metadata.component.name': 'Bestaat niet' is geen applicatie of platform in Roer van gm0001; verwacht: de uid of naam van een applicatie of platform in Roer");
    const english = await upload('bom.json', SBOM, ENGLISH);
    expect(english.body.detail).toBe("bom.json: field 'metadata.component.name': 'Bestaat niet' is no application or platform in Roer of gm0001; expected: the uid or name of an application or platform in Roer");
  });
});
