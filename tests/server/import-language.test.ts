// POST /api/imports answers a rejected upload with its issues in the language the client asks for
// (Accept-Language or the `lang` field), each still naming file, line and column, and with its code
// and params; without either the issues keep the importer's English, as the CLI prints it.
import type { Driver } from 'neo4j-driver';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from './support.js';

const files = {
  'leveranciers.csv': 'id;naam\nacme;Acme BV\n',
  'applicaties.csv': 'id;organisatie;naam;leverancier;kritikaliteit\nzaak;gm3;Zaaksysteem;acme;hoog\nzaak;gm3;Zaaksysteem 2;acme;laag\nbrp;gm3;BRP;acme;heel hoog\ngis;gm3;GIS;niemand;laag\n',
  'contracten.csv': 'id;organisatie;leverancier;applicaties;einddatum;jaarwaarde\nc1;gm3;acme;zaak;31-02-2027;veel\nc2;gm3;acme;zaak|weg;31-12-2027;1.000\n',
  'koppelingen.csv': 'id;van;naar\nk1;zaak;brp\n',
};

type Issue = { file: string; line: number; column: string; code: string; message: string; expected: string };

describe('import issues in the client\'s language', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver);
  });
  afterAll(() => driver.close());
  beforeEach(async () => {
    await resetDatabase(driver);
    await loadFixture(driver);
  });

  const upload = (headers: Record<string, string>, fields: Record<string, string> = {}) => {
    let test = request(app).post('/api/imports').field('source', 'csv:gm3').field('dryRun', 'true');
    for (const [name, value] of Object.entries(headers)) test = test.set(name, value);
    for (const [name, value] of Object.entries(fields)) test = test.field(name, value);
    for (const [name, content] of Object.entries(files)) test = test.attach('files', Buffer.from(content), name);
    return test;
  };
  const messages = (issues: Issue[]) => issues.map(issue => issue.message);

  const DUTCH = [
    "applicaties.csv, regel 3, kolom 'id': id 'zaak' komt twee keer voor in organisatie gm3 (eerst in applicaties.csv, regel 2); verwacht: een id dat één keer voorkomt per tabel en organisatie",
    "applicaties.csv, regel 4, kolom 'kritikaliteit': 'heel hoog' is geen geldige waarde; verwacht: laag, midden, hoog of kritiek",
    "applicaties.csv, regel 5, kolom 'leverancier': onbekende leverancier 'niemand'; verwacht: het id van een leverancier uit deze import of al in Roer",
    "contracten.csv, regel 2, kolom 'einddatum': '31-02-2027' is geen geldige waarde; verwacht: een datum zoals 31-12-2026 of 2026-12-31 die bestaat (februari 2027 heeft 28 dagen, niet 31)",
    "contracten.csv, regel 2, kolom 'jaarwaarde': 'veel' is geen geldige waarde; verwacht: een bedrag in euro zoals 1.234,56, € 1.234,56 of 1234.56",
    "contracten.csv, regel 3, kolom 'applicaties': onbekende applicatie 'weg' in organisatie gm3; verwacht: het id van een applicatie van organisatie gm3 uit deze import of al in Roer",
    "koppelingen.csv, regel 1: de verplichte kolom 'organisatie' ontbreekt in de kopregel; verwacht: een kolom 'organisatie' (of: 'organisation', 'gemeente')",
  ];

  it('when the client asks for Dutch, then every issue reads in Dutch with file, line and column', async () => {
    const response = await upload({ 'Accept-Language': 'nl-NL,nl;q=0.9,en;q=0.5' });
    expect(response.status).toBe(422);
    expect(messages(response.body.issues)).toEqual(DUTCH);
    const criticality = response.body.issues.find((issue: Issue) => issue.column === 'kritikaliteit');
    expect(criticality).toEqual(expect.objectContaining({ file: 'applicaties.csv', line: 4, field: 'criticality', value: 'heel hoog', code: 'invalid', expected: 'laag, midden, hoog of kritiek' }));
  });

  it('when the client asks for English, or names the language in the `lang` field, then the issues read in that language', async () => {
    const english = await upload({ 'Accept-Language': 'en-GB,en;q=0.9' });
    expect(english.status).toBe(422);
    expect(messages(english.body.issues)).toEqual(expect.arrayContaining([
      "applicaties.csv, line 4, column 'kritikaliteit': 'heel hoog' is not a valid value; expected: low, medium, high or critical",
      "applicaties.csv, line 5, column 'leverancier': unknown supplier 'niemand'; expected: the id of a supplier in this import or already in Roer",
      "contracten.csv, line 2, column 'einddatum': '31-02-2027' is not a valid value; expected: a date such as 2026-12-31 or 31-12-2026 that exists (February 2027 has 28 days, not 31)",
    ]));
    const asked = await upload({ 'Accept-Language': 'en' }, { lang: 'nl' });
    expect(messages(asked.body.issues)).toEqual(DUTCH);
  });

  it('when the web UI asks (a progress stream), then the last line carries the issues in the language asked for', async () => {
    const response = await upload({ Accept: 'application/x-ndjson', 'Accept-Language': 'nl' });
    const last = JSON.parse(response.text.trim().split('\n').pop()!);
    expect(last.status).toBe(422);
    expect(messages(last.report.issues)).toEqual(DUTCH);
    expect(last.report.issues.every((issue: Issue) => issue.code)).toBe(true);
  });

  it('when no language is asked for, then the issues keep the English the command line prints', async () => {
    const response = await upload({});
    expect(messages(response.body.issues)).toContain('applicaties.csv:4: kritikaliteit (criticality): "heel hoog" is not valid; expected low, medium, high or critical (laag, midden, hoog, kritiek)');
  });

  it('when a file cannot be read as a table at all, then the problem says so in English / Dutch', async () => {
    const response = await request(app).post('/api/imports').field('source', 'csv:gm3').attach('files', Buffer.from('id;naam\n1;x\n'), 'inventaris.csv');
    expect(response.status).toBe(400);
    expect(response.body.detail).toMatch(/^inventaris\.csv: cannot tell which table this is; .* \/ inventaris\.csv: onbekend welke tabel dit is; laat de bestandsnaam eindigen op een van leveranciers\/suppliers, platformen\/platforms, applicaties\/applications, koppelingen\/interfaces, contracten\/contracts \(bijvoorbeeld gemeente-x-applicaties\.csv\)$/);
  });
});
