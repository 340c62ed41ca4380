// Import issues in Dutch and English: each kind of issue the CSV/XLSX pipeline reports has a code and
// params, and issue-words.ts says it in both languages with file, line and column.
import { missingColumnNames } from '../../importers/column-words.js';
import { issueWords } from '../../importers/issue-words.js';
import { rowSchemas, TABLES } from '../../importers/model.js';
import { readTables } from '../../importers/read.js';
import { validate } from '../../importers/validate.js';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

async function issuesOf(...files: { name: string; bytes: Uint8Array }[]) {
  const { issues } = await validate(await readTables(files));
  return issues;
}

describe('import issues in words', () => {
  test('each kind of row problem reads in Dutch and in English, with file, line and column', async () => {
    const issues = await issuesOf(
      file('leveranciers.csv', 'id;naam\nacme;Acme BV\n'),
      file('applicaties.csv', 'id;organisatie;naam;leverancier;kritikaliteit\nzaak;gm0363;Zaaksysteem;acme;hoog\nzaak;gm0363;Zaaksysteem 2;acme;laag\nbrp;gm0363;BRP;acme;heel hoog\ngba;gm0363;GBA;onbekend;laag\n'),
      file('contracten.csv', 'id;organisatie;leverancier;applicaties;startdatum;einddatum;jaarwaarde\nc1;gm0363;acme;zaak;31-12-2026;30-02-2027;veel\nc2;gm0363;acme;zaak|weg;01-01-2027;31-12-2025;1.000\n'),
      file('koppelingen.csv', 'id;van;naar\nk1;zaak;brp\n'),
    );
    const nl = issues.map(issue => issueWords(issue, 'nl').message);
    const en = issues.map(issue => issueWords(issue, 'en').message);
    expect(issues.every(issue => issue.code)).toBe(true);
    expect(nl).toEqual(expect.arrayContaining([
      "applicaties.csv, regel 3, kolom 'id': id 'zaak' komt twee keer voor in organisatie gm0363 (eerst in applicaties.csv, regel 2); verwacht: een id dat één keer voorkomt per tabel en organisatie",
      "applicaties.csv, regel 4, kolom 'kritikaliteit': 'heel hoog' is geen geldige waarde; verwacht: laag, midden, hoog of kritiek",
      "contracten.csv, regel 3, kolom 'applicaties': onbekende applicatie 'weg' in organisatie gm0363; verwacht: het id van een applicatie van organisatie gm0363 uit deze import of al in Roer",
      "contracten.csv, regel 2, kolom 'einddatum': '30-02-2027' is geen geldige waarde; verwacht: een datum zoals 31-12-2026 of 2026-12-31 die bestaat (februari 2027 heeft 28 dagen, niet 30)",
      "contracten.csv, regel 2, kolom 'jaarwaarde': 'veel' is geen geldige waarde; verwacht: een bedrag in euro zoals 1.234,56, € 1.234,56 of 1234.56",
      "contracten.csv, regel 3, kolom 'einddatum': het contract eindigt (31-12-2025) voordat het begint (01-01-2027); verwacht: een einddatum op of na de begindatum (01-01-2027)",
      "koppelingen.csv, regel 1: de verplichte kolom 'organisatie' ontbreekt in de kopregel; verwacht: een kolom 'organisatie' (of: 'organisation', 'gemeente')",
    ]));
    expect(nl).toContain("applicaties.csv, regel 5, kolom 'leverancier': onbekende leverancier 'onbekend'; verwacht: het id van een leverancier uit deze import of al in Roer");
    expect(en).toEqual(expect.arrayContaining([
      "applicaties.csv, line 4, column 'kritikaliteit': 'heel hoog' is not a valid value; expected: low, medium, high or critical",
      "contracten.csv, line 2, column 'einddatum': '30-02-2027' is not a valid value; expected: a date such as 2026-12-31 or 31-12-2026 that exists (February 2027 has 28 days, not 30)",
      "contracten.csv, line 3, column 'einddatum': the contract ends (31 Dec 2025) before it starts (1 Jan 2027); expected: an end date on or after the start (1 Jan 2027)",
      "koppelingen.csv, line 1: the required column 'organisation' is missing from the header; expected: a column 'organisation' (or: 'organisatie', 'gemeente')",
    ]));
    // The Dutch header names the missing column, in the message and in the page's column cell; the key is the alternative.
    const missing = issues.find(issue => issue.code === 'column-missing')!;
    expect([missingColumnNames(missing.column!, String(missing.params!.accepted), 'nl').name, missingColumnNames(missing.column!, String(missing.params!.accepted), 'en').name]).toEqual(['organisatie', 'organisation']);
    // The English the CLI prints is still on the issue.
    expect(issues.find(issue => issue.column === 'kritikaliteit')!.message).toBe('applicaties.csv:4: kritikaliteit (criticality): "heel hoog" is not valid; expected low, medium, high or critical (laag, midden, hoog, kritiek)');
  });

  test('problems in the header and the cells read in Dutch', async () => {
    const issues = await issuesOf(file('leveranciers.csv', 'id;naam;naam;Opmerking;opmerking\nacme;Acme;Acme;x;y\nbeta;Beta\n'), file('platformen.csv', 'id;naam;draaitOp\np1;P1;p2\np2;P2;p1\n'));
    const nl = issues.map(issue => issueWords(issue, 'nl').message);
    expect(nl).toEqual(expect.arrayContaining([
      "leveranciers.csv, regel 1: de kolommen 'naam' en 'naam' zijn allebei 'Naam'; houd er één; verwacht: elke kolom één keer",
      "leveranciers.csv, regel 1: de kolommen 'Opmerking' en 'opmerking' zouden allebei als extra_opmerking bewaard worden; geef er één een andere naam; verwacht: kolommen met elk een eigen naam",
      "leveranciers.csv, regel 3: 2 cellen waar de kopregel er 5 heeft (een ontbrekende ';' of een aanhalingsteken dat niet gesloten wordt?); verwacht: 5 cellen gescheiden door ';'",
      "platformen.csv, regel 2, kolom 'draaitOp': platformen draaien in een kring op elkaar: p1 → p2 → p1; verwacht: een platform dat niet (via andere) op dit platform draait",
    ]));
  });

  test('every message the row schemas give has Dutch words', () => {
    const wrong = ['', ' ', 'x'.repeat(600), 'heel hoog', '-5', '31-02-2027', '0031-12-31', '2026-13-01', 'abc', '7'];
    const untranslated = new Set<string>();
    for (const table of TABLES) {
      const schema = rowSchemas[table] as unknown as { shape: Record<string, { safeParse(value: unknown): { success: boolean; error?: { issues: { message: string; params?: Record<string, string | number> }[] } } }> };
      for (const [field, fieldSchema] of Object.entries(schema.shape)) {
        if (field === 'extra') continue;
        for (const value of wrong) {
          const result = fieldSchema.safeParse(value);
          for (const problem of result.error?.issues ?? []) {
            const expected = problem.message.startsWith('Invalid input') ? 'a value' : problem.message;
            const issue = { file: 'f.csv', line: 2, column: field, field, value, expected, message: '', code: 'invalid', params: problem.params };
            if (issueWords(issue, 'nl').expected === issueWords(issue, 'en').expected) untranslated.add(`${table}.${field}: ${expected}`);
          }
        }
      }
    }
    expect([...untranslated]).toEqual([]);
  });
});
