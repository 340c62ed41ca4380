// The evidence of a report as tables: which sections, which columns (headers in words, values typed),
// in which order. The PDF draws them, the report page shows them, the report's XLSX and CSV write them:
// one definition, so paper, screen and spreadsheet agree. Pure (the web UI bundles it).
import type { Row } from '../analyses/types.js';
import { type ColumnType, type Names, columnType, formatValue } from '../exports/columns.js';
import { CODE_NAMES, FACTOR_NAMES, type Language, columnName, lowerFirst, organisationName, valueName } from '../labels.js';
import type { ReportContract, ReportData } from './report-data.js';
import { contractName, contractUrgency, runningFirst } from './contract-name.js';
import type { ChainStep } from '../analyses/sovereignty.js';
import { chainText } from './chain.js';
import { reportText } from './words.js';
import { lockInValueText, shownContributions } from './lock-in-words.js';
import { trendHeading, trendSection } from './trend.js';
import { changeCells, changeRows, changesLead, changesTitle } from './changes-section.js';
import { shownName } from './boundary.js';
import { decimalsToTellApart } from '../decimals.js';
import { formatDate, formatNumber } from '../format.js';
import type { DependencyRow } from './dependencies.js';

/** "direct: draait op Grutto Software Cloud" (why, as the what-if page says it), or "mist gegevens via koppeling". */
const howHit = (row: DependencyRow, language: Language) => !row.direct ? reportText(language, 'how.through')
  : row.directBecause ? reportText(language, `because.${row.directBecause.relation}`, { name: shownName(row.directBecause.name, language) }) : reportText(language, 'how.direct');

/** `text`: the cell as people read it, when the type's formatting is not enough (Common Ground's gain: the page's decimals); the value stays a number for the spreadsheet. */
export type SectionColumn = { key: string; header: string; type: ColumnType; value: (row: Row) => unknown; text?: (row: Row) => string };
/**
 * `printed`: rows on paper when fewer than all (the spreadsheet has them all). `omitted`: rows left out, outside the organisation's boundary (boundary.ts).
 * `top`: the rows are the first `top` of a longer ranking, so their number is no count of all (sectionCount).
 */
/** `notes`: what the table's columns mean, printed under it. `lead`: sentences said before the table (what to act on first). */
export type Section = { id: SectionId; title: string; columns: SectionColumn[]; rows: Row[]; printed?: number; omitted?: number; top?: number; notes?: string[]; lead?: string[] };
export type SectionId = 'dependants' | 'dependencies' | 'functions' | 'contracts' | 'lockIn' | 'lockInRanking' | 'spofs' | 'exposure' | 'sovereignty' | 'trend' | 'changes' | 'ictFoto' | 'commonGround';
export const SECTION_IDS: SectionId[] = ['dependants', 'dependencies', 'functions', 'contracts', 'lockIn', 'lockInRanking', 'spofs', 'exposure', 'sovereignty', 'trend', 'changes', 'ictFoto', 'commonGround'];

type Spec = string | [key: string, type?: ColumnType, value?: (row: Row) => unknown, header?: string];

/** The moves' gains as the Common Ground page shows them: "+0,35", two decimals when one would blur the gains together. */
function gainAsOnThePage(moves: Section, language: Language): Section {
  const decimals = decimalsToTellApart(moves.rows.map(m => Number(m.gain)), (value, digits) => formatNumber(value, language, digits, true));
  const text = (row: Row) => `+${formatNumber(row.gain, language, decimals, true)}`;
  return { ...moves, columns: moves.columns.map(column => (column.key === 'gain' ? { ...column, text } : column)) };
}

/** The middle of a dependency path, the subject and the row itself left out: "via A → B", or "rechtstreeks". */
const through = (language: Language) => (row: Row) => {
  const names = Array.isArray(row.pathNames) ? (row.pathNames as string[]) : [];
  const middle = names.slice(1, -1).map(step => shownName(step, language));
  return middle.length ? middle : reportText(language, 'direct');
};

