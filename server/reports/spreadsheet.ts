// A report as a workbook people open: the answer on the first sheet, then one sheet per section with
// the same columns as the PDF and the page, typed (euros, dates, percentages), and as CSV one section.
import type { Table } from '../exports/flatten.js';
import { peopleCell } from '../exports/people.js';
import type { Names } from '../exports/columns.js';
import { type Language, organisationName } from '../labels.js';
import { reportAnswer, trendNotes } from './answer.js';
import type { ReportData } from './report-data.js';
import { type Section, reportSections } from './sections.js';
import { trendSentences, trendText } from './trend.js';
import { reportText } from './words.js';

const namesOf = (data: ReportData): Names => ({ node: () => undefined, organisation: id => data.organisations[id] ?? organisationName(id) });

/** One section as a typed table. */
export function sectionTable(section: Section, data: ReportData, language: Language): Table {
  const names = namesOf(data);
  return {
    columns: section.columns.map(column => column.header),
    types: section.columns.map(column => column.type),
    rows: [
      ...section.rows.map(row => section.columns.map(column => peopleCell(column.type, column.value(row), language, names))),
      // Rows outside the organisation's boundary (boundary.ts) are said, not shown.
      ...(section.omitted ? [section.columns.map((_, i) => (i === 0 ? reportText(language, 'omitted', { n: section.omitted ?? 0 }) : null))] : []),
      // What the columns mean, as under the table in the PDF; a section's sentences before it, after its rows here.
      ...[...(section.lead ?? []), ...(section.notes ?? [])].map(note => section.columns.map((_, i) => (i === 0 ? note : null))),
    ],
  };
}

/** The first sheet: the answer's sentences, key figures (as numbers Excel can add up) and risks, one per row. */
function answerTable(data: ReportData, language: Language): Table {
  const answer = reportAnswer(data, language);
  const figuresFrom = answer.sentences.length + 2;
  const rows = [
    [`${reportText(language, 'title')}: ${data.subject.name}`, null],
    ...answer.sentences.map(sentence => [sentence, null]),
    [null, null],
    ...answer.figures.map(figure => [figure.label, figure.amount]),
    [null, null],
    [reportText(language, 'risks'), null],
    ...answer.risks.map(risk => [risk, null]),
    // An organisation's "Verloop" in words; the numbers per import are on a sheet of their own.
    ...(data.trend ? [[null, null], [trendText(language, 'heading'), null], ...[...trendSentences(data.trend, language), ...trendNotes(data, language)].map(sentence => [sentence, null])] : []),
  ];
  const cellTypes = new Map(answer.figures.map((figure, i) => [figuresFrom + i, [undefined, figure.type]]));
  return { columns: [reportText(language, 'answer'), ''], types: ['text', 'text'], rows, cellTypes };
}

/** The report's sheets: the answer, then each section that has rows. */
export function reportSheets(data: ReportData, language: Language): { name: string; table: Table }[] {
  return [
    { name: reportText(language, 'answer'), table: answerTable(data, language) },
    ...reportSections(data, language).filter(section => section.rows.length > 0).map(section => ({ name: reportText(language, `sheet.${section.id}`), table: sectionTable(section, data, language) })),
  ];
}
