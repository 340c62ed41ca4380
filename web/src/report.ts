// Dependency report per application, platform, supplier or organisation: the printable page. It shows
// what the PDF shows, from the same server modules (answer, picture, sections): the answer first,
// then the picture and the tables, each table also as CSV; the whole report as PDF, Excel, GraphML.
import { reportAnswer, reportFacts, reportSubtitle, trendNotes } from '../../server/reports/answer.js';
import { reportFileName } from '../../server/reports/file-name.js';
import { pictureIntro, pictureLayout } from '../../server/reports/picture.js';
import type { ReportData } from '../../server/reports/report-data.js';
import { actionsTable, type Section, cellText, reportSections, sectionHeading } from '../../server/reports/sections.js';
import { trendSentences, trendTableByNumber } from '../../server/reports/trend.js';
import { reportText } from '../../server/reports/words.js';
import { NUMERIC_TYPES } from '../../server/exports/columns.js';
import { download, getGraph, getJson } from './api.js';
import type { Context } from './context.js';
import { errorText } from './errors.js';
import { orgName } from './organisations.js';
import { fill, h, message, sortableTable } from './dom.js';
import { formatDate, language, t, type MessageKey } from './i18n.js';
import { measureText, pictureSvg } from './picture.js';
import { trendFigures } from './trend.js';
import type { Row } from './types.js';

const KINDS = { application: 'Application', platform: 'Platform', supplier: 'Supplier', organisation: 'Organisation' } as const;