function columns(rows: Row[], specs: Spec[], language: Language): SectionColumn[] {
  return specs.map(spec => {
    const [key, type, value, header] = typeof spec === 'string' ? [spec] : spec;
    const read = value ?? ((row: Row) => row[key]);
    const sample = rows.map(read).find(v => v !== null && v !== undefined);
    return { key, header: header ?? columnName(key, language), type: type ?? columnType(key, sample), value: read };
  });
}

/**
 * The answer's contracts to act on as a table, page and PDF alike: first how soon, in the contract calendar's
 * words ("Nu regelen: binnen 3 maanden opzeggen, bedrijfskritisch"), then the Contracten table's columns a buyer
 * acts by. Without it a reader saw c-0149 (March) above c-0136 (December) and could not tell why.
 */
export function actionsTable(data: ReportData, language: Language, actions: ReportContract[]): Pick<Section, 'columns' | 'rows'> {
  const contracts = reportSections(data, language).find(section => section.id === 'contracts')!;
  const urgency: SectionColumn = {
    key: 'urgency', header: columnName('urgency', language), type: 'text',
    value: row => valueName(CODE_NAMES, contractUrgency(row as unknown as ReportContract, data.today), language),
  };
  // The status says a notice deadline passed: the name does not say it again.
  const ofSupplier = data.subject.kind === 'Supplier' ? data.subject.name : undefined;
  const named = (column: SectionColumn): SectionColumn => (column.key === 'contract'
    ? { ...column, value: row => contractName(row as unknown as ReportContract, language, data.today, ofSupplier, { noticePassed: false }) } : column);
  return { rows: actions as unknown as Row[], columns: [urgency, ...contracts.columns.filter(c => ACTION_COLUMNS.has(c.key)).map(named)] };
}
const ACTION_COLUMNS = new Set(['contract', 'organisation', 'noticeDeadline', 'end', 'autoRenew', 'annualValue']);

