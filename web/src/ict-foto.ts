// The security "ICT-foto": the answer first (how many applications run a version without support, in
// how many business-critical functions), then the list; and the advisory form a security officer
// fills in on the day of an advisory: product and versions in, affected organisations and impact out.
import { organisationName } from '../../server/labels.js';
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable } from './dom.js';
import { critLabel, formatDate, formatNumber, language, t, tn, type MessageKey } from './i18n.js';
import { num, str } from './rows.js';
import type { Row } from './types.js';
import { errorText } from './errors.js';

type Overall = {
  applicationsUnsupported: number; applicationsEnding: number; criticalApplicationsUnsupported: number; personalDataApplicationsUnsupported: number;
  criticalFunctionsUnsupported: number; criticalFunctionsEnding: number; versionsKnown: number; releaseCycles: number;
};
type Totals = { matches: number; applications: number; platforms: number; applicationsDown: number; criticalApplicationsDown: number; organisations: number; businessFunctionsLost: number; businessFunctionsWeakened: number; unknownVersion: number };
type OrganisationHit = { organisation: string; name: string; affected: number; down: number; critical: number; personalData: number; functionsLost: string[]; functionsWeakened: string[] };

const MONTHS = [3, 6, 12, 24];

export async function renderIctFoto(root: HTMLElement, ctx: Context): Promise<void> {
  const months = MONTHS.includes(Number(ctx.params().get('months'))) ? Number(ctx.params().get('months')) : 6;
  const params = () => ({ organisation: ctx.organisations(), months });
  const file = (format: 'csv' | 'xlsx') => () => void download('/api/analyses/out-of-support',
    format === 'csv' ? { ...params(), ...csvFor(language()) } : { ...params(), format, lang: language() }, `roer-ict-foto.${format}`);
  const horizon = h('select', { id: 'ict-months', 'aria-label': t('ict.months'), onchange: (event: Event) => ctx.navigate('ictfoto', { months: (event.target as HTMLSelectElement).value }) },
    MONTHS.map(n => h('option', { value: String(n), selected: n === months ? true : undefined }, t('ict.monthsOption', { n }))));
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  root.append(h('h1', {}, t('ict.heading')),
    h('div', { class: 'toolbar' },
      h('label', {}, `${t('ict.months')} `, horizon),
      h('div', { class: 'buttons' },
        h('button', { type: 'button', id: 'ict-csv', onclick: file('csv') }, t('calendar.csv')),
        h('button', { type: 'button', id: 'ict-xlsx', onclick: file('xlsx') }, t('calendar.xlsx')))),
    body,
    advisoryForm(ctx));
  let result;
  try {
    result = await runAnalysis('out-of-support', params());
  } catch (error) {
    fill(body, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  const summary = (result.summary ?? {}) as { overall?: Overall; byOrganisation?: Row[] };
  const overall = summary.overall;
  const several = (summary.byOrganisation ?? []).length > 1 || ctx.organisations().length !== 1;
  const rows = result.rows;
  fill(body,
    answer(overall, months),
    overall ? h('div', { class: 'cards', id: 'ict-figures' },
      // Each card's line under the number says what that number is made of or counted from.
      // The second line says how the card relates to the table's columns, so the numbers visibly fit.
      figure('ict-unsupported', t('ict.fig.unsupported'), formatNumber(overall.applicationsUnsupported),
        t('ict.fig.criticalApps', { n: formatNumber(overall.criticalApplicationsUnsupported), personal: formatNumber(overall.personalDataApplicationsUnsupported) }), t('ict.fig.unsupportedNote')),
      figure('ict-functions', t('ict.fig.functions'), formatNumber(overall.criticalFunctionsUnsupported), tn('ict.fig.functionsOf', overall.criticalApplicationsUnsupported),
        t('ict.fig.functionsNote', { n: formatNumber(functionsHit(rows)) })),
      figure('ict-ending', t('ict.fig.ending', { months }), formatNumber(overall.applicationsEnding), t('ict.fig.endingFunctions', { n: formatNumber(overall.criticalFunctionsEnding) }))) : null,
    h('section', {}, h('h2', {}, t('ict.list', { n: formatNumber(rows.length) })),
      rows.length === 0 ? h('p', {}, t('common.none')) : h('div', { class: 'table-box' }, versionTable('ict-table', rows, several, true, ctx))),
    several && (summary.byOrganisation ?? []).length ? organisationTable(summary.byOrganisation ?? []) : null,
    h('details', { class: 'explain', id: 'ict-explained' },
      h('summary', {}, t('ict.explain.title')),
      h('p', {}, t('ict.explain.sources')),
      h('p', {}, t('ict.explain.status')),
      h('p', {}, t('ict.explain.dependants'))),
  );
}

function figure(id: string, title: string, big: string, hint: string, note?: string): HTMLElement {
  return h('div', { class: 'card', id }, h('h2', {}, title), h('p', { class: 'big' }, big), h('p', { class: 'hint' }, hint), note ? h('p', { class: 'hint note' }, note) : null);
}

/** Every business function the rows out of support name (their own and what fails with them), counted once per organisation. */
const functionsHit = (rows: Row[]) => new Set(rows.filter(r => r.supportStatus === 'unsupported')
  .flatMap(r => ((r.businessFunctions ?? []) as string[]).map(fn => `${str(r.organisation)}\u0000${fn}`))).size;

/** The sentence a person acts on. */
function answer(overall: Overall | undefined, months: number): HTMLElement {
  const id = 'ict-answer';
  if (!overall || overall.releaseCycles === 0) return h('p', { class: 'sentence', id }, t('ict.answer.noCycles'));
  if (overall.applicationsUnsupported === 0 && overall.applicationsEnding === 0) return h('p', { class: 'sentence', id }, t('ict.answer.none', { known: formatNumber(overall.versionsKnown), months }));
  return h('p', { class: 'sentence', id },
    t('ict.answer', { n: formatNumber(overall.applicationsUnsupported), functions: formatNumber(overall.criticalFunctionsUnsupported) }),
    ' ',
    overall.applicationsEnding ? t('ict.answer.ending', { n: formatNumber(overall.applicationsEnding), months }) : t('ict.answer.noneEnding', { months }));
}

const statusLabel = (status: unknown) => t(`ict.status.${str(status)}` as MessageKey);
const versionText = (r: Row) => `${str(r.product)} ${str(r.version)}`.trim();

/** One row per application or platform (per organisation) with its version, support and what fails with it. */
function versionTable(id: string, rows: Row[], several: boolean, withSupport: boolean, ctx: Context): HTMLTableElement {
  const show = (uid: string) => ctx.navigate('explorer', { focus: uid });
  return sortableTable<Row>({
    id, caption: t('ict.list', { n: formatNumber(rows.length) }), captionHidden: true, rows,
    columns: [
      ...(withSupport ? [{ key: 'supportStatus', label: t('ict.col.status'), value: (r: Row) => (r.supportStatus === 'unsupported' ? 0 : 1), render: (r: Row) => h('span', { class: r.supportStatus === 'unsupported' ? 'status-bad' : 'status-warn' }, statusLabel(r.supportStatus)) }] : []),
      { key: 'name', label: t('ict.col.name'), value: r => str(r.name), render: r => h('span', {}, h('button', { type: 'button', class: 'link', 'data-uid': str(r.uid), onclick: () => show(str(r.uid)) }, str(r.name)), h('span', { class: 'hint' }, ` (${t(r.kind === 'Platform' ? 'ict.kind.platform' : 'ict.kind.application')})`)) },
      ...(several ? [{ key: 'organisation', label: t('org.label'), value: (r: Row) => str(r.organisationName ?? organisationName(str(r.organisation))) }] : []),
      { key: 'version', label: t('ict.col.version'), value: versionText, render: r => h('span', {}, versionText(r), r.versionFrom === 'sbom' ? h('span', { class: 'hint' }, ` (${t('ict.viaSbom')})`) : '') },
      ...(withSupport ? [{ key: 'eol', label: t('ict.col.eol'), value: (r: Row) => str(r.eol), render: (r: Row) => (r.eol ? formatDate(r.eol) : t('ict.eolUnknown')) }] : []),
      { key: 'criticality', label: t('sov.col.criticality'), value: r => ['low', 'medium', 'high', 'critical'].indexOf(str(r.criticality)), render: r => h('span', { class: `crit-${str(r.criticality)}` }, critLabel(r.criticality)) },
      { key: 'personalData', label: t('sov.personalDataShort'), value: r => (r.personalData ? 1 : 0), render: r => t(r.personalData ? 'common.yes' : 'common.no') },
      { key: 'dependants', label: t(withSupport ? 'ict.col.dependantsAll' : 'ict.col.dependants'), value: r => num(r.dependants), render: r => h('span', { title: ((r.dependantNames ?? []) as string[]).join(', ') }, formatNumber(r.dependants)), numeric: true },
      { key: 'businessFunctions', label: t('ict.col.functionsAll'), value: r => ((r.businessFunctions ?? []) as string[]).join(', ') },
    ],
  });
}

function organisationTable(rows: Row[]): HTMLElement {
  return h('section', {}, h('h2', {}, t('sov.perOrganisation')), h('div', { class: 'table-box' }, sortableTable<Row>({
    id: 'ict-organisations', caption: t('sov.perOrganisation'), captionHidden: true, rows, sortKey: 'unsupported', descending: true,
    columns: [
      { key: 'name', label: t('org.label'), value: r => str(r.name) },
      { key: 'unsupported', label: t('ict.fig.unsupported'), value: r => num(r.unsupported), render: r => `${formatNumber(r.unsupported)} / ${formatNumber(r.applications)}`, numeric: true },
      { key: 'critical', label: t('sov.col.critical'), value: r => num(r.critical), numeric: true },
      { key: 'ending', label: t('ict.col.ending'), value: r => num(r.ending), numeric: true },
      { key: 'criticalFunctions', label: t('ict.fig.functions'), value: r => ((r.criticalFunctions ?? []) as string[]).join(', ') },
    ],
  })));
}

/** Product and versions in; every affected organisation, application, platform and business function out. */
function advisoryForm(ctx: Context): HTMLElement {
  const product = h('input', { id: 'adv-product', name: 'product', required: true, maxlength: '200', placeholder: 'Apache Tomcat', autocomplete: 'off' });
  const range = h('input', { id: 'adv-range', name: 'range', maxlength: '200', placeholder: '>=9.0.10 <9.0.99', autocomplete: 'off' });
  const out = h('div', { id: 'adv-result', 'aria-live': 'polite' });
  const submit = async (event: Event) => {
    event.preventDefault();
    fill(out, h('p', { role: 'status' }, t('common.loading')));
    try {
      const result = await runAnalysis('advisory', { product: product.value, range: range.value, organisation: ctx.organisations() });
      fill(out, advisoryAnswer(result.rows, (result.summary ?? {}) as AdvisorySummary, product.value, range.value, ctx));
    } catch (error) {
      fill(out, message(errorText(error), 'error'));
    }
  };
  return h('section', { id: 'advisory' },
    h('h2', {}, t('adv.heading')),
    h('p', { class: 'hint' }, t('adv.intro')),
    h('form', { id: 'adv-form', class: 'advisory-form', onsubmit: (event: Event) => void submit(event) },
      h('label', { for: 'adv-product' }, t('adv.product')), product,
      h('label', { for: 'adv-range' }, t('adv.range')), range,
      h('button', { type: 'submit', id: 'adv-submit' }, t('adv.submit'))),
    out);
}

type AdvisorySummary = { totals?: Totals; organisations?: OrganisationHit[]; unknownVersion?: Row[]; applicationsDown?: Row[]; applicationsDownCut?: { shown: number; total: number } };

function advisoryAnswer(rows: Row[], summary: AdvisorySummary, product: string, range: string, ctx: Context): HTMLElement {
  const totals = summary.totals;
  const asked = `${product}${range ? ` ${range}` : ''}`;
  const unknown = summary.unknownVersion ?? [];
  if (!totals || totals.matches === 0) {
    return h('div', {}, h('p', { class: 'sentence', id: 'adv-answer' }, t('adv.answer.none', { asked })),
      unknown.length ? h('p', {}, t('adv.unknown', { n: tn('ict.n.applications', unknown.length), names: unknown.map(u => str(u.name)).join(', ') })) : null);
  }
  const organisations = summary.organisations ?? [];
  const several = organisations.length > 1 || ctx.organisations().length !== 1;
  return h('div', {},
    h('p', { class: 'sentence', id: 'adv-answer' },
      // The answer first: what stops, where, how much of it critical; then what the advisory hits.
      tn('adv.answer.down', totals.applicationsDown, { organisations: tn('ict.n.organisations', totals.organisations), critical: formatNumber(totals.criticalApplicationsDown) }), ' ',
      t('adv.answer', { asked, names: runningNames(rows), applications: tn('ict.n.applications', totals.applications), platforms: tn('ict.n.platforms', totals.platforms), organisations: tn('ict.n.organisations', totals.organisations) }), ' ',
      t('adv.answer.impact', { lost: formatNumber(totals.businessFunctionsLost) })),
    h('div', { class: 'table-box' }, sortableTable<Row>({
      id: 'adv-organisations', caption: t('adv.perOrganisation'), rows: organisations as unknown as Row[], sortKey: 'down', descending: true,
      columns: [
        { key: 'name', label: t('org.label'), value: r => str(r.name) },
        { key: 'affected', label: t('adv.col.affected'), value: r => num(r.affected), numeric: true },
        { key: 'platforms', label: t('adv.col.platforms'), value: r => num(r.platforms), numeric: true },
        { key: 'down', label: t('adv.col.down'), value: r => num(r.down), numeric: true },
        { key: 'critical', label: t('sov.col.critical'), value: r => num(r.critical), numeric: true },
        { key: 'functionsLost', label: t('adv.col.lost'), value: r => ((r.functionsLost ?? []) as string[]).join(', ') || t('adv.noFunctions') },
        { key: 'functionsWeakened', label: t('adv.col.weakened'), value: r => ((r.functionsWeakened ?? []) as string[]).join(', ') || t('adv.noFunctions') },
      ],
    })),
    // What runs the version itself before the (long) list of what fails with it.
    h('h3', {}, t('adv.items', { asked, n: formatNumber(rows.length) })),
    h('div', { class: 'table-box' }, versionTable('adv-table', rows, several, false, ctx)),
    applicationsDown(summary, product, range, ctx),
    unknown.length ? h('p', { id: 'adv-unknown' }, t('adv.unknown', { n: tn('ict.n.applications', unknown.length), names: unknown.map(u => str(u.name)).join(', ') })) : null);
}

/** Up to three of what runs the asked version itself, "Name (product version)", platforms first (what runs on them fails with them), and "en nog N". */
function runningNames(rows: Row[]): string {
  const ordered = [...rows.filter(r => r.kind === 'Platform'), ...rows.filter(r => r.kind !== 'Platform')];
  const names = [...new Set(ordered.map(r => `${str(r.name)} (${versionText(r)})`))];
  const shown = names.slice(0, 3).join(', ');
  return names.length > 3 ? `${shown} ${t('changes.more', { n: formatNumber(names.length - 3) })}` : shown;
}

/** The applications that stop with what the advisory hits: name, organisation, criticality, business functions; a CSV of all of them. */
function applicationsDown(summary: AdvisorySummary, product: string, range: string, ctx: Context): HTMLElement | null {
  const down = summary.applicationsDown ?? [];
  if (down.length === 0) return null;
  const total = summary.applicationsDownCut?.total ?? down.length;
  const csv = () => void download('/api/analyses/advisory', { product, range, organisation: ctx.organisations(), list: 'applications', ...csvFor(language()) }, 'roer-advies-uitval.csv');
  return h('section', { id: 'adv-down' },
    h('div', { class: 'toolbar' },
      h('h3', {}, t('adv.down', { n: formatNumber(total) })),
      h('div', { class: 'buttons' }, h('button', { type: 'button', id: 'adv-down-csv', onclick: csv }, t('adv.down.csv')))),
    summary.applicationsDownCut ? h('p', { class: 'hint' }, t('adv.down.cut', { shown: formatNumber(summary.applicationsDownCut.shown), total: formatNumber(total) })) : null,
    h('div', { class: 'table-box' }, sortableTable<Row>({
      id: 'adv-down-table', caption: t('adv.down', { n: formatNumber(total) }), captionHidden: true, rows: down, sortKey: 'criticality', descending: true,
      columns: [
        { key: 'name', label: t('adv.col.application'), value: r => str(r.name), render: r => h('button', { type: 'button', class: 'link', 'data-uid': str(r.uid), onclick: () => ctx.navigate('explorer', { focus: str(r.uid) }) }, str(r.name)) },
        { key: 'organisationName', label: t('org.label'), value: r => str(r.organisationName) },
        { key: 'criticality', label: t('sov.col.criticality'), value: r => ['low', 'medium', 'high', 'critical'].indexOf(str(r.criticality)), render: r => h('span', { class: `crit-${str(r.criticality)}` }, critLabel(r.criticality)) },
        { key: 'businessFunctions', label: t('ict.col.functions'), value: r => ((r.businessFunctions ?? []) as string[]).join(', ') },
        { key: 'runsAffectedVersion', label: t('adv.col.itself'), value: r => t(r.runsAffectedVersion ? 'common.yes' : 'common.no') },
      ],
    })));
}
