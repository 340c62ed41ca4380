// What a civil servant reads when an upload is too large, an archive is a zip bomb or damaged, a zip is
// no coArchi folder, or an ArchiMate file is not well-formed XML (issue 19): in Dutch or English
// (Accept-Language or `lang`), naming the file, what was found and what is allowed, in MB rather than
// bytes, and the XML parser's findings in words of our own. Bombs are made small (bench/bomb-files.ts):
// a 5 MB sheet deflated to a few kB. Nothing is imported.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { deflated, xlsxBomb, zipOf, zipOfManyEntries } from '../../bench/bomb-files.js';
import { postMultipart } from '../../bench/bombs.js';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

const KB = 1024;
const MB = 1024 * KB;
const DUTCH = { 'Accept-Language': 'nl-NL,nl;q=0.9' };
const ENGLISH = { 'Accept-Language': 'en-GB,en;q=0.9' };
const AMEFF = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m">\n  <name>Model</name>\n${body}`;
const rows = (bytes: number) => `id,name\n${'s1,Acme B.V.\n'.repeat(Math.ceil(bytes / 12))}`;

describe('archives, sizes and XML problems in the client\'s language', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  let small: ReturnType<typeof appFor>;
  let server: Server;
  let base: string;
  let before: string[];
  /** The landscape without the audit log (a refused import is audited but changes nothing). */
  const landscape = async () => (await snapshot(driver)).filter(line => !line.includes('"labels":["AuditEntry"]'));
  beforeAll(async () => {
    driver = testDriver();
    app = appFor(driver);
    small = appFor(driver, { ROER_UPLOAD_LIMIT_MB: String(40 / 1024), ROER_UPLOAD_TOTAL_LIMIT_MB: String(60 / 1024) });
    server = small.listen(0, '127.0.0.1');
    await new Promise(done => server.once('listening', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await resetDatabase(driver);
    await loadFixture(driver);
    before = await landscape();
  });
  afterAll(async () => {
    await new Promise(done => server.close(done));
    await driver.close();
  });
  afterEach(async () => expect(await landscape()).toEqual(before));

  const upload = (files: Record<string, string | Buffer>, headers: Record<string, string>, to = app) => {
    let test = request(to).post('/api/imports').field('organisation', 'gm0001');
    for (const [header, value] of Object.entries(headers)) test = test.set(header, value);
    for (const [name, content] of Object.entries(files)) test = test.attach('files', Buffer.from(content), name);
    return test;
  };
  /** The problem's detail in Dutch and in English, its status and its facts. */
  const both = async (name: string, content: string | Buffer) => {
    const [nl, en] = [await upload({ [name]: content }, DUTCH), await upload({ [name]: content }, ENGLISH)];
    expect(en.status).toBe(nl.status);
    return { status: nl.status, nl: nl.body.detail as string, en: en.body.detail as string, facts: nl.body.errors?.[0] };
  };

  it('when an XLSX is a zip bomb, then the part, how many times it would grow and what is allowed', async () => {
    const bomb = await both('leveranciers.xlsx', await xlsxBomb({ inflatedBytes: 5 * MB }));
    expect(bomb.status).toBe(400);
    expect(bomb.facts).toMatchObject({ file: 'leveranciers.xlsx', code: 'zip-bomb', params: { archive: 'workbook', part: 'xl/worksheets/sheet1.xml', max: 100 } });
    expect(bomb.nl).toMatch(/^leveranciers\.xlsx: onderdeel 'xl\/worksheets\/sheet1\.xml' van het werkboek zou uitgepakt [\d.]+ keer zo groot worden \(een zip-bom\?\); verwacht: een XLSX-werkboek zoals Excel of LibreOffice het opslaat, waarvan elk onderdeel uitgepakt hoogstens 100 keer zo groot wordt$/);
    expect(bomb.en).toMatch(/^leveranciers\.xlsx: part 'xl\/worksheets\/sheet1\.xml' of the workbook would unpack to [\d,]+ times its size \(a zip bomb\?\); expected: an XLSX workbook as Excel or LibreOffice saves it, each part unpacking to at most 100 times its size$/);
  });

  it('when an XLSX unpacks too large, lies about its size or has too many parts, then sizes in MB and counts as people write them', async () => {
    const large = await both('leveranciers.xlsx', await xlsxBomb({ inflatedBytes: 40 * MB }));
    expect([large.nl, large.en]).toEqual([
      'leveranciers.xlsx: het werkboek wordt uitgepakt 40 MB groot; verwacht: hoogstens 32 MB uitgepakt (sla grote tabellen op als CSV; daarvoor geldt deze grens niet)',
      'leveranciers.xlsx: the workbook unpacks to 40 MB; expected: at most 32 MB unpacked (save large tables as CSV, which has no such limit)',
    ]);
    const forged = await both('leveranciers.xlsx', await xlsxBomb({ inflatedBytes: 3 * MB, declaredBytes: 10_000 }));
    expect(forged.nl).toBe("leveranciers.xlsx: onderdeel 'xl/worksheets/sheet1.xml' wordt uitgepakt groter dan de 10 kB die het opgeeft: het werkboek is beschadigd of vervalst; verwacht: een XLSX-werkboek zoals Excel of LibreOffice het opslaat");
    const many = await both('leveranciers.xlsx', zipOfManyEntries(2100));
    expect([many.nl, many.en]).toEqual([
      'leveranciers.xlsx: het werkboek bevat 2.104 onderdelen; verwacht: hoogstens 2.000 onderdelen (een werkboek heeft er hooguit enkele tientallen)',
      'leveranciers.xlsx: the workbook holds 2,104 parts; expected: at most 2,000 parts (a workbook has a few dozen at most)',
    ]);
  });

  it('when a zip holds no coArchi folder, then it says so in the language asked for', async () => {
    const zip = await both('model.zip', zipOf([deflated('leesmij.txt', 'hallo')]));
    expect(zip.status).toBe(400);
    expect(zip.nl).toMatch(/^model\.zip: Roer herkent dit bestand niet: een zip zonder model\/folder\.xml, dus geen coArchi-map; verwacht: CSV- of XLSX-tabellen/);
    expect(zip.en).toMatch(/^model\.zip: Roer cannot tell what this file is: a zip without model\/folder\.xml, so no coArchi folder; expected: CSV or XLSX tables/);
  });

  it('when an upload is over the limits, then 413 with the sizes in MB or kB, in Dutch or English', async () => {
    const files = { 'a-suppliers.csv': rows(35 * KB), 'b-suppliers.csv': rows(35 * KB) };
    const [nl, en] = [await upload(files, DUTCH, small), await upload(files, ENGLISH, small)];
    expect([nl.status, en.status]).toEqual([413, 413]);
    expect(nl.body.detail).toMatch(/^De upload is 7\d kB, groter dan de 60 kB per keer; verwacht: hoogstens 60 kB per upload \(upload grote bestanden apart\)$/);
    expect(en.body.detail).toMatch(/^The upload is 7\d kB, more than the 60 kB per request; expected: at most 60 kB per upload \(upload large files one at a time\)$/);
    expect(nl.body.errors).toEqual([expect.objectContaining({ code: 'upload-too-large', params: { size: expect.any(Number), max: 60 * KB } })]);
    // One file over the per-file limit, refused as it streams in (no Content-Length): the file named.
    const big = await postMultipart(base, '/api/imports?lang=nl', [{ field: 'files', filename: 'leveranciers.csv', bytes: Buffer.from(rows(45 * KB)) }], true);
    expect([big.status, JSON.parse(big.body).detail]).toEqual([413, 'leveranciers.csv: het bestand is groter dan de 40 kB die Roer aanneemt; verwacht: een bestand van hoogstens 40 kB']);
    // Without a language: the English the CLI and older clients read, as before.
    expect((await upload(files, {}, small)).body.detail).toMatch(/^The upload is 0\.07 MB, more than the 0\.06 MB accepted per request/);
  });

  it('when an SBOM lists more components than one application has, then the count and the limit', async () => {
    const sbom = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.5', metadata: { component: { name: 'Zaaksysteem' } }, components: Array.from({ length: 50_001 }, (_, i) => ({ name: `c${i}`, version: '1' })) });
    const answer = await both('bom.json', sbom);
    expect(answer.status).toBe(413);
    expect([answer.nl, answer.en]).toEqual([
      'bom.json: de SBOM noemt 50.001 componenten; verwacht: hoogstens 50.000 componenten: de SBOM van één applicatie of platform',
      'bom.json: the SBOM lists 50,001 components; expected: at most 50,000 components: the SBOM of one application or platform',
    ]);
  });

  it('when an ArchiMate file is not well-formed, then line, column and the finding in words of our own', async () => {
    const cut = await both('model.xml', AMEFF('  <elements>\n    <element identifier="e1" xsi:type="ApplicationComponent">\n      <name>A</name>\n'));
    expect([cut.nl, cut.en]).toEqual([
      'model.xml, regel 6: onleesbare XML: het bestand houdt op terwijl <model>, <elements>, <element> nog open zijn (afgebroken bij opslaan of downloaden?); verwacht: het hele bestand, met elk element gesloten',
      'model.xml, line 6: malformed XML: the file ends while <model>, <elements>, <element> are still open (cut off while saving or downloading?); expected: the whole file, with every element closed',
    ]);
    const unclosed = await both('model.xml', AMEFF('<elements><element identifier="e1"></elements>\n</model>'));
    expect(unclosed.nl).toMatch(/^model\.xml, regel 4, teken \d+: onleesbare XML: <\/elements> staat waar <\/element> moet komen: <element> \(regel 4, teken \d+\) is nog niet gesloten; verwacht: <\/element> vóór <\/elements>: elementen sluiten in de omgekeerde volgorde van openen$/);
    expect(unclosed.en).toMatch(/^model\.xml, line 4, column \d+: malformed XML: <\/elements> stands where <\/element> should be: <element> \(line 4, column \d+\) is not closed yet; expected: <\/element> before <\/elements>/);
    const ampersand = await both('model.xml', AMEFF('<elements><element identifier="e1"><name>Zaak & Document</name></element></elements></model>'));
    expect(ampersand.nl).toBe('model.xml, regel 4, teken 47: onleesbare XML: een losse & in de tekst; verwacht: & geschreven als &amp; (ook in namen en beschrijvingen)');
  });

  it('when the file is a web page, no XML at all or declares an external entity, then it says what it is', async () => {
    const html = await both('model.xml', '<!DOCTYPE html>\n<html><head><title>Aanmelden</title></head><body>Log in</body></html>');
    expect(html.nl).toBe('model.xml: dit is een webpagina (HTML), geen ArchiMate-bestand: bijvoorbeeld een aanmeld- of foutpagina die is opgeslagen in plaats van het model; verwacht: het ArchiMate-bestand zelf (download het opnieuw, zo nodig na aanmelden)');
    expect(html.en).toBe('model.xml: this is a web page (HTML), not an ArchiMate file: a login or error page saved instead of the model, say; expected: the ArchiMate file itself (download it again, after logging in if needed)');
    // Without a DOCTYPE and not well-formed (most pages are not): still a web page, not a parser message.
    const page = await both('model.xml', '<html><body><p>Pagina niet gevonden<br></body></html>');
    expect(page.nl).toBe(html.nl);
    const csv = await both('model.xml', 'id;naam\n1;Zaaksysteem\n');
    expect(csv.nl).toBe("model.xml: dit is geen XML: het begint met 'id;naam'; verwacht: een XML-bestand, dat begint met <?xml of <model (een ArchiMate-uitwisselingsbestand uit Archi of een ander ArchiMate-programma)");
    const xxe = await both('model.xml', '<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<model>&xxe;</model>');
    expect(xxe.facts).toMatchObject({ code: 'xml-dtd', line: 2 });
    expect(xxe.nl).toBe('model.xml, regel 2, teken 1: het bestand verwijst naar een externe DTD of entiteit; die leest Roer niet (een bekende manier om bestanden van de server te lekken); verwacht: XML zonder <!DOCTYPE> en <!ENTITY> (Archi schrijft ze niet)');
    // What the parser says that we have no words for: a Dutch lead sentence, then its own text.
    const other = await both('model.xml', AMEFF('<elements><element identifier="e1"x="1"><name>A</name></element></elements></model>'));
    expect(other.nl).toBe("model.xml, regel 4, teken 35: onleesbare XML: technische melding: Attribute 'x' has no space in starting; verwacht: een goedgevormd XML-bestand (elk element gesloten, tekens als & geschreven als &amp;)");
  });
});
