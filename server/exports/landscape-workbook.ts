// The landscape as the workbook people import it from: the five import tables (sheets named and
// headed as importers/read.ts and COLUMNS in importers/model.ts accept them, Dutch by default), with
// an instruction sheet, dropdowns for the enumerations and date and euro formats. Empty, it is the
// template to start from; filled with one organisation's landscape, it imports back as unchanged.
import type { Driver } from 'neo4j-driver';
import { COLUMNS, TABLES, type TableName, rowSchemas } from '../../importers/model.js';
import { HEADER_WORDS } from '../../importers/header-words.js';
import { TABLE_NAMES } from '../../importers/read.js';
import { CRITICALITY_NAMES, type Language, YES_NO } from '../labels.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import { organisationScope } from './scope.js';
import { exportedSentence } from './workbook-source.js';

type Kind = 'text' | 'list' | 'yesNo' | 'criticality' | 'platformType' | 'jurisdiction' | 'date' | 'money' | 'months';
type Words = Record<Language, string>;
type Row = Record<string, unknown> & { props: Record<string, unknown> };

/** A column's value: what the query returned for it, else the node's property of that name (a column added to the model later). */
const valueOf = (row: Row, field: string) => (field in row ? row[field] : row.props?.[field]);

const KINDS: Partial<Record<string, Kind>> = {
  referenceComponents: 'list', businessFunctions: 'list', openStandards: 'list', applications: 'list',
  personalData: 'yesNo', autoRenew: 'yesNo', exitPlan: 'yesNo', dataPortability: 'yesNo',
  criticality: 'criticality', type: 'platformType', jurisdiction: 'jurisdiction',
  start: 'date', end: 'date', annualValue: 'money', noticeMonths: 'months',
};
const kindOf = (field: string): Kind => KINDS[field] ?? 'text';

/** The words a choice is written in, per stored value; each is one the importer reads back as that value. */
const CHOICES: Partial<Record<Kind, Record<string, Words>>> = {
  yesNo: { true: YES_NO.yes, false: YES_NO.no },
  criticality: CRITICALITY_NAMES,
  platformType: {
    'on-premise': { nl: 'eigen serverruimte', en: 'on-premise' }, 'data-centre': { nl: 'rekencentrum', en: 'data-centre' },
    saas: { nl: 'saas', en: 'saas' }, iaas: { nl: 'cloud', en: 'iaas' },
  },
  jurisdiction: { NL: { nl: 'NL', en: 'NL' }, EU: { nl: 'EU', en: 'EU' }, US: { nl: 'US', en: 'US' }, other: { nl: 'overig', en: 'other' } },
};

const MONEY_FORMAT = '€ #,##0.00';
const DATE_FORMAT = 'dd-mm-yyyy';
/** Rows read to size the columns. */
const WIDTH_SAMPLE = 1000;
/** Rows below the data that keep the dropdowns and formats, for rows people add. */
const ROOM = 1000;

