// An import issue in words, Dutch or English. Issues are data (Backstage's errors-as-values): where
// (file, line, column), the value, a `code` and its `params`; this one function turns them into the
// sentence a civil servant reads, for the web UI (which bundles this file: no Node imports) and for
// the API when the client asks for a language. The CLI keeps the English `message` the issue carries.
// All of an import's problems are said here: the tables' rows and columns, the other importers' files
// (ArchiMate, Softwarecatalogus, SBOM…), archives (XLSX workbooks and zips: bombs, too many parts, too
// large unpacked, damaged), files and uploads over a size limit, and what the XML parser found, in
// words of our own. Sizes as people know them ("52 MB"), never bytes.
import { formatDate } from '../server/format.js';
import { KIND_NAMES, type Language } from '../server/labels.js';
import { fieldWords, missingColumnWords } from './column-words.js';
import { unknownFormatProblem } from './unknown-format-words.js';

type Words = Record<Language, string>;

export type IssueCode =
  | 'invalid' | 'column-missing' | 'no-rows' | 'duplicate-id' | 'unknown-reference' | 'other-organisation' | 'end-before-start' | 'platform-loop'
  | 'header-too-long' | 'column-twice' | 'columns-same-property' | 'columns-same-field' | 'cell-without-header' | 'too-few-cells' | 'not-utf8'
  | FileIssueCode;
/** The other importers' problems (ArchiMate, Softwarecatalogus, Algoritmeregister, endoflife, SBOM; importers/file-problem.ts): FILE_PHRASES. */
export type FileIssueCode =
  | 'field-invalid' | 'file-not-utf8' | 'json-unreadable' | 'json-not-list' | 'xml-too-large' | 'not-archimate' | 'archimate-namespace'
  | 'archimate-no-id' | 'unknown-format' | 'organisation-needed' | 'gemma-source' | 'not-portfolio' | 'sbom-not-cyclonedx' | 'sbom-no-subject'
  | 'sbom-target-unknown' | 'sbom-target-ambiguous' | 'sbom-one-file' | 'no-json-files' | MoreFileIssueCode;
export type MoreFileIssueCode =
  | 'zip-too-large' | 'zip-bomb' | 'zip-forged' | 'zip-too-many-entries' | 'zip-encrypted' | 'zip-unreadable' | 'zip-path-outside'
  | 'not-coarchi' | 'folder-too-large' | 'sbom-too-many' | 'upload-too-large' | 'upload-too-many-files' | 'file-too-large' | 'xml-unreadable' | 'xml-dtd';
export type IssueParams = Record<string, string | number | undefined>;
/** What an issue needs to be put in words; `message` and `expected` are the English the importer wrote (used when there is no code). */
export type IssueFacts = { file?: string; line?: number; column?: string; field?: string; value?: unknown; expected?: string; message: string; code?: string; params?: IssueParams };

/**
 * What the row schemas (importers/model.ts) expect, by the English text they give zod: the Dutch next to it.
 * tests/importers/issue-words.test.ts feeds every field a wrong value, so a new schema message without Dutch fails there.
 */
const EXPECTED_NL: Record<string, string> = {
  'a value': 'een waarde',
  'an id (text)': 'een id (tekst)',
  'an id (not empty)': 'een id (niet leeg)',
  'an id of at most 200 characters': 'een id van hoogstens 200 tekens',
  'a name': 'een naam',
  'a name (not empty)': 'een naam (niet leeg)',
  'a name of at most 500 characters': 'een naam van hoogstens 500 tekens',
  'at most 500 characters': 'hoogstens 500 tekens',
  'yes/no, ja/nee or true/false': 'ja/nee, waar/onwaar of yes/no',
  'a date such as 2026-12-31 or 31-12-2026': 'een datum zoals 31-12-2026 of 2026-12-31',
  'an amount in euros such as 1234.56, 1.234,56 or € 1.234,56': 'een bedrag in euro zoals 1.234,56, € 1.234,56 of 1234.56',
  'a non-negative amount': 'een bedrag van 0 of meer',
  'a whole number of months (0–120)': 'een heel aantal maanden (0–120)',
  'low, medium, high or critical (laag, midden, hoog, kritiek)': 'laag, midden, hoog of kritiek',
  'on-premise, data-centre, saas or iaas (eigen serverruimte, rekencentrum, saas, cloud)': 'eigen serverruimte, rekencentrum, saas of cloud (on-premise, data-centre, iaas)',
  'NL, EU, US or other (overig)': 'NL, EU, VS of overig',
  'NL, EU, US, other (overig) or a country such as Verenigde Staten, Duitsland, DE': 'NL, EU, VS, overig of een land zoals Verenigde Staten, Duitsland, DE',
  'a BIV rating such as 3-2-2': 'een BIV-classificatie zoals 3-2-2',
  'a whole number from 1 to 3': 'een heel getal van 1 tot en met 3',
  'a whole number from 1 to 5': 'een heel getal van 1 tot en met 5',
};
/** What the other importers expect (their issues' `expected`, English as they wrote it): the Dutch next to it. */
const FILE_EXPECTED_NL: Record<string, string> = {
  'a list of release cycles or a product with "releases"': 'een lijst releasecycli of een product met "releases"',
  'endoflife.date release cycles': 'releasecycli van endoflife.date',
  'a product id such as "tomcat"': 'een product-id zoals "tomcat"',
  'at least one release cycle': 'minstens één releasecyclus',
  'a release cycle object': 'een releasecyclus (een object)',
  'the cycle, such as "9.0"': 'de cyclus, zoals "9.0"',
  'a date (2027-03-31) or true/false': 'een datum (2027-03-31) of true/false',
  'a list of components': 'een lijst componenten',
  'a component object': 'een component (een object)',
  'the component name': 'de naam van het component',
  'a CycloneDX SBOM': 'een CycloneDX-SBOM',
  'an object': 'een object',
  'a JSON file in UTF-8': 'een JSON-bestand in UTF-8',
  'an XML file in UTF-8': 'een XML-bestand in UTF-8',
  'well-formed JSON': 'geldige JSON',
  'an entry (an object with id, title, organisatie…)': 'een algoritme (een object met id, title, organisatie…)',
  'the register\'s listing: {"algoritmes": […]} or a list of entries': 'de lijst van het register: {"algoritmes": […]} of een lijst algoritmes',
  'Softwarecatalogus objects: a list of objects, {"results": […]}, one object with an id, or an OpenRegister configuration with components.objects':
    'Softwarecatalogus-objecten: een lijst objecten, {"results": […]}, één object met een id, of een OpenRegister-configuratie met components.objects',
  'a municipality id (gemeente)': 'een gemeente-id (gemeente)',
  'a package version id (Pakketversie ID)': 'een id van de pakketversie (Pakketversie ID)',
  'a package version name (Pakketversie Naam)': 'een naam van de pakketversie (Pakketversie Naam)',
  'a supplier id (Leverancier id)': 'een leveranciers-id (Leverancier id)',
  'a package id (Software ID)': 'een pakket-id (Software ID)',
  'ja or nee': 'ja of nee',
  'a name (title)': 'een naam (title)',
  'the organisation (organisatie)': 'de organisatie (organisatie)',
  'the organisation (not empty)': 'de organisatie (niet leeg)',
  'at most 300 characters': 'hoogstens 300 tekens',
  'Ja, Nee or Onbekend': 'Ja, Nee of Onbekend',
  'in_gebruik, ontwikkeling or buiten_gebruik': 'in_gebruik, ontwikkeling of buiten_gebruik',
  'a date such as 2025-10-31': 'een datum zoals 31-10-2025 of 2025-10-31',
};