/** The sections of `data` that apply to its subject, in reading order; empty ones included (they say "Geen."). */
export function reportSections(data: ReportData, language: Language): Section[] {
  const name = data.subject.name;
  const several = Object.keys(data.organisations).length > 1;
  const organisation: Spec[] = several ? ['organisation'] : [];
  const section = (id: SectionId, title: string, rows: Row[], specs: Spec[]): Section => ({ id, title, rows, columns: columns(rows, specs, language), omitted: data.omitted?.[id] });
  // Named by supplier and what it covers (the model has no contract name), so no columns of their own; the ended ones after the running ones, marked.
  const contracts = section('contracts', reportText(language, 'section.contracts'), runningFirst(data.contracts, data.today) as unknown as Row[], [
    ['contract', 'text', row => contractName(row as unknown as ReportContract, language, data.today, data.subject.kind === 'Supplier' ? name : undefined)], ...organisation, 'noticeDeadline', 'end', ['autoRenew', 'yesNo'], ['exitPlan', 'yesNo'], ['annualValue', 'money'],
  ]);
  // A contract that does not renew by itself has no notice deadline: "n.v.t.", as the calendar says, not an empty cell
  // (the workbook keeps the empty date cell).
  const notice = contracts.columns.find(column => column.key === 'noticeDeadline')!;
  notice.text = row => (row.noticeDeadline ? formatDate(String(row.noticeDeadline), language) : row.autoRenew === false ? reportText(language, 'contract.noNotice') : '');
  const sovereignty = (): Section => ({
    ...section('sovereignty', reportText(language, 'section.sovereignty'), data.sovereignty?.rows ?? [], [
      'name', 'criticality', ['personalData', 'yesNo'], ['chain', 'text', row => chainText((row.chain ?? []) as ChainStep[], language), columnName('chainNames', language)],
      ['contractValue', 'money'], ['exitReadiness', 'decimal'],
    ]),
    printed: RANKING_PRINTED,
  });
  if (data.subject.kind === 'Organisation') {
    return [
      // The headline numbers over the imports ("Verloop"): what moved since the first.
      { ...trendSection(data.trend ?? [], language, data.organisations), id: 'trend' },
      changesSection(data, language),
      sovereignty(),
      section('ictFoto', reportText(language, 'section.ictFoto'), data.ictFoto?.rows ?? [], [
        ['supportStatus', 'supportStatus'], 'name', ['version', 'text', row => `${row.product ?? ''} ${row.version ?? ''}`.trim()],
        ['eol', 'date'], 'criticality', ['personalData', 'yesNo'], ['dependants', 'integer'], ['businessFunctions', 'list'],
      ]),
      // Platforms: a supplier that hosts platforms only has no applications and no contract here; the column says why it is listed.
      { ...section('exposure', reportText(language, 'section.exposure'), data.exposure, ['name', ['applications', 'integer'], ['criticalApplications', 'integer'], ['platforms', 'integer'], ['contractValue', 'money'], 'contractValueShare', 'applicationsShare']), printed: 30 },
      { ...section('spofs', reportText(language, 'section.spofsOrganisation'), data.spofs, ['name', 'kind', ['failedApplications', 'integer'], ['failedCriticalApplications', 'integer'], ['stoppingBusinessFunctions', 'list']]), top: RANKING_ROWS },
      { ...section('lockInRanking', reportText(language, 'section.lockInRanking'), data.lockInRanking, ['name', 'criticality', ['suppliers', 'list'], ['score', 'decimal'], ['topFactors', 'text', row => factorList(row.topFactors, language)]]), top: RANKING_ROWS },
      contracts,
      gainAsOnThePage(section('commonGround', reportText(language, 'section.commonGround'), data.commonGround?.moves ?? [], [
        ['fromName', 'text', row => shownName(String(row.fromName ?? ''), language)], ['toName', 'text', row => shownName(String(row.toName ?? ''), language)], ['standard', 'text'], 'category', ['registrations', 'list'], 'mode', ['gain', 'decimal'],
      ]), language),
    ];
  }
  // A supplier's factors are over its applications: a share of them, or a mean per application.
  const ofSupplier = data.subject.kind === 'Supplier';
  const shown = data.lockIn ? shownContributions(data.lockIn) : new Map<string, number>();
  const lockIn = data.lockIn
    ? [...data.lockIn.factors].sort((a, b) => b.contribution - a.contribution).map(f => ({ factor: f.factor, raw: f.raw, weight: f.weight, contribution: shown.get(f.factor) ?? f.contribution }) as Row)
    : [];
  return [
    { ...section('dependants', reportText(language, 'section.dependants', { name }), byStepAndCriticality(data.dependants) as unknown as Row[], ['name', 'kind', 'criticality', ...organisation,
      ['how', 'text', row => howHit(row as unknown as DependencyRow, language), reportText(language, 'column.how')], ['hops', 'integer'], ['via', 'path', through(language), columnName('via', language)]]), printed: CHAIN_PRINTED },
    section('functions', reportText(language, 'section.functions'), data.functions, [
      ['name', 'text', undefined, columnName('function', language)], ...organisation, ['affectedApplications', 'integer'], ['supportingApplications', 'integer'],
      // Stops only through what fails directly; a function whose applications only miss data is said apart.
      ['effect', 'text', row => reportText(language, `effect.${String(row.effect ?? (row.lostAllSupport ? 'stops' : 'weakened'))}` as 'effect.stops'), reportText(language, 'column.effect')],
    ]),
    { ...section('dependencies', reportText(language, 'section.dependencies', { name }), byStepAndCriticality(data.dependencies) as unknown as Row[], ['name', 'kind', 'criticality', ['hops', 'integer'], ['via', 'path', through(language), columnName('via', language)]]), printed: CHAIN_PRINTED },
    contracts,
    { ...section('lockIn', reportText(language, 'section.lockIn'), lockIn, ['factor', ['raw', 'text', row => lockInValueText(String(row.factor), row.raw, language, ofSupplier), columnName('value', language)], ['weight', 'integer'], ['contribution', 'decimal']]), notes: lockInNotes(data, language) },
    section('spofs', reportText(language, 'section.spofs', { name }), data.spofs, ['name', 'kind', ['failedApplications', 'integer'], ['failedCriticalApplications', 'integer'], ['stoppingBusinessFunctions', 'list']]),
    ...(data.subject.kind === 'Application' ? [sovereignty()] : []),
  ];
}

