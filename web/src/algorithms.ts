// Algorithms (Algoritmeregister): the answer first (how many, how many impactful, how many links await
// review), then the links to review with their confidence and a confirm / reject button each, the
// decisions taken (undoable), and every algorithm with what it runs on. Decisions go to
// POST /api/algorithm-matches and stay across re-imports of the register.
import type { AlgorithmEntry, AlgorithmMatch, MatchState } from '../../server/algorithms.js';
import { kindPlural, organisationName, propertyValueName } from '../../server/labels.js';
import { getJson, postJson } from './api.js';
import type { Context } from './context.js';
import { fill, h, message, sortableTable } from './dom.js';
import { errorText } from './errors.js';
import { formatNumber, kindLabel, language, t, type MessageKey } from './i18n.js';

type Listing = { algorithms: AlgorithmEntry[]; unmatchedOrganisations: { name: string; algorithms: number }[] };
type Link = AlgorithmMatch & { algorithm: AlgorithmEntry };

export async function renderAlgorithms(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  const status = h('div', { id: 'algo-status', 'aria-live': 'polite' });
  root.append(h('h1', {}, t('algo.heading')), status, body);
  await show(body, status, ctx);
}

async function show(body: HTMLElement, status: HTMLElement, ctx: Context): Promise<void> {
  let listing: Listing;
  try {
    listing = await getJson<Listing>('/api/algorithms', { organisation: ctx.organisations() });
  } catch (error) {
    fill(body, message(errorText(error), 'error'));
    return;
  }
  const { algorithms } = listing;
  const links: Link[] = algorithms.flatMap(algorithm => algorithm.matches.map(match => ({ ...match, algorithm })));
  const open = links.filter(link => link.state === 'open');
  const decided = links.filter(link => link.state !== 'open');
  const several = new Set(algorithms.map(a => a.organisation)).size > 1;
  const decideOn = (link: Link, decision: MatchState) => async () => {
    try {
      await postJson('/api/algorithm-matches', { algorithm: link.algorithm.uid, target: link.target, decision });
      fill(status, message(t('algo.saved', { name: link.algorithm.name, target: link.name ?? link.target, state: t(`algo.state.${decision}` as MessageKey) }), 'ok'));
      await show(body, status, ctx);
    } catch (error) {
      fill(status, message(errorText(error), 'error'));
    }
  };
  if (algorithms.length === 0) {
    fill(body, h('p', { class: 'sentence', id: 'algo-answer' }, t('algo.none')), unmatched(listing));
    return;
  }
  const orgs = [...new Set(algorithms.map(a => a.organisationName))];
  const count = (state: MatchState) => formatNumber(links.filter(link => link.state === state).length);
  fill(body,
    h('p', { class: 'sentence', id: 'algo-answer' },
      t('algo.answer', { n: formatNumber(algorithms.length), orgs: orgs.length <= 3 ? orgs.join(', ') : `${formatNumber(orgs.length)} ${kindPlural('Organisation', language())}`, impactful: formatNumber(algorithms.filter(a => a.impactful || a.highRisk).length) }),
      ' ',
      open.length ? t('algo.answer.review', { open: count('open'), confirmed: count('confirmed'), rejected: count('rejected') }) : t('algo.answer.reviewDone', { confirmed: count('confirmed'), rejected: count('rejected') })),
    h('section', { id: 'algo-review' }, h('h2', {}, t('algo.review', { n: formatNumber(open.length) })),
      h('p', { class: 'hint' }, t('algo.reviewHint')),
      open.length ? h('div', { class: 'table-box' }, linkTable('algo-open', t('algo.review', { n: formatNumber(open.length) }), open, several, link => h('div', { class: 'buttons' },
        h('button', { type: 'button', class: 'primary', 'data-action': 'confirm', onclick: decideOn(link, 'confirmed') }, t('algo.confirm')),
        h('button', { type: 'button', 'data-action': 'reject', onclick: decideOn(link, 'rejected') }, t('algo.reject'))))) : h('p', {}, t('common.none'))),
    decided.length ? h('section', { id: 'algo-decided' }, h('h2', {}, t('algo.decided', { n: formatNumber(decided.length) })),
      h('div', { class: 'table-box' }, linkTable('algo-decisions', t('algo.decided', { n: formatNumber(decided.length) }), decided, several, link => h('span', {},
        h('strong', { class: `state-${link.state}` }, t(`algo.state.${link.state}` as MessageKey)), ' ',
        h('button', { type: 'button', class: 'link', 'data-action': 'undo', onclick: decideOn(link, 'open') }, t('algo.undo')))))) : null,
    h('section', { id: 'algo-all' }, h('h2', {}, t('algo.all', { n: formatNumber(algorithms.length) })), h('div', { class: 'table-box' }, sortableTable<AlgorithmEntry>({
      id: 'algo-table', caption: t('algo.all', { n: formatNumber(algorithms.length) }), captionHidden: true, rows: algorithms, sortKey: 'risk',
      columns: [
        { key: 'name', label: t('algo.col.algorithm'), value: a => a.name, render: a => algorithmName(a) },
        ...(several ? [{ key: 'organisation', label: t('org.label'), value: (a: AlgorithmEntry) => organisationName(a.organisation, a.organisationName) }] : []),
        { key: 'status', label: t('algo.col.status'), value: a => propertyValueName('status', a.status, language()) },
        { key: 'risk', label: t('algo.col.risk'), value: a => (a.highRisk ? 2 : a.impactful ? 1 : 0), render: risk },
        { key: 'runsOn', label: t('algo.col.runsOn'), value: a => runsOn(a) },
      ],
    }))),
    unmatched(listing));
}