/** Friendlier English for the same, where the schema's own words are written for programmers. */
const EXPECTED_EN: Record<string, string> = {
  'low, medium, high or critical (laag, midden, hoog, kritiek)': 'low, medium, high or critical',
};

const MONTHS: Words[] = [
  ['januari', 'January'], ['februari', 'February'], ['maart', 'March'], ['april', 'April'], ['mei', 'May'], ['juni', 'June'],
  ['juli', 'July'], ['augustus', 'August'], ['september', 'September'], ['oktober', 'October'], ['november', 'November'], ['december', 'December'],
].map(([nl, en]) => ({ nl, en }));

/** The words of what a schema expected; a date that does not exist says why (params from model.ts's DateText). */
export function expectedWords(expected: string, language: Language, params: IssueParams = {}): string {
  if (params.why) {
    const date = expectedWords(String(params.date ?? ''), language);
    const { year, month, day, days } = params as Record<string, number>;
    const why = params.why === 'year'
      ? (language === 'nl' ? `een jaartal van vier cijfers, niet ${year}` : `a year of four digits, not ${year}`)
      : params.why === 'month'
        ? (language === 'nl' ? `er is geen maand ${month}` : `there is no month ${month}`)
        : (language === 'nl' ? `${MONTHS[month - 1].nl} ${year} heeft ${days} dagen, niet ${day}` : `${MONTHS[month - 1].en} ${year} has ${days} days, not ${day}`);
    return language === 'nl' ? `${date} die bestaat (${why})` : `${date} that exists (${why})`;
  }
  return (language === 'nl' ? EXPECTED_NL[expected] ?? FILE_EXPECTED_NL[expected] : EXPECTED_EN[expected]) ?? expected;
}