/** What each column holds, for the instruction sheet. */
const EXPLAINED: Record<TableName, Record<string, Words & { example: string }>> = {
  suppliers: {
    id: { nl: 'Eigen code van de leverancier, uniek', en: 'Your code for the supplier, unique', example: 'lev-001' },
    name: { nl: 'Naam van de leverancier', en: 'Supplier name', example: 'Acme Software B.V.' },
    group: { nl: 'Concern waartoe de leverancier behoort', en: 'Group (parent company) it belongs to', example: 'Acme Holding' },
    country: { nl: 'Land van vestiging', en: 'Country of establishment', example: 'NL' },
    groupJurisdiction: { nl: 'Onder welk recht het concern valt (NL, EU, US, overig of een land); leeg: het land van het concern', en: "Jurisdiction the group falls under (NL, EU, US, other or a country); empty: the group's country", example: 'US' },
  },
  platforms: {
    id: { nl: 'Eigen code van het platform, uniek', en: 'Your code for the platform, unique', example: 'rc-1' },
    name: { nl: 'Naam van het platform of rekencentrum', en: 'Platform or data centre name', example: 'Rekencentrum Noord' },
    type: { nl: 'Soort hosting (keuzelijst)', en: 'Kind of hosting (dropdown)', example: 'rekencentrum' },
    supplier: { nl: 'Id van de leverancier die het levert (tabblad leveranciers)', en: 'Id of the supplier providing it (suppliers sheet)', example: 'lev-002' },
    jurisdiction: { nl: 'Onder welk recht de aanbieder valt (keuzelijst)', en: 'Jurisdiction the provider falls under (dropdown)', example: 'NL' },
    runsOn: { nl: 'Id van het platform waarop dit platform draait', en: 'Id of the platform this one runs on', example: '' },
    product: { nl: 'Product waarmee het platform draait (besturingssysteem, database, virtualisatie)', en: 'Product the platform runs (operating system, database, virtualisation)', example: 'Windows Server' },
    version: { nl: 'Versie van dat product', en: 'Version of that product', example: '2019' },
  },
  applications: {
    id: { nl: 'Eigen code van de applicatie, uniek binnen de organisatie', en: 'Your code for the application, unique within the organisation', example: 'app-12' },
    organisation: { nl: 'Organisatie-id, bijvoorbeeld de gemeentecode', en: 'Organisation id, such as the municipality code', example: 'gm0363' },
    name: { nl: 'Naam van de applicatie', en: 'Application name', example: 'Zaaksysteem' },
    supplier: { nl: 'Id van de leverancier (tabblad leveranciers)', en: 'Id of the supplier (suppliers sheet)', example: 'lev-001' },
    referenceComponents: { nl: 'GEMMA-referentiecomponenten, gescheiden door |', en: 'GEMMA reference components, separated by |', example: 'Zaakregistratiecomponent|Documentregistratiecomponent' },
    businessFunctions: { nl: 'Bedrijfsfuncties die ervan afhangen, gescheiden door |', en: 'Business functions that depend on it, separated by |', example: 'Vergunningen' },
    criticality: { nl: 'Hoe kritiek (keuzelijst); leeg is midden', en: 'How critical (dropdown); empty is medium', example: 'hoog' },
    personalData: { nl: 'Verwerkt persoonsgegevens (ja/nee)', en: 'Handles personal data (yes/no)', example: 'ja' },
    platform: { nl: 'Id van het platform waarop het draait (tabblad platformen)', en: 'Id of the platform it runs on (platforms sheet)', example: 'rc-1' },
    openStandards: { nl: 'Open standaarden die het ondersteunt, gescheiden door |', en: 'Open standards it supports, separated by |', example: 'ZGW API' },
    product: { nl: 'Pakket (productnaam) zoals de leverancier het noemt', en: 'Package (product name) as the supplier calls it', example: 'Zaakwerk Zaken' },
    version: { nl: 'Versie van het pakket', en: 'Version of the package', example: '4.2' },
    versionStatus: { nl: 'Status van de versie (bijvoorbeeld in gebruik, uitgefaseerd)', en: 'Status of the version (for example in use, phased out)', example: 'in gebruik' },
    useStart: { nl: 'In gebruik sinds', en: 'In use since', example: '01-01-2019' },
    useEnd: { nl: 'In gebruik tot (uitfasering)', en: 'In use until (phase-out)', example: '' },
    hosting: { nl: 'Hosting in woorden (on-premise, SaaS, cloud…)', en: 'Hosting in words (on-premise, SaaS, cloud…)', example: 'SaaS' },
    bbnScore: { nl: 'Basisbeveiligingsniveau (BBN 1–3)', en: 'Baseline security level (BBN 1–3)', example: '2' },
    ibpScore: { nl: 'IBP-score (1–5)', en: 'IBP score (1–5)', example: '3' },
    biv: { nl: 'BIV-classificatie (beschikbaarheid-integriteit-vertrouwelijkheid)', en: 'BIV classification (availability-integrity-confidentiality)', example: '3-2-2' },
  },
  interfaces: {
    id: { nl: 'Eigen code van de koppeling, uniek binnen de organisatie', en: 'Your code for the interface, unique within the organisation', example: 'k-1' },
    organisation: { nl: 'Organisatie-id', en: 'Organisation id', example: 'gm0363' },
    from: { nl: 'Id van de applicatie die levert', en: 'Id of the application that sends', example: 'app-7' },
    to: { nl: 'Id van de applicatie die ontvangt (die hangt ervan af)', en: 'Id of the application that receives (it depends on the other)', example: 'app-12' },
    standard: { nl: 'Standaard van de koppeling', en: 'Standard of the interface', example: 'StUF-BG' },
    via: { nl: 'Id van de makelaar of ESB waar de koppeling door gaat', en: 'Id of the broker or ESB it passes through', example: 'app-3' },
  },
  contracts: {
    id: { nl: 'Contractnummer, uniek binnen de organisatie', en: 'Contract number, unique within the organisation', example: 'C-2024-01' },
    organisation: { nl: 'Organisatie-id', en: 'Organisation id', example: 'gm0363' },
    supplier: { nl: 'Id van de leverancier (tabblad leveranciers)', en: 'Id of the supplier (suppliers sheet)', example: 'lev-001' },
    applications: { nl: "Id's van de applicaties die het dekt, gescheiden door |", en: 'Ids of the applications it covers, separated by |', example: 'app-12|app-13' },
    start: { nl: 'Startdatum', en: 'Start date', example: '01-01-2024' },
    end: { nl: 'Einddatum', en: 'End date', example: '31-12-2027' },
    noticeMonths: { nl: 'Opzegtermijn in hele maanden (0–120)', en: 'Notice period in whole months (0–120)', example: '6' },
    autoRenew: { nl: 'Wordt stilzwijgend verlengd (ja/nee)', en: 'Renews automatically (yes/no)', example: 'ja' },
    annualValue: { nl: 'Waarde per jaar in euro', en: 'Value per year in euros', example: '€ 12.500,00' },
    exitPlan: { nl: 'Er is een exitplan (ja/nee)', en: 'There is an exit plan (yes/no)', example: 'nee' },
    dataPortability: { nl: 'Afspraak over dataportabiliteit (ja/nee)', en: 'Data-portability clause (yes/no)', example: 'nee' },
  },
};

