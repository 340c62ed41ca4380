// Digital sovereignty: the answer first (how many applications answer to non-EU law, what stops
// without those parties, the worst chains), then the list with each application's exit readiness.
import type { ChainStep, ExitFactor } from '../../server/analyses/sovereignty.js';
import { organisationName } from '../../server/labels.js';
import { chainText, jurisdictionName } from '../../server/reports/chain.js';
import { algorithmList } from './algorithm-panel.js';
import type { RunningAlgorithm } from '../../server/algorithms.js';
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable } from './dom.js';
import { critLabel, formatMoney, formatNumber, formatPercent, kindLabel, language, t, tn, type MessageKey } from './i18n.js';
import { num, str } from './rows.js';
import { trendPanel } from './trend.js';
import type { Row } from './types.js';

type Tally = { applications: number; exposed: number; exposedShare: number; exposedCritical: number; exposedPersonalData: number; contractValue: number; exposedContractValue: number; exposedContractValueShare: number; businessFunctionsLost: number };
type Lost = { organisation: string; uid: string; name: string; supportingApplications: number };
type Party = { uid: string; kind: string; name: string; jurisdiction: string; basis: string };

const WORST = 5;

export async function renderSovereignty(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const file = (format: 'csv' | 'xlsx') => () => void download('/api/analyses/sovereignty',
    format === 'csv' ? { organisation: ctx.organisations(), ...csvFor(language()) } : { organisation: ctx.organisations(), format, lang: language() }, `roer-soevereiniteit.${format}`);
  root.append(h('h1', {}, t('sov.heading')),
    h('div', { class: 'toolbar' }, h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'sov-csv', onclick: file('csv') }, t('calendar.csv')),
      h('button', { type: 'button', id: 'sov-xlsx', onclick: file('xlsx') }, t('calendar.xlsx')))),
    body);
  let result;
  const trend = trendPanel(ctx, ['sovereigntyShare'], 'sov-trend');
  try {
    result = await runAnalysis('sovereignty', { organisation: ctx.organisations() });
  } catch (error) {
    fill(body, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  const summary = (result.summary ?? {}) as { overall?: Tally; byOrganisation?: Tally[]; byBusinessFunction?: Row[]; nonEuParties?: Party[]; applicationsFailed?: number; businessFunctionsLost?: Lost[] };
  const overall = summary.overall;
  const several = (summary.byOrganisation ?? []).length > 1;
  const rows = result.rows;
  const lost = summary.businessFunctionsLost ?? [];
  const failed = summary.applicationsFailed ?? 0;
  const show = (uid: string) => ctx.navigate('explorer', { focus: uid });
  const appLink = (r: Row) => h('button', { type: 'button', class: 'link', 'data-uid': str(r.uid), onclick: () => show(str(r.uid)) }, str(r.name));
  const chainOf = (r: Row) => chainText((r.chain ?? []) as ChainStep[], language());

  fill(body,
    answer(overall, lost, failed, several),
    overall ? h('div', { class: 'cards', id: 'sov-figures' },
      // Each card's line under the number says what that number is of.
      figure('sov-exposed', t('sov.fig.exposed'), `${formatNumber(overall.exposed)} / ${formatNumber(overall.applications)}`, t('sov.fig.exposedShare', { share: formatPercent(overall.exposedShare) })),
      figure('sov-critical', t('sov.fig.critical'), formatNumber(overall.exposedCritical), t('sov.fig.personal', { n: formatNumber(overall.exposedPersonalData), exposed: formatNumber(overall.exposed) })),
      figure('sov-value', t('sov.fig.value'), formatPercent(overall.exposedContractValueShare), t('sov.fig.valueOf', { exposed: formatMoney(overall.exposedContractValue), total: formatMoney(overall.contractValue) })),
      figure('sov-lost', t('sov.fig.lost'), formatNumber(lost.length), failedText(overall, failed, 'sov.fig.failed'))) : null,
    await trend,
    rows.length ? h('section', { id: 'sov-worst' }, h('h2', {}, t('sov.worst')),
      h('ol', { class: 'chains' }, rows.slice(0, WORST).map(r => h('li', {},
        h('p', { class: 'chain-head' }, appLink(r), ' ', h('span', { class: `crit-${str(r.criticality)}` }, critLabel(r.criticality)),
          r.personalData ? ` · ${t('sov.personalData')}` : '', several ? ` · ${organisationName(str(r.organisation))}` : ''),
        h('p', { class: 'chain' }, chainOf(r)),
        h('p', { class: 'hint' }, t('sov.readinessLine', { score: formatNumber(num(r.exitReadiness) ?? 0, 1) })))))) : null,
    whatIf(summary.nonEuParties ?? [], lost, overall ? failedText(overall, failed, 'sov.whatIf.failed') : null, several),
    exposedAlgorithms((result.summary as { algorithmsOnExposed?: RunningAlgorithm[] | null } | undefined)?.algorithmsOnExposed, several),
    h('section', {}, h('h2', {}, t('sov.list', { n: formatNumber(rows.length) })),
      rows.length ? h('p', { class: 'hint', id: 'sov-readiness-scale' }, t('sov.readinessScale')) : null,
      rows.length === 0 ? h('p', {}, t('common.none')) : h('div', { class: 'table-box' }, sortableTable<Row>({
        id: 'sov-table',
        caption: t('sov.list', { n: formatNumber(rows.length) }),
        captionHidden: true,
        rows,
        columns: [
          { key: 'name', label: t('sov.col.application'), value: r => str(r.name), render: appLink },
          ...(several ? [{ key: 'organisation', label: t('org.label'), value: (r: Row) => organisationName(str(r.organisation)) }] : []),
          { key: 'criticality', label: t('sov.col.criticality'), value: r => ['low', 'medium', 'high', 'critical'].indexOf(str(r.criticality)), render: r => h('span', { class: `crit-${str(r.criticality)}` }, critLabel(r.criticality)) },
          { key: 'personalData', label: t('sov.personalDataShort'), value: r => (r.personalData ? 1 : 0), render: r => t(r.personalData ? 'common.yes' : 'common.no') },
          { key: 'chain', label: t('sov.col.chain'), value: chainOf, render: r => h('span', { class: 'chain' }, chainOf(r)) },
          { key: 'contractValue', label: t('exposure.col.value'), value: r => num(r.contractValue), render: r => formatMoney(r.contractValue), numeric: true },
          { key: 'exitReadiness', label: t('sov.col.readiness'), value: r => num(r.exitReadiness), render: readiness, numeric: true },
        ],
      }))),
    several ? organisationTable(summary.byOrganisation ?? []) : null,
    functionTable(summary.byBusinessFunction ?? [], several),
    explanation(),
  );
}

function figure(id: string, title: string, big: string, hint: string): HTMLElement {
  return h('div', { class: 'card', id }, h('h2', {}, title), h('p', { class: 'big' }, big), h('p', { class: 'hint' }, hint));
}

/**
 * The what-if's applications split by how they are hit: the exposed ones fail directly, the others only
 * miss data through interfaces (README: the preset what-if). One sum of both ("374 van de 400") read as
 * "almost everything fails" to a user, so the two numbers are said apart.
 */
function failedText(overall: Tally, failed: number, key: 'sov.fig.failed' | 'sov.whatIf.failed' | 'sov.answer.failed'): string {
  const others = Math.max(0, failed - overall.exposed);
  return others === 0
    ? t(`${key}.only` as MessageKey, { n: formatNumber(failed) })
    : tn(key, others, { exposed: formatNumber(overall.exposed) });
}

/** The sentence a person acts on. */
function answer(overall: Tally | undefined, lost: Lost[], failed: number, several: boolean): HTMLElement {
  if (!overall || overall.exposed === 0) return h('p', { class: 'sentence', id: 'sov-answer' }, t('sov.answer.none', { total: formatNumber(overall?.applications ?? 0) }));
  const names = [...new Set(lost.map(l => (several ? `${l.name} (${organisationName(l.organisation)})` : l.name)))];
  const shown = names.slice(0, 4).join(', ') + (names.length > 4 ? ` ${t('sov.andMore', { n: names.length - 4 })}` : '');
  return h('p', { class: 'sentence', id: 'sov-answer' },
    t('sov.answer', { exposed: formatNumber(overall.exposed), total: formatNumber(overall.applications), share: formatPercent(overall.exposedShare), critical: formatNumber(overall.exposedCritical), personal: formatNumber(overall.exposedPersonalData) }),
    ' ',
    failedText(overall, failed, 'sov.answer.failed'),
    ' ',
    lost.length ? t('sov.answer.lost', { n: formatNumber(lost.length), names: shown }) : t('sov.answer.noneLost'));
}

function whatIf(parties: Party[], lost: Lost[], failed: string | null, several: boolean): HTMLElement {
  return h('section', { id: 'sov-what-if' }, h('h2', {}, t('sov.whatIf')),
    h('p', {}, t('sov.whatIf.parties', { n: formatNumber(parties.length) })),
    parties.length ? h('ul', { class: 'parties', id: 'sov-parties' }, parties.map(p =>
      h('li', {}, `${p.name} (${kindLabel(p.kind)}; ${t(`sov.basis.${p.basis}` as MessageKey)}: ${jurisdictionName(p.jurisdiction, language())})`))) : null,
    failed ? h('p', { id: 'sov-failed' }, failed) : null,
    h('p', {}, lost.length ? t('sov.whatIf.lost', { n: formatNumber(lost.length) }) : t('sov.answer.noneLost')),
    lost.length ? h('ul', { id: 'sov-lost-functions' }, lost.map(l => h('li', {}, several ? `${l.name} — ${organisationName(l.organisation)}` : l.name))) : null);
}

/** The score and, on opening, each factor in words. */
function readiness(r: Row): HTMLElement {
  const factors = (r.factors ?? []) as ExitFactor[];
  return h('details', { class: 'readiness' },
    h('summary', {}, formatNumber(num(r.exitReadiness) ?? 0, 1)),
    h('ul', {}, factors.map(f => {
      // Three marks: met, partly met (earns part of its 25 points), not met; the mark in words for screen readers.
      const state = f.met ? 'met' : f.value > 0 ? 'partial' : 'unmet';
      return h('li', { class: state },
        h('span', { 'aria-hidden': 'true' }, MARKS[state]), ' ', h('span', { class: 'sr-only' }, `${t(`sov.mark.${state}` as MessageKey)}: `),
        factorText(f), state === 'partial' ? ` ${t('sov.mark.partialPoints', { points: formatNumber(f.value * 25, 1) })}` : '');
    })));
}

const MARKS = { met: '✓', partial: '◐', unmet: '✗' } as const;

function factorText(f: ExitFactor): string {
  switch (f.factor) {
    case 'exitPlan': return t(f.raw === null ? 'sov.f.noContract' : f.met ? 'sov.f.exitPlan' : 'sov.f.noExitPlan');
    case 'dataPortability': return t(f.raw === null ? 'sov.f.noContractPortability' : f.met ? 'sov.f.portability' : 'sov.f.noPortability');
    case 'openInterfaces': return f.total ? t('sov.f.interfaces', { open: formatNumber(f.raw), total: formatNumber(f.total) }) : t('sov.f.noInterfaces');
    case 'substitutes': return f.raw === null ? t('sov.f.noComponent') : f.met ? t(f.raw === 1 ? 'sov.f.substitute' : 'sov.f.substitutes', { n: formatNumber(f.raw), names: (f.examples ?? []).join(', ') }) : t('sov.f.noSubstitutes');
  }
}

function organisationTable(rows: Tally[]): HTMLElement {
  return h('section', {}, h('h2', {}, t('sov.perOrganisation')), h('div', { class: 'table-box' }, sortableTable<Row>({
    id: 'sov-organisations', caption: t('sov.perOrganisation'), captionHidden: true, rows: rows as unknown as Row[], sortKey: 'exposed',
    columns: [
      { key: 'organisation', label: t('org.label'), value: r => organisationName(str(r.organisation)) },
      { key: 'exposed', label: t('sov.fig.exposed'), value: r => num(r.exposed), render: r => `${formatNumber(r.exposed)} / ${formatNumber(r.applications)}`, numeric: true },
      { key: 'exposedCritical', label: t('sov.col.critical'), value: r => num(r.exposedCritical), numeric: true },
      { key: 'exposedPersonalData', label: t('sov.personalDataShort'), value: r => num(r.exposedPersonalData), numeric: true },
      { key: 'exposedContractValueShare', label: t('sov.fig.value'), value: r => num(r.exposedContractValueShare), render: r => formatPercent(r.exposedContractValueShare), numeric: true },
      { key: 'businessFunctionsLost', label: t('sov.fig.lost'), value: r => num(r.businessFunctionsLost), numeric: true },
    ],
  })));
}

function functionTable(rows: Row[], several: boolean): HTMLElement | null {
  if (rows.length === 0) return null;
  return h('section', {}, h('h2', {}, t('sov.perFunction')), h('div', { class: 'table-box' }, sortableTable<Row>({
    id: 'sov-functions', caption: t('sov.perFunction'), captionHidden: true, rows,
    columns: [
      { key: 'name', label: t('explorer.function'), value: r => str(r.name) },
      ...(several ? [{ key: 'organisation', label: t('org.label'), value: (r: Row) => organisationName(str(r.organisation)) }] : []),
      { key: 'exposedApplications', label: t('sov.col.exposedOf'), value: r => num(r.exposedApplications), render: r => `${formatNumber(r.exposedApplications)} / ${formatNumber(r.supportingApplications)}`, numeric: true },
      { key: 'lost', label: t('sov.col.lost'), value: r => (r.lost ? 1 : 0), render: r => (r.lost ? h('strong', {}, t('common.yes')) : t('common.no')) },
    ],
  })));
}

function explanation(): HTMLElement {
  return h('details', { class: 'explain', id: 'sov-explained' },
    h('summary', {}, t('sov.explain.title')),
    h('p', {}, t('sov.explain.control')),
    h('p', {}, t('sov.explain.whatIf')),
    h('p', {}, t('sov.explain.readiness')));
}

/** Impactful or high-risk algorithms (Algoritmeregister) on the exposed applications; absent before the register is imported. */
function exposedAlgorithms(algorithms: RunningAlgorithm[] | null | undefined, several: boolean): HTMLElement | null {
  if (!algorithms) return null;
  return h('section', { id: 'sov-algorithms' }, h('h2', {}, t('algo.sov', { n: formatNumber(algorithms.length) })),
    algorithms.length ? algorithmList(algorithms, several, 'sov-algorithm-list') : h('p', {}, t('algo.sovNone')));
}