/** What changed since the import before the last: sentences first, then every row with what changed in it (changes-section.ts). */
function changesSection(data: ReportData, language: Language): Section {
  const cells = changeCells(language);
  const rows = changeRows(data.changes);
  const columns: SectionColumn[] = [
    { key: 'change', header: reportText(language, 'column.change'), type: 'text', value: cells.change },
    { key: 'kind', header: columnName('kind', language), type: 'text', value: cells.kind },
    { key: 'name', header: columnName('name', language), type: 'text', value: row => row.name },
    { key: 'what', header: reportText(language, 'column.changedFields'), type: 'text', value: cells.what },
  ];
  return { id: 'changes', title: changesTitle(data.changes, language), rows, columns, printed: CHAIN_PRINTED, lead: changesLead(data.changes, language, data.today, id => data.organisations[id]) };
}

/** A section's number as its heading says it: "110", or "top 15" when its rows are the first of a longer ranking. */
/** A section's heading with its count: "Contracten (12)"; the Verloop's in words, its number counts imports ("Verloop over 3 imports"). */
export const sectionHeading = (section: Pick<Section, 'id' | 'title' | 'rows' | 'top'>, language: Language): string =>
  section.id === 'trend' ? trendHeading(section.rows.length, language) : `${section.title} (${sectionCount(section, language)})`;

export const sectionCount = (section: Pick<Section, 'rows' | 'top'>, language: Language): string =>
  section.top !== undefined && section.rows.length >= section.top ? reportText(language, 'topRows', { n: section.rows.length }) : String(section.rows.length);

/** Rows per ranked list in a report (report-data.ts): enough to act on. */
export const RANKING_ROWS = 15;

/** Rows of the sovereignty list on paper: the worst; the spreadsheet has them all. */
const RANKING_PRINTED = 15;

/**
 * Rows of what fails with the subject, and of what it depends on, on paper: about a page, the nearest
 * and most critical first (a large supplier's 353 rows took nine pages); the spreadsheet has them all.
 */
const CHAIN_PRINTED = 40;

const CRITICALITY_ORDER: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** Nearest first; of one step, the most critical first, then by name. */
const byStepAndCriticality = (rows: ReportData['dependants']) =>
  [...rows].sort((a, b) => a.hops - b.hops || (CRITICALITY_ORDER[a.criticality ?? ''] ?? 4) - (CRITICALITY_ORDER[b.criticality ?? ''] ?? 4) || a.name.localeCompare(b.name, 'nl'));

/** Lock-in factors as one phrase: "Weinig alternatieven, geen exitplan" (lower case after the first). */
const factorList = (factors: unknown, language: Language): string =>
  (Array.isArray(factors) ? factors : []).map((factor, i) => { const name = valueName(FACTOR_NAMES, String(factor), language); return i === 0 ? name : lowerFirst(name); }).join(', ');

/** What the lock-in table's columns mean, with the score they add up to. */
function lockInNotes(data: ReportData, language: Language): string[] {
  if (!data.lockIn) return [];
  const score = formatNumber(data.lockIn.score, language, 1);
  return data.subject.kind === 'Supplier'
    ? [reportText(language, 'lockIn.noteSupplier', { n: data.lockIn.applications ?? 0, score })]
    : [reportText(language, 'lockIn.note', { score })];
}

/** A section's cell as text; organisations by the names the report carries. */
export function cellText(column: SectionColumn, row: Row, language: Language, data: Pick<ReportData, 'organisations'>): string {
  const names: Names = { node: () => undefined, organisation: id => data.organisations[id] ?? organisationName(id) };
  return column.text ? column.text(row) : formatValue(column.type, column.value(row), language, names);
}