const TEXT = {
  title: { nl: 'Roer: applicatielandschap in vijf tabellen', en: 'Roer: the application landscape in five tables' },
  steps: {
    nl: [
      'Vul per tabblad één rij in per leverancier, platform, applicatie, koppeling of contract. Laat de kopregel (rij 1) staan zoals hij is.',
      'Verwijzingen gaan via id: een applicatie noemt het id van haar leverancier en platform, een contract dat van de leverancier en de applicaties.',
      'Lijsten zet u in één cel, gescheiden door | (bijvoorbeeld Zaakregistratiecomponent|Documentregistratiecomponent).',
      'Keuzelijsten: kritikaliteit, ja/nee-velden, soort hosting en jurisdictie. Datums als 31-12-2026, bedragen in euro per jaar.',
      'Een tabblad dat u niet invult, verwijdert u vóór het importeren: een lege tabel zou weghalen wat de bron al heeft.',
      'Importeren: Roer → Importeren, kies dit bestand, vul de bron in en kies eerst Controleren. Zet u een uit Roer gehaald landschap terug, gebruik dan de bron die bovenaan staat; een nieuw bestand krijgt een eigen naam, bijvoorbeeld xlsx:gemeente-a.',
    ],
    en: [
      'Fill in one row per supplier, platform, application, interface or contract on each sheet. Leave the header (row 1) as it is.',
      'References go by id: an application names the id of its supplier and platform, a contract that of its supplier and applications.',
      'Lists go in one cell, separated by | (e.g. Zaakregistratiecomponent|Documentregistratiecomponent).',
      'Dropdowns: criticality, yes/no fields, kind of hosting and jurisdiction. Dates as 31-12-2026, amounts in euros per year.',
      'Delete a sheet you do not fill in before importing: an empty table would remove what the source already has.',
      'To import: Roer → Import, choose this file, fill in the source and check it first. Putting back a landscape taken from Roer, use the source named at the top; a new file gets a name of its own, e.g. xlsx:gemeente-a.',
    ],
  },
  columnsHeader: { nl: ['Tabblad', 'Kolom', 'Verplicht', 'Toelichting', 'Voorbeeld'], en: ['Sheet', 'Column', 'Required', 'Meaning', 'Example'] },
  instructions: { nl: 'Instructies', en: 'Instructions' },
  mustChoose: { nl: 'Kies een waarde uit de lijst', en: 'Choose a value from the list' },
  amount: { nl: 'Een bedrag van 0 of meer', en: 'An amount of 0 or more' },
  months: { nl: 'Een heel aantal maanden, 0 tot 120', en: 'A whole number of months, 0 to 120' },
} as const;