function algorithmName(a: AlgorithmEntry): HTMLElement {
  return h('span', {}, h('strong', {}, a.name), a.url ? h('span', { class: 'hint' }, ' — ', h('a', { href: a.url, target: '_blank', rel: 'noopener' }, t('algo.register'))) : '');
}

const risk = (a: AlgorithmEntry) => (a.highRisk ? h('strong', { class: 'badge warn' }, t('algo.highRisk')) : a.impactful ? h('span', { class: 'badge' }, t('algo.impactful')) : '');

/** The applications it runs on as decided or likely; proposals by supplier only are left for the review. */
function runsOn(a: AlgorithmEntry): string {
  return a.matches
    .filter(m => m.kind === 'Application' && (m.state === 'confirmed' || (m.state === 'open' && (m.confidence === 'exact' || m.confidence === 'normalised'))))
    .map(m => `${m.name ?? m.target} (${t(m.state === 'confirmed' ? 'algo.state.confirmed' : 'algo.state.likely')})`)
    .join(', ');
}

function linkTable(id: string, caption: string, links: (AlgorithmMatch & { algorithm: AlgorithmEntry })[], several: boolean, action: (link: Link) => HTMLElement): HTMLTableElement {
  return sortableTable<Link>({
    id, caption, captionHidden: true, rows: links, sortKey: 'confidence', descending: false,
    rowAttrs: link => ({ 'data-algorithm': link.algorithm.uid, 'data-target': link.target }),
    columns: [
      { key: 'algorithm', label: t('algo.col.algorithm'), value: link => link.algorithm.name, render: link => algorithmName(link.algorithm) },
      ...(several ? [{ key: 'organisation', label: t('org.label'), value: (link: Link) => organisationName(link.algorithm.organisation, link.algorithm.organisationName) }] : []),
      { key: 'target', label: t('algo.col.target'), value: link => link.name ?? link.target, render: link => h('span', {}, link.name ?? link.target, h('span', { class: 'hint' }, ` (${kindLabel(link.kind).toLowerCase()})`)) },
      { key: 'confidence', label: t('algo.col.confidence'), value: link => ['exact', 'normalised', 'supplier'].indexOf(link.confidence ?? '') + 1 || 4, render: link => t(`algo.confidence.${link.confidence ?? 'none'}` as MessageKey) },
      { key: 'found', label: t('algo.col.found'), value: link => link.basis ?? '', render: link => (link.basis ? h('q', {}, link.basis) : '') },
      { key: 'action', label: t('algo.col.actions'), value: link => link.state, render: action },
    ],
  });
}

function unmatched({ unmatchedOrganisations }: Listing): HTMLElement | null {
  if (unmatchedOrganisations.length === 0) return null;
  return h('details', { class: 'explain', id: 'algo-unmatched' },
    h('summary', {}, unmatchedOrganisations.length === 1 ? t('algo.unmatchedOne') : t('algo.unmatched', { n: formatNumber(unmatchedOrganisations.length) })),
    h('ul', {}, unmatchedOrganisations.slice(0, 200).map(o => h('li', {}, `${o.name} (${formatNumber(o.algorithms)})`))));
}

/** What an import of the register found: the links proposed for review, and the organisations not in the landscape. */
export function registerSummary(report: Record<string, unknown>): HTMLElement[] {
  const matches = (report.matches ?? {}) as Record<string, number>;
  const unmatchedOrganisations = ((report.organisations as { unmatched?: { name: string; algorithms: number }[] } | undefined)?.unmatched) ?? [];
  const counts = (['exact', 'normalised', 'supplier'] as const).filter(c => matches[c]).map(c => `${formatNumber(matches[c])} × ${t(`algo.confidence.${c}`)}`);
  return [
    h('p', { id: 'import-algo-matches' }, t('algo.importMatches', { counts: counts.join(', ') || t('common.none') })),
    unmatched({ algorithms: [], unmatchedOrganisations }) ?? h('span'),
  ];
}
