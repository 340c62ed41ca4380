// Dependency report per application, supplier or organisation: a printable page (print CSS adds page
// numbers) with the dependency picture and tables, a real PDF from the server, and CSV/XLSX/GraphML.
import { download, getGraph, getJson } from './api.js';
import type { Context } from './context.js';
import { errorText } from './errors.js';
import { orgName } from './organisations.js';
import { clear, fill, h, message, sortableTable } from './dom.js';
import { critLabel, formatDate, formatMoney, formatNumber, kindLabel, language, t, type MessageKey } from './i18n.js';
import { dependencyPicture } from './picture.js';
import { names, num, pick, rowName, rowUid, str } from './rows.js';
import type { Row } from './types.js';

export type ReportData = {
  subject: { uid: string; kind: string; name: string; properties?: Row };
  generatedAt: string;
  dependants: Row[];
  edges?: [string, string][];
  contracts: Row[];
  lockIn: Row[];
  spofs: Row[];
  exposure?: Row[];
};

const KINDS = { application: 'Application', supplier: 'Supplier', organisation: 'Organisation' } as const;

export async function renderReport(root: HTMLElement, ctx: Context): Promise<void> {
  const subjectParam = ctx.params().get('subject') ?? '';
  let kind: keyof typeof KINDS = subjectParam.startsWith('supplier:') || subjectParam.startsWith('group:') ? 'supplier' : subjectParam.startsWith('org:') ? 'organisation' : 'application';
  const body = h('div', { class: 'report', id: 'report' });
  const subjectSelect = h('select', { id: 'report-subject' }, h('option', { value: '' }, '—'));
  const fillSubjects = async () => {
    const graph = await getGraph({ organisation: ctx.organisations(), kinds: [KINDS[kind]], aggregate: 'none' });
    subjectSelect.replaceChildren(h('option', { value: '' }, '—'), ...graph.nodes.filter(n => n.kind === KINDS[kind]).sort((a, b) => a.label.localeCompare(b.label, 'nl'))
      .map(n => h('option', { value: n.id, selected: n.id === subjectParam }, n.organisation && kind === 'application' ? `${n.label} (${orgName(n.organisation)})` : n.label)));
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
    data = await getJson<ReportData>(`/api/reports/${encodeURIComponent(subjectParam)}`, { organisation: ctx.organisations() });
  } catch (error) {
    body.append(message(errorText(error), 'error'));
    return;
  }
  const s = data.subject;
  const file = s.uid.replace(/[^\w-]+/g, '-');
  fill(body, 
    h('div', { class: 'buttons no-print' },
      h('button', { type: 'button', id: 'report-print', onclick: () => window.print() }, t('report.print')),
      h('button', { type: 'button', id: 'report-pdf', onclick: () => void download(`/api/reports/${encodeURIComponent(s.uid)}.pdf`, { organisation: ctx.organisations(), lang: language() }, `roer-rapport-${file}.pdf`) }, t('report.pdf')),
      h('button', { type: 'button', onclick: () => void download('/api/analyses/impact', { node: s.uid, organisation: ctx.organisations(), format: 'csv' }, `roer-${file}.csv`) }, t('report.csv')),
      h('button', { type: 'button', onclick: () => void download('/api/analyses/impact', { node: s.uid, organisation: ctx.organisations(), format: 'xlsx' }, `roer-${file}.xlsx`) }, t('report.xlsx')),
      h('button', { type: 'button', onclick: () => void download('/api/graph', { organisation: ctx.organisations(), format: 'graphml' }, `roer-${file}.graphml`) }, t('report.graphml')),
      archimateOrganisations(ctx, s.kind, s.uid).length
        ? h('button', { type: 'button', id: 'report-ameff', onclick: () => void download('/api/exports/ameff', { organisation: archimateOrganisations(ctx, s.kind, s.uid) }, `roer-${file}.xml`) }, t('report.ameff'))
        : null),
    h('header', { class: 'report-head' },
      h('h1', {}, `${t('report.heading')}: ${s.name}`),
      h('p', {}, `${kindLabel(s.kind)} · ${s.uid} · ${t('report.generated', { date: formatDate(data.generatedAt.slice(0, 10)) })}`)),
    s.kind !== 'Organisation' ? h('section', { class: 'keep' }, h('h2', {}, t('report.picture')),
      dependencyPicture({ id: s.uid, label: s.name, kind: s.kind }, data.dependants.map(d => ({ id: rowUid(d), label: rowName(d), kind: str(d.kind), hops: num(pick(d, 'hops', 'distance')) ?? 1 })), data.edges ?? [], t('report.picture'))) : null,
    data.exposure?.length ? h('section', {}, h('h2', {}, t('exposure.heading')), table(data.exposure, [
      ['name', t('exposure.col.name')], ['applications', t('exposure.col.applications')], ['criticalApplications', t('exposure.col.critical')], ['contractValue', t('exposure.col.value')], ['contractValueShare', `${t('exposure.col.share')} %`]])) : null,
    h('section', {}, h('h2', {}, `${t('report.dependencies')} (${data.dependants.length})`), table(data.dependants, [
      ['name', t('exposure.col.name')], ['kind', t('spof.col.kind')], ['hops', t('panel.hops')], ['criticality', t('explorer.criticality')], ['organisation', t('org.label')]])),
    h('section', {}, h('h2', {}, `${t('report.contracts')} (${data.contracts.length})`), table(data.contracts, [
      ['id', t('calendar.col.contract')], ['suppliers', t('calendar.col.supplier')], ['noticeDeadline', t('calendar.col.notice')], ['end', t('calendar.col.end')], ['annualValue', t('calendar.col.value')], ['applications', t('calendar.col.applications')]])),
    h('section', {}, h('h2', {}, `${t('report.lockin')} (${data.lockIn.length})`), table(data.lockIn, [
      ['name', t('exposure.col.name')], ['value', t('panel.value')], ['weight', t('panel.weight')], ['score', t('panel.contribution')], ['top', t('panel.factor')]])),
    h('section', {}, h('h2', {}, `${t('report.spofs')} (${data.spofs.length})`), table(data.spofs, [
      ['name', t('spof.col.name')], ['kind', t('spof.col.kind')], ['criticalApplications', t('spof.col.critical')], ['businessFunctions', t('spof.col.functions')]])),
  );
}

function cell(key: string, value: unknown): string {
  if (key === 'kind') return kindLabel(str(value));
  if (key === 'organisation') return orgName(value);
  if (key === 'criticality') return value ? critLabel(value) : '';
  if (key === 'noticeDeadline' || key === 'end') return formatDate(value);
  if (key === 'annualValue' || key === 'contractValue') return formatMoney(value);
  if (Array.isArray(value)) return names(value).join(', ');
  if (typeof value === 'number') return formatNumber(value, 1);
  return str(value);
}

function table(rows: Row[], columns: [string, string][]): HTMLElement {
  if (rows.length === 0) return h('p', { class: 'hint' }, t('common.none'));
  return sortableTable<Row>({ caption: '', rows, columns: columns.map(([key, label]) => ({ key, label, value: r => (typeof r[key] === 'number' ? r[key] : cell(key, r[key])), render: r => cell(key, r[key]), numeric: typeof rows[0][key] === 'number' })) });
}

/** Which organisations an ArchiMate export covers: the report's organisation, else the chosen ones. */
function archimateOrganisations(ctx: Context, kind: string, uid: string): string[] {
  return kind === 'Organisation' ? [uid.replace(/^org:/, '')] : ctx.organisations();
}