const quoted = (text: unknown) => `'${String(text ?? '')}'`;
const or = (items: string[], language: Language) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${language === 'nl' ? 'of' : 'or'} ${items[items.length - 1]}`;
const kindWord = (kind: unknown, language: Language) => {
  const name = KIND_NAMES[String(kind).charAt(0).toUpperCase() + String(kind).slice(1)]?.[language] ?? String(kind);
  return name.toLowerCase();
};
const article = (word: string, language: Language) => (language === 'nl' ? 'een' : /^[aeiou]/i.test(word) ? 'an' : 'a');
const date = (value: unknown, language: Language) => formatDate(value, language) || String(value ?? '');

/** Where the issue is: "applicaties.csv, regel 14, kolom 'kritiek'". */
export function issuePlace(issue: IssueFacts, language: Language, withColumn = true): string {
  const parts = [issue.file ?? ''];
  if (issue.line) parts.push(`${language === 'nl' ? 'regel' : 'line'} ${issue.line}`);
  if (withColumn && issue.column) parts.push(`${language === 'nl' ? 'kolom' : 'column'} ${quoted(issue.column)}`);
  return parts.filter(Boolean).join(', ');
}

/** What a phrase says: the problem, what was expected, and where in the line (the character) when known. */
export type Said = { problem: string; expected: string; withColumn?: boolean; at?: string };
type Phrase = (issue: IssueFacts, p: IssueParams, language: Language, names: (organisation: string) => string) => Said;

/** Per code: the problem and what was expected, in each language. */
const PHRASES: Record<IssueCode, Phrase> = {
  ...fileMessages(),
  ...moreFileMessages(),
  invalid: (issue, p, l) => {
    const expected = expectedWords(String(p.expected ?? issue.expected ?? ''), l, p);
    const empty = issue.value === undefined || issue.value === '';
    return {
      problem: empty ? (l === 'nl' ? 'niet ingevuld' : 'empty') : l === 'nl' ? `${quoted(issue.value)} is geen geldige waarde` : `${quoted(issue.value)} is not a valid value`,
      expected,
    };
  },
  // In Dutch the column is named by its Dutch header, the key only as the alternative (column-words.ts).
  'column-missing': (issue, p, l) => ({ withColumn: false, ...missingColumnWords(String(issue.column ?? ''), p.accepted === undefined ? undefined : String(p.accepted), l) }),
  'no-rows': (_issue, _p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? 'het bestand heeft alleen een kopregel' : 'the file has a header but no rows',
    expected: l === 'nl' ? 'minstens één rij onder de kopregel (laat het bestand weg om te houden wat de bron heeft)' : 'at least one row below the header (leave the file out to keep what the source has)',
  }),
  'duplicate-id': (_issue, p, l, names) => {
    const org = p.organisation === undefined ? '' : l === 'nl' ? ` in organisatie ${names(String(p.organisation))}` : ` in organisation ${names(String(p.organisation))}`;
    const first = `${p.firstFile}, ${l === 'nl' ? 'regel' : 'line'} ${p.firstLine}`;
    return l === 'nl'
      ? { problem: `id ${quoted(p.id)} komt twee keer voor${org} (eerst in ${first})`, expected: `een id dat één keer voorkomt per tabel${p.organisation === undefined ? '' : ' en organisatie'}` }
      : { problem: `duplicate id ${quoted(p.id)}${org} (first in ${first})`, expected: `an id used once per table${p.organisation === undefined ? '' : ' and organisation'}` };
  },
  'unknown-reference': (_issue, p, l, names) => {
    const kind = kindWord(p.kind, l);
    const org = p.organisation === undefined ? '' : names(String(p.organisation));
    return l === 'nl'
      ? { problem: `onbekende ${kind} ${quoted(p.value)}${org ? ` in organisatie ${org}` : ''}`, expected: `het id van een ${kind}${org ? ` van organisatie ${org}` : ''} uit deze import of al in Roer` }
      : { problem: `unknown ${kind} ${quoted(p.value)}${org ? ` in organisation ${org}` : ''}`, expected: `the id of ${article(kind, l)} ${kind}${org ? ` of organisation ${org}` : ''} in this import or already in Roer` };
  },
  'other-organisation': (_issue, p, l, names) => {
    const owners = or(String(p.owners ?? '').split('|').map(names), l);
    const org = names(String(p.organisation));
    return l === 'nl'
      ? { problem: `applicatie ${quoted(p.value)} hoort bij ${owners}, niet bij ${org} die dit contract heeft`, expected: `applicaties van ${org}` }
      : { problem: `application ${quoted(p.value)} belongs to ${owners}, not to ${org} that holds this contract`, expected: `applications of ${org}` };
  },
  'end-before-start': (_issue, p, l) => l === 'nl'
    ? { problem: `het contract eindigt (${date(p.end, l)}) voordat het begint (${date(p.start, l)})`, expected: `een einddatum op of na de begindatum (${date(p.start, l)})` }
    : { problem: `the contract ends (${date(p.end, l)}) before it starts (${date(p.start, l)})`, expected: `an end date on or after the start (${date(p.start, l)})` },
  'platform-loop': (_issue, p, l) => l === 'nl'
    ? { problem: `platformen draaien in een kring op elkaar: ${String(p.cycle ?? '').split('|').join(' → ')}`, expected: 'een platform dat niet (via andere) op dit platform draait' }
    : { problem: `platforms run on each other in a loop: ${String(p.cycle ?? '').split('|').join(' → ')}`, expected: 'a platform that does not (indirectly) run on this one' },
  'header-too-long': (_issue, p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? `kolom ${p.number} heeft een naam van ${p.length} tekens (een rij gegevens in de kopregel?)` : `column ${p.number} has a name of ${p.length} characters (a row of data in the header line?)`,
    expected: l === 'nl' ? `een kolomnaam van hoogstens ${p.max} tekens` : `a column name of at most ${p.max} characters`,
  }),
  'column-twice': (issue, _p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? `kolom ${quoted(issue.column)} staat er twee keer in` : `column ${quoted(issue.column)} appears twice`,
    expected: l === 'nl' ? 'elke kolom één keer' : 'each column once',
  }),
  'columns-same-property': (issue, p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? `de kolommen ${quoted(p.twin)} en ${quoted(issue.column)} zouden allebei als ${p.property} bewaard worden; geef er één een andere naam` : `columns ${quoted(p.twin)} and ${quoted(issue.column)} would both be kept as ${p.property}; rename one`,
    expected: l === 'nl' ? 'kolommen met elk een eigen naam' : 'columns with names of their own',
  }),
  'columns-same-field': (issue, p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? `de kolommen ${quoted(p.first)} en ${quoted(issue.column)} zijn allebei ${quoted(fieldWords(String(issue.field), l))}; houd er één` : `columns ${quoted(p.first)} and ${quoted(issue.column)} are both ${quoted(fieldWords(String(issue.field), l))}; keep one`,
    expected: l === 'nl' ? 'elke kolom één keer' : 'each column once',
  }),
  'cell-without-header': (_issue, p, l) => ({
    problem: l === 'nl' ? `een waarde in een kolom zonder kopje (${p.cells} cellen, ${p.named} kolommen met een naam)` : `a value in a column without a header (${p.cells} cells, ${p.named} named columns)`,
    expected: l === 'nl' ? `hoogstens ${p.width} cellen, elk onder een kolom met een naam` : `at most ${p.width} cells, each under a named column`,
  }),
  'too-few-cells': (_issue, p, l) => ({
    withColumn: false,
    problem: l === 'nl' ? `${p.cells} cellen waar de kopregel er ${p.width} heeft (een ontbrekende ${quoted(p.delimiter)} of een aanhalingsteken dat niet gesloten wordt?)` : `${p.cells} cells where the header has ${p.width} (a missing ${quoted(p.delimiter)} or an unclosed quote?)`,
    expected: l === 'nl' ? `${p.width} cellen gescheiden door ${quoted(p.delimiter)}` : `${p.width} cells separated by ${quoted(p.delimiter)}`,
  }),
  'not-utf8': (_issue, p, l) => ({
    problem: l === 'nl' ? `byte ${p.bytes} is geen UTF-8, de rest van het bestand wel (getoond als �)` : `byte ${p.bytes} is not UTF-8, while the rest of the file is (shown as �)`,
    expected: l === 'nl' ? 'overal UTF-8-tekst: sla het bestand op als UTF-8 (in Excel: CSV UTF-8)' : 'UTF-8 text throughout: save the file as UTF-8 (CSV UTF-8 in Excel)',
  }),
};

/**
 * An issue in a language: the whole sentence ("applicaties.csv, regel 14, kolom 'kritiek': 'heel hoog' is geen geldige waarde;
 * verwacht: laag, midden, hoog of kritiek") and what was expected alone. An issue without a code (another importer's) keeps its own words.
 */
export function issueWords(issue: IssueFacts, language: Language, names: (organisation: string) => string = organisation => organisation): { message: string; expected: string } {
  const phrase = issue.code ? PHRASES[issue.code as IssueCode] : undefined;
  if (!phrase) return { message: issue.message, expected: issue.expected ? expectedWords(issue.expected, language) : '' };
  const said = phrase(issue, issue.params ?? {}, language, names);
  const place = [issuePlace(issue, language, said.withColumn !== false), said.at].filter(Boolean).join(', ');
  // An upload as a whole has no file to name: the sentence starts with its problem.
  const problem = place ? `${place}: ${said.problem}` : said.problem.charAt(0).toUpperCase() + said.problem.slice(1);
  return { message: `${problem}; ${language === 'nl' ? 'verwacht' : 'expected'}: ${said.expected}`, expected: said.expected };
}

/** An import report with its issues' `message` and `expected` in a language (the API, when the client asks for one). */
export function reportInLanguage<T>(report: T, language: Language): T {
  if (typeof report !== 'object' || report === null || !Array.isArray((report as { issues?: unknown }).issues)) return report;
  const issues = (report as unknown as { issues: IssueFacts[] }).issues.map(issue => (issue && typeof issue === 'object' && typeof issue.message === 'string' ? { ...issue, ...issueWords(issue, language) } : issue));
  return { ...report, issues };
}

const nl = (l: Language) => l === 'nl';

/**
 * The other importers' problems (importers/file-problem.ts): structural ones the import stops at (an
 * unreadable XML or JSON file, not an ArchiMate model, the wrong SBOM subject) and what a JSON file's
 * field holds. Where: the file, the line when known, and the field or element (not a column).
 */
function fileMessages(): Record<Exclude<FileIssueCode, MoreFileIssueCode>, Phrase> {
  const field = (issue: IssueFacts, l: Language) => (issue.field ? `${nl(l) ? 'veld' : 'field'} ${quoted(issue.field)}: ` : '');
  const noColumn = (said: Omit<Said, 'withColumn'>): Said => ({ ...said, withColumn: false });
  return {
    'field-invalid': (issue, p, l) => {
      const empty = issue.value === undefined || issue.value === '';
      const what = p.problem === 'duplicate' ? (nl(l) ? `komt al voor op regel ${p.firstLine}` : `already at line ${p.firstLine}`)
        : empty ? (nl(l) ? 'ontbreekt' : 'missing') : nl(l) ? `${quoted(issue.value)} is geen geldige waarde` : `${quoted(issue.value)} is not valid`;
      return noColumn({ problem: `${field(issue, l)}${what}`, expected: expectedWords(String(p.expected ?? issue.expected ?? ''), l) });
    },
    'file-not-utf8': (_issue, p, l) => noColumn({
      problem: nl(l) ? 'het bestand is geen UTF-8-tekst' : 'the file is not UTF-8 text',
      expected: nl(l) ? `${expectedWords(String(p.expected ?? 'a JSON file in UTF-8'), l)}: sla het bestand op als UTF-8` : `${expectedWords(String(p.expected ?? 'a JSON file in UTF-8'), l)}: save the file as UTF-8`,
    }),
    'json-unreadable': (_issue, p, l) => noColumn({
      problem: nl(l) ? `geen leesbare JSON${p.column ? ` (teken ${p.column})` : ''}: ${p.detail}` : `not readable as JSON${p.column ? ` (character ${p.column})` : ''}: ${p.detail}`,
      expected: expectedWords(String(p.expected ?? 'well-formed JSON'), l),
    }),
    'json-not-list': (_issue, p, l) => noColumn({
      problem: nl(l) ? `niet wat Roer hier verwacht (${p.what})` : `not what Roer expects here (${p.what})`,
      expected: expectedWords(String(p.expected ?? ''), l),
    }),
    'xml-too-large': (_issue, p, l) => noColumn({
      problem: nl(l) ? `te groot of te diep genest (${p.detail})` : `too large or nested too deep (${p.detail})`,
      expected: nl(l) ? 'een ArchiMate-model van gewone omvang' : 'an ArchiMate model of ordinary size',
    }),
    'not-archimate': (_issue, p, l) => noColumn({
      problem: nl(l) ? `geen ArchiMate-uitwisselingsbestand (<model>) of Archi-model (<archimate:model>); het hoofdelement is <${p.root}>` : `not an ArchiMate exchange file (<model>) nor an Archi model (<archimate:model>); the root is <${p.root}>`,
      expected: nl(l) ? 'een ArchiMate-model: .xml (Open Group exchange format), .archimate of een coArchi-map als .zip' : 'an ArchiMate model: .xml (Open Group exchange format), .archimate or a coArchi folder as .zip',
    }),
    'archimate-namespace': (_issue, p, l) => noColumn({
      problem: nl(l) ? `<model> staat niet in de namespace van het ArchiMate-uitwisselingsformaat (gevonden: ${quoted(p.namespace)})` : `<model> is not in the ArchiMate exchange namespace (found ${quoted(p.namespace)})`,
      expected: 'http://www.opengroup.org/xsd/archimate/3.0/',
    }),
    'archimate-no-id': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${p.what === 'type' ? `${kindWord(p.kind, l)} ${quoted(p.id)} heeft geen xsi:type` : `een ${kindWord(p.kind, l)} heeft geen identifier`}` : `${p.what === 'type' ? `${p.kind} ${quoted(p.id)} has no xsi:type` : `an ${p.kind} has no identifier`}`,
      expected: nl(l) ? 'elk element en elke relatie met een identifier en een xsi:type' : 'every element and relationship with an identifier and an xsi:type',
    }),
    'unknown-format': (_issue, p, l) => noColumn({
      // The file is named once, by the place; what to do with a document (unknown-format-words.ts).
      problem: p.looks === undefined ? (nl(l) ? `Roer herkent niet wat dit is: ${seenWords(p, l)}` : `Roer cannot tell what this is: ${seenWords(p, l)}`) : unknownFormatProblem(p, l),
      expected: nl(l)
        ? 'CSV- of XLSX-tabellen, of één ArchiMate-bestand (.xml, .archimate), een coArchi-map als .zip, een applicatieportfolio-CSV (met de export van leveranciers en pakketten), Softwarecatalogus-objecten (.json of een .zip daarvan), het Algoritmeregister (.json), een CycloneDX-SBOM (.json) of endoflife.date-releasecycli (.json)'
        : 'CSV or XLSX tables, or one of: an ArchiMate exchange file (.xml), an Archi model (.archimate), a coArchi model folder as .zip, a Softwarecatalogus portfolio CSV (with its leveranciers and pakketten exports), Softwarecatalogus objects (.json or a .zip of them), the Algoritmeregister (.json), a CycloneDX SBOM (.json) or endoflife.date release cycles (.json)',
    }),
    'organisation-needed': (_issue, p, l) => noColumn({
      problem: nl(l) ? `het ArchiMate-model ${quoted(p.model)} beschrijft het landschap van één organisatie, maar er is geen organisatie ingevuld` : `the ArchiMate model ${quoted(p.model)} describes one organisation's landscape, but no organisation was given`,
      expected: nl(l) ? 'de organisatie waarvan dit model het landschap is (bijvoorbeeld gm0363)' : 'the organisation whose landscape this model is (e.g. gm0363)',
    }),
    'gemma-source': (_issue, p, l) => noColumn({
      problem: nl(l) ? `het GEMMA-model krijgt altijd de bron 'gemma', niet ${quoted(p.source)}` : `the GEMMA model is always imported as source 'gemma', not ${quoted(p.source)}`,
      expected: nl(l) ? "de bron 'gemma' of geen bron" : "source 'gemma' or none",
    }),
    'not-portfolio': (_issue, p, l) => noColumn({
      problem: nl(l) ? `geen applicatieportfolio-export van de Softwarecatalogus: de kolom(men) ${String(p.missing ?? '').split('|').map(quoted).join(', ')} ontbreken (gevonden: ${String(p.found ?? '').split('|').join('; ')})` : `not a Softwarecatalogus portfolio export: missing column(s) ${String(p.missing ?? '').split('|').map(quoted).join(', ')} (found: ${String(p.found ?? '').split('|').join('; ')})`,
      expected: nl(l) ? `een export met de kolommen ${String(p.missing ?? '').split('|').map(quoted).join(', ')}` : `an export with the columns ${String(p.missing ?? '').split('|').map(quoted).join(', ')}`,
    }),
    'sbom-not-cyclonedx': (_issue, _p, l) => noColumn({
      problem: nl(l) ? 'veld \'bomFormat\' zegt niet dat dit een CycloneDX-SBOM is' : 'field \'bomFormat\' does not say this is a CycloneDX SBOM',
      expected: nl(l) ? 'een CycloneDX-SBOM met "bomFormat": "CycloneDX"' : 'a CycloneDX SBOM with "bomFormat": "CycloneDX"',
    }),
    'sbom-no-subject': (_issue, _p, l) => noColumn({
      problem: nl(l) ? 'de SBOM zegt niet waarvan hij is (veld \'metadata.component\' ontbreekt)' : 'the SBOM does not say what it is of (field \'metadata.component\' is missing)',
      expected: nl(l) ? 'de applicatie of het platform waarvan deze SBOM is (doel)' : 'the application or platform this SBOM is of (target)',
    }),
    'sbom-target-unknown': (issue, p, l, names) => noColumn({
      problem: nl(l) ? `${field(issue, l)}${quoted(p.asked)} is geen applicatie of platform in Roer${p.organisation ? ` van ${names(String(p.organisation))}` : ''}` : `${field(issue, l)}${quoted(p.asked)} is no application or platform in Roer${p.organisation ? ` of ${names(String(p.organisation))}` : ''}`,
      expected: nl(l) ? 'de uid of naam van een applicatie of platform in Roer' : 'the uid or name of an application or platform in Roer',
    }),
    'sbom-target-ambiguous': (issue, p, l) => noColumn({
      problem: nl(l) ? `${field(issue, l)}${quoted(p.asked)} past bij ${p.count} applicaties of platforms (${String(p.uids ?? '').split('|').join(', ')})` : `${field(issue, l)}${quoted(p.asked)} names ${p.count} applications or platforms (${String(p.uids ?? '').split('|').join(', ')})`,
      expected: nl(l) ? 'de uid, of de naam met de organisatie' : 'the uid, or the name with the organisation',
    }),
    'sbom-one-file': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${p.count} bestanden ontvangen` : `${p.count} files received`,
      expected: nl(l) ? 'één SBOM tegelijk, van één applicatie of platform' : 'one SBOM at a time, of one application or platform',
    }),
    'no-json-files': (_issue, _p, l) => noColumn({
      problem: nl(l) ? 'geen .json-bestanden met Softwarecatalogus-objecten' : 'no .json files with Softwarecatalogus objects',
      expected: nl(l) ? 'Softwarecatalogus-objecten als .json-bestanden of een .zip daarvan' : 'Softwarecatalogus objects as .json files or a .zip of them',
    }),
  };
}

const number = (value: number, l: Language, digits = 0) => new Intl.NumberFormat(nl(l) ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits }).format(value);

/** A size as people read it: "52 MB", "1,5 MB", "700 kB". */
function sizeWords(bytes: unknown, l: Language): string {
  const size = Number(bytes);
  const MB = 1024 * 1024;
  if (size >= 10 * MB) return `${number(size / MB, l)} MB`;
  if (size >= MB) return `${number(size / MB, l, 1)} MB`;
  if (size >= 1024) return `${number(size / 1024, l)} kB`;
  return `${number(size, l)} bytes`;
}

const ARCHIVES: Record<string, { nl: string; en: string; nlA: string; enA: string }> = {
  workbook: { nl: 'het werkboek', en: 'the workbook', nlA: 'een XLSX-werkboek zoals Excel of LibreOffice het opslaat', enA: 'an XLSX workbook as Excel or LibreOffice saves it' },
  zip: { nl: 'het zip-archief', en: 'the zip archive', nlA: 'een zip-archief gemaakt met een gewoon zip-programma', enA: 'a zip archive made by an ordinary zip program' },
  objects: { nl: 'de zip met Softwarecatalogus-objecten', en: 'the zip of Softwarecatalogus objects', nlA: 'een zip met Softwarecatalogus-objecten (.json)', enA: 'a zip of Softwarecatalogus objects (.json)' },
};
const archive = (p: IssueParams, l: Language) => ARCHIVES[String(p.archive)]?.[l] ?? ARCHIVES.workbook[l];
const anArchive = (p: IssueParams, l: Language) => (ARCHIVES[String(p.archive)] ?? ARCHIVES.workbook)[nl(l) ? 'nlA' : 'enA'];
const isWorkbook = (p: IssueParams) => (p.archive ?? 'workbook') === 'workbook';

/** Why an archive cannot be read (importers/zip-guard.ts). */
const DAMAGE: Record<string, { nl: string; en: string }> = {
  'cut-off': { nl: 'het einde ontbreekt (de inhoudsopgave van een zip-bestand): het bestand is afgebroken of geen zip', en: 'its end is missing (the directory of a zip file): the file is cut off or no zip at all' },
  zip64: { nl: 'het is een ZIP64-archief, dat geen werkboek of map van toegestane omvang nodig heeft', en: 'it is a ZIP64 archive, which no workbook or folder of an allowed size needs' },
  directory: { nl: 'de inhoudsopgave wijst buiten het bestand', en: 'its directory points outside the file' },
  'entry-missing': { nl: 'een onderdeel uit de inhoudsopgave ontbreekt', en: 'a part listed in its directory is missing' },
  method: { nl: 'een onderdeel is gecomprimeerd op een manier die werkboeken niet gebruiken (geen deflate)', en: 'a part is compressed in a way workbooks do not use (not deflate)' },
  misplaced: { nl: 'een onderdeel staat niet waar de inhoudsopgave zegt', en: 'a part is not where the directory says' },
  truncated: { nl: 'een onderdeel loopt door tot voorbij het einde van het bestand (afgebroken?)', en: 'a part runs past the end of the file (cut off?)' },
  inflate: { nl: 'een onderdeel is beschadigd en kan niet worden uitgepakt', en: 'a part is damaged and cannot be unpacked' },
};

/** The XML validator's findings (importers/sources/archimate/xml-problem.ts): the problem and what was expected. */
function xmlWords(p: IssueParams, l: Language): { problem: string; expected?: string; alone?: boolean } {
  const tag = `<${p.tag}>`;
  const at = (line: unknown, column: unknown) => (nl(l) ? `regel ${line}, teken ${column}` : `line ${line}, column ${column}`);
  switch (p.kind) {
    case 'wrong-close': return nl(l)
      ? { problem: `</${p.other}> staat waar </${p.tag}> moet komen: ${tag} (${at(p.openLine, p.openColumn)}) is nog niet gesloten`, expected: `</${p.tag}> vóór </${p.other}>: elementen sluiten in de omgekeerde volgorde van openen` }
      : { problem: `</${p.other}> stands where </${p.tag}> should be: ${tag} (${at(p.openLine, p.openColumn)}) is not closed yet`, expected: `</${p.tag}> before </${p.other}>: elements close in the reverse order of opening` };
    case 'unclosed': return nl(l)
      ? { problem: `${tag} wordt hier geopend maar nergens gesloten: het bestand houdt eerder op (afgebroken bij opslaan of downloaden?)`, expected: `het hele bestand, tot en met </${p.tag}>` }
      : { problem: `${tag} opens here but is never closed: the file ends first (cut off while saving or downloading?)`, expected: `the whole file, up to and including </${p.tag}>` };
    case 'unclosed-many': {
      const tags = String(p.tags ?? '').split('|').filter(Boolean).map(t => `<${t}>`).join(', ');
      return nl(l)
        ? { problem: `het bestand houdt op terwijl ${tags} nog open zijn (afgebroken bij opslaan of downloaden?)`, expected: 'het hele bestand, met elk element gesloten' }
        : { problem: `the file ends while ${tags} are still open (cut off while saving or downloading?)`, expected: 'the whole file, with every element closed' };
    }
    case 'not-opened': return nl(l)
      ? { problem: `</${p.tag}> sluit een element dat niet geopend is`, expected: `een </${p.tag}> alleen na een ${tag}` }
      : { problem: `</${p.tag}> closes an element that was not opened`, expected: `a </${p.tag}> only after a ${tag}` };
    case 'ampersand': return nl(l)
      ? { problem: 'een losse & in de tekst', expected: '& geschreven als &amp; (ook in namen en beschrijvingen)' }
      : { problem: 'a bare & in the text', expected: '& written as &amp; (in names and descriptions too)' };
    case 'char': return nl(l)
      ? { problem: `het teken ${quoted(p.char)} hoort hier niet` }
      : { problem: `the character ${quoted(p.char)} does not belong here` };
    case 'extra-text': case 'several-roots': return nl(l)
      ? { problem: 'na het hoofdelement staat nog meer (twee modellen achter elkaar geplakt?)', expected: 'één hoofdelement (<model> of <archimate:model>) dat het hele bestand omvat' }
      : { problem: 'there is more after the root element (two models pasted one after the other?)', expected: 'one root element (<model> or <archimate:model>) around the whole file' };
    case 'not-xml': return nl(l)
      ? { alone: true, problem: `dit is geen XML${p.start ? `: het begint met ${quoted(p.start)}` : ''}`, expected: 'een XML-bestand, dat begint met <?xml of <model (een ArchiMate-uitwisselingsbestand uit Archi of een ander ArchiMate-programma)' }
      : { alone: true, problem: `this is not XML${p.start ? `: it starts with ${quoted(p.start)}` : ''}`, expected: 'an XML file starting with <?xml or <model (an ArchiMate exchange file from Archi or another ArchiMate tool)' };
    case 'html': return nl(l)
      ? { alone: true, problem: 'dit is een webpagina (HTML), geen ArchiMate-bestand: bijvoorbeeld een aanmeld- of foutpagina die is opgeslagen in plaats van het model', expected: 'het ArchiMate-bestand zelf (download het opnieuw, zo nodig na aanmelden)' }
      : { alone: true, problem: 'this is a web page (HTML), not an ArchiMate file: a login or error page saved instead of the model, say', expected: 'the ArchiMate file itself (download it again, after logging in if needed)' };
    case 'attribute-twice': return nl(l)
      ? { problem: `het attribuut ${quoted(p.name)} staat twee keer in hetzelfde element`, expected: 'elk attribuut één keer per element' }
      : { problem: `attribute ${quoted(p.name)} appears twice in one element`, expected: 'each attribute once per element' };
    case 'attribute-no-value': return nl(l)
      ? { problem: `het attribuut ${quoted(p.name)} heeft geen waarde`, expected: `${p.name}="…"` }
      : { problem: `attribute ${quoted(p.name)} has no value`, expected: `${p.name}="…"` };
    case 'attribute-quote': return nl(l)
      ? { problem: `een waarde in ${tag} heeft geen sluitend aanhalingsteken`, expected: 'elke attribuutwaarde tussen twee aanhalingstekens' }
      : { problem: `a value in ${tag} has no closing quote`, expected: 'every attribute value between two quotes' };
    case 'bad-name': return nl(l)
      ? { problem: `${quoted(p.tag)} is geen geldige elementnaam (een < in de tekst die als &lt; geschreven moet worden?)`, expected: '< in tekst geschreven als &lt;' }
      : { problem: `${quoted(p.tag)} is not a valid element name (a < in the text that should be written &lt;?)`, expected: '< in text written as &lt;' };
    default: {
      const detail = String(p.detail ?? '').replace(/\.$/, '');
      return nl(l) ? { problem: `technische melding: ${detail}` } : { problem: `technical message: ${detail}` };
    }
  }
}

/** Archives, files and uploads over a limit, a zip that is no coArchi folder, an SBOM too large, and the XML parser's findings. */
function moreFileMessages(): Record<MoreFileIssueCode, Phrase> {
  const noColumn = (said: Said): Said => ({ ...said, withColumn: false });
  /** The character on the line, where the reader knows it (the facts' column). */
  const character = (issue: IssueFacts, l: Language) => (issue.column && issue.line ? (nl(l) ? `teken ${issue.column}` : `column ${issue.column}`) : undefined);
  const WELL_FORMED = { nl: 'een goedgevormd XML-bestand (elk element gesloten, tekens als & geschreven als &amp;)', en: 'well-formed XML (every element closed, characters such as & written as &amp;)' };
  return {
    'xml-unreadable': (issue, p, l) => {
      const words = xmlWords(p, l);
      const lead = words.alone ? '' : `${nl(l) ? 'onleesbare XML' : 'malformed XML'}: `;
      return noColumn({ at: character(issue, l), problem: `${lead}${words.problem}`, expected: words.expected ?? WELL_FORMED[l] });
    },
    'xml-dtd': (issue, p, l) => noColumn({
      at: character(issue, l),
      problem: p.external
        ? (nl(l) ? 'het bestand verwijst naar een externe DTD of entiteit; die leest Roer niet (een bekende manier om bestanden van de server te lekken)' : 'the file refers to an external DTD or entity; Roer does not read those (a known way to leak files from the server)')
        : p.what === 'entity'
          ? (nl(l) ? 'het bestand declareert een entiteit (<!ENTITY>); die worden geweigerd' : 'the file declares an entity (<!ENTITY>); those are refused')
          : (nl(l) ? 'het bestand bevat een DTD (<!DOCTYPE>); die wordt geweigerd' : 'the file holds a DTD (<!DOCTYPE>); it is refused'),
      expected: nl(l) ? 'XML zonder <!DOCTYPE> en <!ENTITY> (Archi schrijft ze niet)' : 'XML without <!DOCTYPE> and <!ENTITY> (Archi does not write them)',
    }),
    'zip-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `${archive(p, l)} wordt uitgepakt groter dan ${sizeWords(p.max, l)}` : `${archive(p, l)} unpacks to more than ${sizeWords(p.max, l)}`)
        : (nl(l) ? `${archive(p, l)} wordt uitgepakt ${sizeWords(p.size, l)} groot` : `${archive(p, l)} unpacks to ${sizeWords(p.size, l)}`),
      expected: nl(l)
        ? `hoogstens ${sizeWords(p.max, l)} uitgepakt${isWorkbook(p) ? ' (sla grote tabellen op als CSV; daarvoor geldt deze grens niet)' : ''}`
        : `at most ${sizeWords(p.max, l)} unpacked${isWorkbook(p) ? ' (save large tables as CSV, which has no such limit)' : ''}`,
    }),
    'zip-bomb': (_issue, p, l) => noColumn({
      problem: nl(l)
        ? `onderdeel ${quoted(p.part)} van ${archive(p, l)} zou uitgepakt ${number(Number(p.times), l)} keer zo groot worden (een zip-bom?)`
        : `part ${quoted(p.part)} of ${archive(p, l)} would unpack to ${number(Number(p.times), l)} times its size (a zip bomb?)`,
      expected: nl(l)
        ? `${anArchive(p, l)}, waarvan elk onderdeel uitgepakt hoogstens ${p.max} keer zo groot wordt`
        : `${anArchive(p, l)}, each part unpacking to at most ${p.max} times its size`,
    }),
    'zip-forged': (_issue, p, l) => noColumn({
      problem: nl(l)
        ? `onderdeel ${quoted(p.part)} wordt uitgepakt groter dan de ${sizeWords(p.size, l)} die het opgeeft: ${archive(p, l)} is beschadigd of vervalst`
        : `part ${quoted(p.part)} unpacks to more than the ${sizeWords(p.size, l)} it declares: ${archive(p, l)} is damaged or forged`,
      expected: anArchive(p, l),
    }),
    'zip-too-many-entries': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${archive(p, l)} bevat ${number(Number(p.count), l)} onderdelen` : `${archive(p, l)} holds ${number(Number(p.count), l)} parts`,
      expected: nl(l)
        ? `hoogstens ${number(Number(p.max), l)} onderdelen${isWorkbook(p) ? ' (een werkboek heeft er hooguit enkele tientallen)' : ''}`
        : `at most ${number(Number(p.max), l)} parts${isWorkbook(p) ? ' (a workbook has a few dozen at most)' : ''}`,
    }),
    'zip-encrypted': (_issue, p, l) => noColumn({
      problem: nl(l) ? `${archive(p, l)} is beveiligd met een wachtwoord` : `${archive(p, l)} is protected with a password`,
      expected: nl(l) ? `${anArchive(p, l)}, opgeslagen zonder wachtwoord` : `${anArchive(p, l)}, saved without a password`,
    }),
    'zip-unreadable': (_issue, p, l) => {
      const why = DAMAGE[String(p.why)]?.[l] ?? String(p.detail ?? p.why ?? '');
      return noColumn({
        problem: `${nl(l) ? `${archive(p, l)} is niet leesbaar` : `${archive(p, l)} cannot be read`}: ${why}${p.part && p.why !== 'entry-missing' ? ` (${quoted(p.part)})` : ''}`,
        expected: anArchive(p, l),
      });
    },
    'zip-path-outside': (_issue, p, l) => noColumn({
      problem: nl(l) ? `het archief bevat een pad buiten zijn eigen map (${quoted(p.path)})` : `the archive holds a path outside its own folder (${quoted(p.path)})`,
      expected: nl(l) ? 'een zip van één map, met alleen paden daarbinnen' : 'a zip of one folder, holding only paths inside it',
    }),
    'not-coarchi': (_issue, _p, l) => noColumn({
      problem: nl(l) ? 'geen coArchi-modelmap: model/folder.xml ontbreekt' : 'not a coArchi model folder: model/folder.xml is missing',
      expected: nl(l)
        ? 'een zip van de map die coArchi bewaart (met model/folder.xml), of één ArchiMate-bestand (.xml, .archimate)'
        : 'a zip of the folder coArchi keeps (holding model/folder.xml), or one ArchiMate file (.xml, .archimate)',
    }),
    'folder-too-large': (_issue, p, l) => noColumn({
      problem: nl(l) ? `de map heeft meer dan ${number(Number(p.files), l)} bestanden of ${sizeWords(p.max, l)}` : `the folder has more than ${number(Number(p.files), l)} files or ${sizeWords(p.max, l)}`,
      expected: nl(l) ? `een modelmap van hoogstens ${number(Number(p.files), l)} bestanden en ${sizeWords(p.max, l)}` : `a model folder of at most ${number(Number(p.files), l)} files and ${sizeWords(p.max, l)}`,
    }),
    'sbom-too-many': (_issue, p, l) => noColumn({
      problem: nl(l) ? `de SBOM noemt ${number(Number(p.count), l)} componenten` : `the SBOM lists ${number(Number(p.count), l)} components`,
      expected: nl(l) ? `hoogstens ${number(Number(p.max), l)} componenten: de SBOM van één applicatie of platform` : `at most ${number(Number(p.max), l)} components: the SBOM of one application or platform`,
    }),
    'file-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `het bestand is groter dan de ${sizeWords(p.max, l)} die Roer aanneemt` : `the file is larger than the ${sizeWords(p.max, l)} Roer accepts`)
        : (nl(l) ? `het bestand is ${sizeWords(p.size, l)}, groter dan de ${sizeWords(p.max, l)} die Roer aanneemt` : `the file is ${sizeWords(p.size, l)}, more than the ${sizeWords(p.max, l)} Roer accepts`),
      expected: nl(l) ? `een bestand van hoogstens ${sizeWords(p.max, l)}` : `a file of at most ${sizeWords(p.max, l)}`,
    }),
    'upload-too-large': (_issue, p, l) => noColumn({
      problem: p.size === undefined
        ? (nl(l) ? `de bestanden van deze upload zijn samen groter dan ${sizeWords(p.max, l)}` : `the files of this upload are together larger than ${sizeWords(p.max, l)}`)
        : (nl(l) ? `de upload is ${sizeWords(p.size, l)}, groter dan de ${sizeWords(p.max, l)} per keer` : `the upload is ${sizeWords(p.size, l)}, more than the ${sizeWords(p.max, l)} per request`),
      expected: nl(l) ? `hoogstens ${sizeWords(p.max, l)} per upload (upload grote bestanden apart)` : `at most ${sizeWords(p.max, l)} per upload (upload large files one at a time)`,
    }),
    'upload-too-many-files': (_issue, p, l) => noColumn({
      problem: nl(l) ? `meer dan ${p.max} bestanden in één upload` : `more than ${p.max} files in one upload`,
      expected: nl(l) ? `hoogstens ${p.max} bestanden per upload` : `at most ${p.max} files per upload`,
    }),
  };
}

/** What each file Roer could not tell looks like (importers/formats.ts `looks`): "model.zip (een zip zonder coArchi-map model/folder.xml)". */
function seenWords(p: IssueParams, l: Language): string {
  if (p.looks === undefined) return String(p.seen ?? '').split('|').join(', ');
  const names = String(p.names ?? '').split('|');
  const LOOKS: Record<string, { nl: string; en: string }> = {
    zip: { nl: 'een zip zonder model/folder.xml, dus geen coArchi-map', en: 'a zip without model/folder.xml, so no coArchi folder' },
    coarchi: { nl: 'een coArchi-map', en: 'a coArchi folder' },
    '': { nl: 'zonder extensie', en: 'no extension' },
  };
  return String(p.looks).split('|').map((look, i) => `${names[i]} (${LOOKS[look]?.[l] ?? look})`).join(', ');
}