/** The header of a field in the workbook's language: the Dutch name the importer accepts, or the field itself. */
export const headerOf = (table: TableName, field: string, language: Language) =>
  HEADER_WORDS[table]?.[field]?.[language] ?? (language === 'nl' ? (COLUMNS[table][field][0] ?? field) : field);
export const sheetOf = (table: TableName, language: Language) => TABLE_NAMES[table][language === 'nl' ? 1 : 0];
const isRequired = (table: TableName, field: string) => !(rowSchemas[table].shape as Record<string, { safeParse: (value: unknown) => { success: boolean } }>)[field].safeParse(undefined).success;

export type LandscapeRows = Record<TableName, Row[]>;

/** One organisation's landscape as the rows of the five tables (cypher/exports/landscape-*.cypher), within its boundary. */
export async function landscapeRows(driver: Driver, organisation: string): Promise<LandscapeRows> {
  // Platforms and suppliers are shared: only those within the organisation's boundary (scope.ts).
  const { uids, relationships } = await organisationScope(driver, [organisation]);
  const entries = await Promise.all(TABLES.map(async table => [table, await read<Row>(driver, query(`exports/landscape-${table}`).text, { organisation, uids, relationships })] as const));
  return Object.fromEntries(entries) as LandscapeRows;
}

/** A stored value as its cell: choices in words, lists joined with |, dates as dates, amounts as numbers. */
function cellOf(kind: Kind, value: unknown, language: Language): string | number | Date | null {
  if (value === null || value === undefined) return null;
  const choices = CHOICES[kind];
  if (choices) return choices[String(value)]?.[language] ?? String(value);
  if (kind === 'list') return Array.isArray(value) && value.length > 0 ? value.join('|') : null;
  if (kind === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
    return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : String(value);
  }
  if (kind === 'money' || kind === 'months') return typeof value === 'number' ? value : Number(value);
  // A typed string cell, which Excel never evaluates: the plain text, without the apostrophe that
  // protects a CSV cell (flatten.ts neutralise), which here would become part of the text.
  return typeof value === 'string' ? value : String(value);
}

/**
 * The workbook: the instruction sheet, then a sheet per table with rows (`rows` null: all five, empty,
 * as the template). Columns the organisation's files had beyond the known ones (`extra_…`) come back
 * after them under their own names.
 */