export async function renderReport(root: HTMLElement, ctx: Context): Promise<void> {
  const subjectParam = ctx.params().get('subject') ?? '';
  let kind: keyof typeof KINDS = subjectParam.startsWith('supplier:') || subjectParam.startsWith('group:') ? 'supplier' : subjectParam.startsWith('org:') ? 'organisation' : subjectParam.startsWith('platform:') ? 'platform' : 'application';
  const body = h('div', { class: 'report', id: 'report' });
  const subjectSelect = h('select', { id: 'report-subject' }, h('option', { value: '' }, '—'));
  const fillSubjects = async () => {
    const graph = await getGraph({ organisation: ctx.organisations(), kinds: [KINDS[kind]], aggregate: 'none' });
    subjectSelect.replaceChildren(h('option', { value: '' }, '—'), ...graph.nodes.filter(n => n.kind === KINDS[kind]).sort((a, b) => a.label.localeCompare(b.label, 'nl'))
      .map(n => h('option', { value: n.id, selected: n.id === subjectParam }, n.organisation && kind === 'application' ? `${n.label} (${orgName(n.organisation)})` : kind === 'organisation' ? orgName(n.id) : n.label)));
  };
  root.append(
    h('h1', { class: 'no-print' }, t('report.heading')),
    h('form', { class: 'toolbar no-print', onsubmit: (e: Event) => { e.preventDefault(); if (subjectSelect.value) ctx.navigate('report', { subject: subjectSelect.value }); } },
      h('div', { class: 'field' }, h('label', { for: 'report-kind' }, t('report.kind')),
        h('select', { id: 'report-kind', onchange: (e: Event) => { kind = (e.target as HTMLSelectElement).value as keyof typeof KINDS; void fillSubjects(); } },
          (Object.keys(KINDS) as (keyof typeof KINDS)[]).map(k => h('option', { value: k, selected: k === kind }, t(`report.kind.${k}` as MessageKey))))),
      h('div', { class: 'field' }, h('label', { for: 'report-subject' }, t('report.subject')), subjectSelect),
      h('button', { type: 'submit', id: 'report-make' }, t('report.make'))),
    body);
  await fillSubjects();
  if (!subjectParam) { body.append(h('p', { class: 'hint' }, t('report.choose'))); return; }

  let data: ReportData;
  try {
    data = await getJson<ReportData>(`/api/reports/${encodeURIComponent(subjectParam)}`, { organisation: ctx.organisations(), lang: language() });
  } catch (error) {
    body.append(message(errorText(error), 'error'));
    return;
  }
  const lang = language();
  const s = data.subject;
  const file = reportFileName(s, lang);
  const path = `/api/reports/${encodeURIComponent(s.uid)}`;
  const scope = { organisation: ctx.organisations(), lang };
  const answer = reportAnswer(data, lang);
  const sections = reportSections(data, lang);

  fill(body,
    h('div', { class: 'buttons no-print' },
      h('button', { type: 'button', id: 'report-print', onclick: () => window.print() }, t('report.print')),
      h('button', { type: 'button', id: 'report-pdf', onclick: () => void download(`${path}.pdf`, scope, `${file}.pdf`) }, t('report.pdf')),
      h('button', { type: 'button', id: 'report-xlsx', onclick: () => void download(`${path}.xlsx`, scope, `${file}.xlsx`) }, t('report.xlsx')),
      h('button', { type: 'button', id: 'report-graphml', onclick: () => void download(`${path}.graphml`, { organisation: ctx.organisations() }, `${file}.graphml`) }, t('report.graphml')),
      s.kind === 'Organisation'
        ? h('button', { type: 'button', id: 'report-ameff', onclick: () => void download('/api/exports/ameff', { organisation: [s.uid.replace(/^org:/, '')] }, `${file}.xml`) }, t('report.ameff'))
        : null),
    h('header', { class: 'report-head' },
      h('h1', {}, `${reportText(lang, 'title')}: ${s.name}`),
      h('p', { class: 'hint' }, reportSubtitle(data, lang)),
      reportFacts(data, lang, formatDate) ? h('p', { class: 'hint', id: 'report-facts' }, reportFacts(data, lang, formatDate)) : null),
    h('section', { class: 'answer', id: 'report-answer' },
      h('h2', {}, reportText(lang, 'answer')),
      answer.sentences.map(sentence => h('p', { class: 'sentence' }, sentence)),
      h('div', { class: 'figures' }, answer.figures.map(figure => h('div', { class: 'figure' }, h('strong', {}, figure.value), h('span', {}, figure.label)))),
      h('h2', {}, reportText(lang, 'risks')),
      answer.risks.length ? h('ul', { class: 'risks' }, answer.risks.map(risk => h('li', {}, risk))) : h('p', { class: 'hint' }, reportText(lang, 'noRisks')),
      h('h2', {}, reportText(lang, 'actions')),
      answer.actions.length
        ? [h('p', { class: 'hint' }, reportText(lang, 'actionsIntro')), table({ ...sections.find(section => section.id === 'contracts')!, ...actionsTable(data, lang, answer.actions) }, data, 'report-actions')]
        : h('p', { class: 'hint' }, reportText(lang, 'actionsNone'))),
    s.kind !== 'Organisation' ? h('section', { class: 'keep', id: 'report-picture' },
      h('h2', {}, reportText(lang, 'picture')),
      data.dependants.length || data.dependencies.length
        ? [h('p', { class: 'hint' }, reportText(lang, pictureIntro(data), { name: s.name })),
          h('div', { class: 'picture-box' }, pictureSvg(pictureLayout(data, lang, { width: 900, measure: measureText, fontSize: 8.5 }), reportText(lang, 'picture'), reportText(lang, 'criticalBorder'), reportText(lang, 'legend')))]
        : h('p', { class: 'hint' }, reportText(lang, 'pictureNone'))) : null,
    sections.map(section => h('section', { id: `report-${section.id}` },
      h('div', { class: 'section-head' },
        h('h2', {}, sectionHeading(section, lang)),
        section.rows.length ? h('button', { type: 'button', class: 'no-print', 'data-section': section.id, onclick: () => void download(`${path}.csv`, { ...scope, section: section.id, delimiter: lang === 'nl' ? 'semicolon' : 'comma' }, `${reportFileName(s, lang, section.id)}.csv`) }, t('report.csv')) : null),
      section.id === 'trend' ? [
        h('ul', { class: 'trend-sentences' }, trendSentences(data.trend ?? [], lang).map(sentence => h('li', { class: 'trend-sentence' }, sentence))),
        h('div', { class: 'trend-notes' }, trendNotes(data, lang).map(note => h('p', { class: 'hint' }, note))),
        (data.trend ?? []).length > 1 ? h('div', { class: 'cards' }, trendFigures(data.trend!)) : null] : null,
      // A line "– …" is an item of the sentence above it (server/reports/changes-section.ts): indented, its dash the list's.
      section.lead ? h('ul', { class: 'section-lead' }, section.lead.map(sentence => (sentence.startsWith('– ') ? h('li', { class: 'sub' }, sentence.slice(2)) : h('li', {}, sentence)))) : null,
      section.rows.length ? shownTable(section, data) : h('p', { class: 'hint' }, reportText(lang, 'none')),
      // Rows outside the organisation's boundary are said, not shown (server/reports/boundary.ts).
      section.omitted ? h('p', { class: 'hint' }, reportText(lang, 'omitted', { n: section.omitted })) : null)),
  );
}

/** A section's table; the Verloop's with a row per headline number and a column per import, as in the PDF. */
function shownTable(section: Section, data: ReportData): HTMLElement | HTMLElement[] {
  if (section.id !== 'trend') return table(section, data);
  const byNumber = trendTableByNumber(data.trend ?? [], language(), data.organisations);
  return [table({ ...section, columns: byNumber.columns, rows: byNumber.rows }, data), ...byNumber.notes.map(note => h('p', { class: 'hint' }, note))];
}

/** A section as a sortable table in its own scrolling box: numbers and dates sort as such, cells read as in the PDF. */
function table(section: Section, data: ReportData, id = `table-${section.id}`): HTMLElement {
  const lang = language();
  return h('div', { class: 'table-box' }, sortableTable<Row>({
    id,
    caption: section.title,
    captionHidden: true,
    rows: section.rows,
    columns: section.columns.map(column => ({
      key: column.key,
      label: column.header,
      value: row => {
        const value = column.value(row);
        return NUMERIC_TYPES.has(column.type) || column.type === 'date' ? value : cellText(column, row, lang, data);
      },
      render: row => cellText(column, row, lang, data),
      numeric: NUMERIC_TYPES.has(column.type),
    })),
  }));
}
