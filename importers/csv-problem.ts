// csv-parse's errors in people's words: every code csv-parse can throw becomes "file, line, column
// (its header), what is wrong, how to fix it", in English and Dutch. The message is written as
// "English / Nederlands" (one " / ", see web/src/errors.ts), so no part of it may contain " / ".

/** Where csv-parse stopped and what it saw there. `column` is 1-based; `header` is that column's header. */
export type CsvProblemPlace = { file: string; line?: number; column?: number; header?: string; code: string; value?: string; got?: string; cells?: number; expectedCells?: number; began?: number };

const QUOTE_HINT = {
  en: 'put the whole value between double quotes and double every quote inside it (a " inside the value is written "")',
  nl: 'zet de hele waarde tussen dubbele aanhalingstekens en verdubbel aanhalingstekens erin (een " binnen de waarde schrijf je als "")',
};

const short = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

function where(p: CsvProblemPlace, l: 'en' | 'nl'): string {
  const column = p.header ? ` (${p.header})` : '';
  if (l === 'en') return `${p.file}${p.line ? `:${p.line}` : ''}${p.column !== undefined ? `, column ${p.column}${column}` : ''}`;
  return `${p.file}${p.line ? `, regel ${p.line}` : ''}${p.column !== undefined ? `, kolom ${p.column}${column}` : ''}`;
}

/** What is wrong and how to fix it, per csv-parse code (with or without its `CSV_` prefix). */
function words(p: CsvProblemPlace): { en: string; nl: string } {
  const code = p.code.replace(/^CSV_/, '');
  switch (code) {
    case 'INVALID_OPENING_QUOTE':
      return {
        en: `a " in the middle of the cell${p.value ? ` (after "${short(p.value)}")` : ''}; ${QUOTE_HINT.en}`,
        nl: `een " midden in de cel${p.value ? ` (na "${short(p.value)}")` : ''}; ${QUOTE_HINT.nl}`,
      };
    case 'INVALID_CLOSING_QUOTE':
    case 'NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return {
        en: `after the closing " of the cell comes ${p.got ? `"${p.got}"` : 'more text'} instead of the delimiter or the end of the line; ${QUOTE_HINT.en}`,
        nl: `na het sluitende " van de cel volgt ${p.got ? `"${p.got}"` : 'nog tekst'} in plaats van het scheidingsteken of het einde van de regel; ${QUOTE_HINT.nl}`,
      };
    case 'QUOTE_NOT_CLOSED':
      return {
        en: `the quote opens a cell that is never closed (expected a closing " before the end of the file); ${QUOTE_HINT.en}`,
        nl: `het aanhalingsteken opent een cel die nergens gesloten wordt (verwacht: een sluitend " vóór het einde van het bestand); ${QUOTE_HINT.nl}`,
      };
    case 'MAX_RECORD_SIZE':
      return {
        en: 'this row is longer than 1,000,000 characters: usually a quote that is never closed swallows the rows after it; check the quotes in this row',
        nl: 'deze rij is langer dan 1.000.000 tekens: meestal slokt een aanhalingsteken dat niet gesloten wordt de rijen erna op; controleer de aanhalingstekens in deze rij',
      };
    case 'RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'RECORD_INCONSISTENT_COLUMNS':
      return {
        en: `this row has ${p.cells ?? 'a different number of'} cells where the header has ${p.expectedCells ?? 'another number'}; check for a delimiter inside a value and put that value between double quotes`,
        nl: `deze rij heeft ${p.cells ?? 'een ander aantal'} cellen waar de kopregel er ${p.expectedCells ?? 'een ander aantal'} heeft; kijk of een waarde het scheidingsteken bevat en zet die waarde tussen dubbele aanhalingstekens`,
      };
    default:
      // INVALID_ARGUMENT, INVALID_OPTION_*, INVALID_COLUMN_*, OPTION_COLUMNS_MISSING_NAME,
      // IGNORE_LAST_DELIMITERS_REQUIRES_COLUMNS: Roer's own settings for the reader, not the file.
      return {
        en: `Roer's CSV reader could not read it (${p.code}); this is a fault in Roer, not in your file: save the file as Excel (.xlsx) and import that, and report the fault`,
        nl: `de CSV-lezer van Roer kon het niet lezen (${p.code}); dit is een fout in Roer, niet in uw bestand: sla het bestand op als Excel (.xlsx), importeer dat en meld de fout`,
      };
  }
}

/** The whole message, "English / Nederlands", naming file, line, column and header. */
export function csvProblemMessage(p: CsvProblemPlace): string {
  const w = words(p);
  const began = p.began !== undefined && p.line !== undefined && p.began < p.line;
  const en = `${where(p, 'en')}: not readable as CSV: ${w.en}${began ? ` (the row began at line ${p.began}: is a quote there left open?)` : ''}`;
  const nl = `${where(p, 'nl')}: niet te lezen als CSV: ${w.nl}${began ? ` (de rij begon op regel ${p.began}: staat daar een aanhalingsteken open?)` : ''}`;
  return `${en.replaceAll(' / ', ', ')} / ${nl.replaceAll(' / ', ', ')}`;
}

/** The 1-based cell of the record starting at `start` that byte `offset` is in (quotes respected). */
export function cellAt(bytes: Uint8Array, start: number, offset: number, delimiter: number): number {
  let cell = 1;
  let quoted = false;
  for (let i = start; i < offset; i++) {
    if (bytes[i] === 0x22) quoted = !quoted;
    else if (bytes[i] === delimiter && !quoted) cell++;
  }
  return cell;
}