export async function landscapeWorkbook(rows: LandscapeRows | null, language: Language, about?: { organisation: string; date: string; sources?: string[]; names?: (id: string) => string | undefined }): Promise<Buffer> {
  // Loaded on first use, not at start-up: exceljs is about 27 MB of memory.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Roer';
  instructionSheet(workbook.addWorksheet(TEXT.instructions[language]), language, about);
  for (const table of TABLES) {
    const tableRows = rows?.[table] ?? [];
    if (rows && tableRows.length === 0) continue;
    const fields = Object.keys(COLUMNS[table]);
    const extras = [...new Set(tableRows.flatMap(row => Object.keys(row.props ?? {}).filter(key => key.startsWith('extra_'))))].sort();
    const sheet = workbook.addWorksheet(sheetOf(table, language), { views: [{ state: 'frozen', ySplit: 1 }] });
    const headers = [...fields.map(field => headerOf(table, field, language)), ...extras.map(key => key.slice('extra_'.length))];
    sheet.columns = headers.map((header, i) => {
      const field = i < fields.length ? fields[i] : '';
      const kind = field ? kindOf(field) : 'text';
      const longest = tableRows.slice(0, WIDTH_SAMPLE).reduce((most, row) => Math.max(most, String(i < fields.length ? valueOf(row, field) ?? '' : row.props[extras[i - fields.length]] ?? '').length), 0);
      const room = field === 'name' ? 32 : kind === 'list' ? 40 : kind === 'date' || kind === 'money' ? 14 : 12;
      return { header, width: Math.min(60, Math.max(room, header.length + 3, longest + 2)), style: kind === 'date' ? { numFmt: DATE_FORMAT } : kind === 'money' ? { numFmt: MONEY_FORMAT } : {} };
    });
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    for (const row of tableRows) {
      const added = sheet.addRow([
        ...fields.map(field => cellOf(kindOf(field), valueOf(row, field), language)),
        ...extras.map(key => cellOf('text', row.props[key], language)),
      ]);
      fields.forEach((field, i) => {
        const kind = kindOf(field);
        if (kind === 'date') added.getCell(i + 1).numFmt = DATE_FORMAT;
        if (kind === 'money') added.getCell(i + 1).numFmt = MONEY_FORMAT;
      });
    }
    const last = tableRows.length + 1 + ROOM;
    fields.forEach((field, i) => {
      const column = sheet.getColumn(i + 1).letter;
      const range = `${column}2:${column}${last}`;
      const kind = kindOf(field);
      const choices = CHOICES[kind];
      if (choices) {
        const words = [...new Set(Object.values(choices).map(word => word[language]))];
        validate(sheet, range, { type: 'list', allowBlank: true, formulae: [`"${words.join(',')}"`], showErrorMessage: true, errorTitle: headers[i], error: `${TEXT.mustChoose[language]}: ${words.join(', ')}` });
      } else if (table === 'suppliers' && field === 'groupJurisdiction') {
        // A dropdown of the jurisdictions that also takes a country (Duitsland, DE): offered, not enforced.
        const words = [...new Set(Object.values(CHOICES.jurisdiction!).map(word => word[language]))];
        validate(sheet, range, { type: 'list', allowBlank: true, formulae: [`"${words.join(',')}"`], showErrorMessage: false });
      } else if (kind === 'money') {
        validate(sheet, range, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, errorTitle: headers[i], error: TEXT.amount[language] });
      } else if (kind === 'months') {
        validate(sheet, range, { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 120], showErrorMessage: true, errorTitle: headers[i], error: TEXT.months[language] });
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A validation over a whole range: exceljs 4.4 writes it as one (its typings know only the per-cell form). */
const validate = (sheet: import('exceljs').Worksheet, range: string, rule: import('exceljs').DataValidation) =>
  (sheet as unknown as { dataValidations: { add: (range: string, rule: import('exceljs').DataValidation) => void } }).dataValidations.add(range, rule);

function instructionSheet(sheet: import('exceljs').Worksheet, language: Language, about?: { organisation: string; date: string; sources?: string[]; names?: (id: string) => string | undefined }) {
  sheet.columns = [{ width: 16 }, { width: 26 }, { width: 11 }, { width: 62 }, { width: 34 }];
  sheet.addRow([TEXT.title[language]]).font = { bold: true, size: 14 };
  if (about) sheet.addRow([exportedSentence({ ...about, sources: about.sources ?? [] }, language, about.names ?? (() => undefined))]);
  sheet.addRow([]);
  TEXT.steps[language].forEach((step, i) => sheet.addRow([`${i + 1}.`, step]));
  sheet.addRow([]);
  sheet.addRow([...TEXT.columnsHeader[language]]).font = { bold: true };
  const yes = YES_NO.yes[language];
  for (const table of TABLES) {
    for (const field of Object.keys(COLUMNS[table])) {
      const explained = EXPLAINED[table][field];
      sheet.addRow([sheetOf(table, language), headerOf(table, field, language), isRequired(table, field) ? yes : '', explained[language], explained.example]);
    }
  }
  sheet.getColumn(2).alignment = { wrapText: false };
  sheet.getColumn(4).alignment = { wrapText: true, vertical: 'top' };
}
