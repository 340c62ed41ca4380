// Single points of failure: the ranking by impact, articulation points and bridges; each links to the
// explorer, which shows the node and what fails with it. Of one organisation, the rows the last import
// brought into the top 10 say so, and where it made a row hit more critical applications, how many before.
import { csvFor, download, getJson, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { dependencyHash } from './dependency-view.js';
import { fill, h, message, sortableTable } from './dom.js';
import { act, errorText } from './errors.js';
import { formatDateTime, formatNumber, kindLabel, language, t, tn } from './i18n.js';
import { expandableList } from './lists.js';
import { orgName } from './organisations.js';
import { listWords } from '../../server/reports/words.js';
import { names, num, pick, rowName, rowUid, str, uids } from './rows.js';
import { trendOrganisation, trendPanel } from './trend.js';
import type { Row } from './types.js';
import { byImpact } from '../../server/analyses/impact-order.js';
import type { HeadlineChange } from '../../server/analyses/changes.js';

export async function renderSpof(root: HTMLElement, ctx: Context): Promise<void> {
  // The server ranks the first 100 per organisation unless asked for all; the page says so when it cut.
  const all = ctx.params().get('all') === '1';
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  root.append(h('h1', {}, t('spof.heading')),
    h('div', { class: 'toolbar' }, h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: act(() => download('/api/analyses/single-points-of-failure', { organisation: ctx.organisations(), ...csvFor(language()), limit: all ? 0 : undefined }, 'roer-kwetsbare-punten.csv')) }, t('calendar.csv')),
      h('button', { type: 'button', onclick: act(() => download('/api/analyses/single-points-of-failure', { organisation: ctx.organisations(), format: 'xlsx', lang: language(), limit: all ? 0 : undefined }, 'roer-kwetsbare-punten.xlsx')) }, t('calendar.xlsx')))),
    body);
  let result;
  const trend = trendPanel(ctx, ['spofCount'], 'spof-trend');
  const moved = lastImportMoves(trendOrganisation(ctx));
  try {
    result = await runAnalysis('single-points-of-failure', { organisation: ctx.organisations(), limit: all ? 0 : undefined });
  } catch (error) {
    fill(body, message(errorText(error), 'error'));
    return;
  }
  const cut = (result.summary as { cut?: { shown: number; total: number; limit?: number } | null } | undefined)?.cut;
  const critical = (r: Row) => num(pick(r, 'failedCriticalApplications', 'criticalApplications'));
  // Functions that stop: all their applications down directly, as the what-if page counts them.
  const functions = (r: Row) => num(pick(r, 'businessFunctionsStopping', 'failedBusinessFunctions'));
  const direct = (r: Row) => num(pick(r, 'directlyFailedApplications', 'failedApplications'));
  const total = (r: Row) => num(pick(r, 'failedApplications', 'affected', 'total'));
  // The server ranks within each organisation; with several, one ranking over all of them (else #1 is
  // just the first organisation's first).
  const rows = [...result.rows].sort(byImpact).map((row, index) => ({ ...row, rank: num(row.rank) ?? index + 1 }));
  const show = (uid: string) => ctx.navigate('explorer', { focus: uid, impact: uid });
  const summary = (result.summary ?? {}) as Row;
  const points = (pick(summary, 'articulationPoints') ?? []) as unknown[];
  const bridges = (pick(summary, 'bridges') ?? []) as unknown[];
  // With several organisations, a name says whose it is ("Zaaksysteem (Gemeente Roerdam)").
  const several = new Set([...rows, ...points, ...bridges].map(item => (item && typeof item === 'object' && !Array.isArray(item) ? str((item as Row).organisation) : ''))).size > 1;
  const withOrganisation = (name: string, organisation: unknown) => (several && organisation ? `${name} (${orgName(organisation)})` : name);
  const last = await moved;
  const isNew = (r: Row) => Boolean(last && str(r.organisation) === last.organisation && last.entered.has(rowUid(r)));
  const before = (r: Row) => (last && str(r.organisation) === last.organisation ? last.rose.get(rowUid(r)) : undefined);

  fill(body,
    await trend,
    answer(rows, several),
    h('section', {}, h('h2', {}, t('spof.ranking')),
      // What the marks compare: the last import against the one before, in the top 10 only (what a headline keeps).
      last && (last.entered.size > 0 || last.rose.size > 0) ? h('p', { class: 'hint', id: 'spof-marked' }, t('spof.marked', { when: formatDateTime(last.at), before: formatDateTime(last.before) }), ' ',
        h('a', { href: `#/changes?${new URLSearchParams({ since: last.since })}` }, t('spof.markedLink')), '.') : null,
      cut ? h('p', { class: 'cut', id: 'spof-cut', role: 'note' }, t('spof.cut', { shown: formatNumber(cut.shown), total: formatNumber(cut.total), limit: formatNumber(cut.limit ?? 0) }), ' ',
        h('button', { type: 'button', id: 'spof-all', onclick: () => ctx.navigate('spof', { all: '1' }) }, t('spof.showAll', { total: formatNumber(cut.total) }))) : null,
      sortableTable<Row>({
      id: 'spof-table',
      caption: t('spof.ranking'),
      captionHidden: true,
      rows,
      sortKey: 'rank',
      descending: false,
      columns: [
        { key: 'rank', label: t('spof.col.rank'), value: r => num(r.rank), numeric: true },
        { key: 'name', label: t('spof.col.name'), value: r => rowName(r), render: r => h('span', {}, h('button', { type: 'button', class: 'link', 'data-uid': rowUid(r), onclick: () => show(rowUid(r)) }, rowName(r)), ' ', h('a', { class: 'hint', href: dependencyHash(rowUid(r)), 'data-dependencies': rowUid(r) }, t('spof.dependencies')),
          isNew(r) ? h('small', { class: 'badge warn spof-new', style: 'display: block; white-space: nowrap;' }, t('spof.newSince', { when: formatDateTime(last!.at) })) : null) },
        { key: 'kind', label: t('spof.col.kind'), value: r => kindLabel(str(r.kind)) + (r.articulationPoint ? ` · ${t('spof.articulationShort')}` : '') },
        { key: 'organisation', label: t('org.label'), value: r => names(r.organisations ?? r.organisation).map(orgName).join(', ') },
        { key: 'critical', label: t('spof.col.critical'), value: critical, render: r => (before(r) === undefined ? formatNumber(critical(r)) : h('span', {}, formatNumber(critical(r)), ' ', h('small', { class: 'hint spof-was', title: t('spof.wasTitle', { when: formatDateTime(last!.before) }) }, `(${t('spof.was', { n: formatNumber(before(r)!) })})`))), numeric: true },
        { key: 'functions', label: t('spof.col.functions'), value: functions, render: r => formatNumber(functions(r)), numeric: true },
        { key: 'lost', label: t('spof.col.lost'), value: r => names(r.stoppingBusinessFunctions ?? r.lostBusinessFunctions).join(', ') },
        { key: 'direct', label: t('spof.col.direct'), value: direct, render: r => formatNumber(direct(r)), numeric: true },
        { key: 'total', label: t('spof.col.total'), value: total, render: r => formatNumber(total(r)), numeric: true },
      ],
    })),
    h('div', { class: 'split' },
      h('section', {}, h('h2', {}, `${t('spof.articulation')} (${formatNumber(points.length)})`),
        h('p', { class: 'hint' }, t('spof.articulationHint')),
        expandableList(points, p => {
          const uid = typeof p === 'string' ? p : rowUid(p as Row);
          return h('button', { type: 'button', class: 'link', 'data-uid': uid, onclick: () => show(uid) }, typeof p === 'string' ? p : withOrganisation(rowName(p as Row), (p as Row).organisation));
        }, { id: 'articulation-points', initial: 20 })),
      h('section', {}, h('h2', {}, `${t('spof.bridges')} (${formatNumber(bridges.length)})`),
        h('p', { class: 'hint' }, t('spof.bridgesHint')),
        expandableList(bridges, b => {
          const ends = Array.isArray(b) ? b.map(str) : [str(pick(b as Row, 'fromName', 'from', 'source')), str(pick(b as Row, 'toName', 'to', 'target'))];
          const first = Array.isArray(b) ? str(b[0]) : uids([pick(b as Row, 'from', 'source')])[0] ?? str(pick(b as Row, 'from', 'source'));
          return h('button', { type: 'button', class: 'link', onclick: () => show(first) }, withOrganisation(ends.join(' — '), Array.isArray(b) ? undefined : (b as Row).organisation));
        }, { id: 'bridges', initial: 20 }))),
  );
}

/**
 * What the organisation's last import changed in its top 10 of this ranking (GET /api/changes since the
 * import before, as Wijzigingen shows it): the places new in it, and those now hitting more critical
 * applications with how many they hit before. Null with several organisations, one import, or a
 * measurement before that kept no top 10.
 */
async function lastImportMoves(organisation: string | null): Promise<{ organisation: string; at: string; before: string; since: string; entered: Set<string>; rose: Map<string, number> } | null> {
  if (!organisation) return null;
  const series = (await getJson<{ series: { runId: string }[] }>('/api/trends', { organisation, limit: 2 }).catch(() => null))?.series;
  if (!series || series.length < 2) return null;
  const changes = await getJson<{ headlines: HeadlineChange[] }>('/api/changes', { since: series[0].runId, organisation, limit: 1, lang: language() }).catch(() => null);
  const change = changes?.headlines.find(entry => entry.organisation === organisation);
  if (!change?.ranking || !change.after || !change.before) return null;
  return {
    organisation,
    at: change.after.at,
    before: change.before.at,
    since: series[0].runId,
    entered: new Set(change.ranking.entered.map(point => point.uid)),
    rose: new Map(change.ranking.moved.filter(move => move.after > move.before).map(move => [move.uid, move.before])),
  };
}

/**
 * The answer before the ranking: the most vulnerable point in words (what fails, how much of it is
 * business-critical, which functions stop), the next two by name, and what the columns count.
 */
function answer(rows: Row[], several: boolean): HTMLElement {
  if (rows.length === 0) return h('section', { class: 'answer', id: 'spof-answer' }, h('p', { class: 'sentence' }, t('spof.answerNone')));
  const [top, ...rest] = rows;
  const total = num(pick(top, 'failedApplications', 'affected', 'total')) ?? 0;
  const direct = num(top.directlyFailedApplications) ?? total;
  // As the what-if page says it: what fails directly, what only misses data, and the functions that stop.
  const lost = names(top.stoppingBusinessFunctions ?? top.lostBusinessFunctions);
  const hit = names(top.lostBusinessFunctions).length > 0;
  const organisation = several ? `, ${names(top.organisations ?? top.organisation).map(orgName).join(', ')}` : '';
  return h('section', { class: 'answer', id: 'spof-answer' },
    h('p', { class: 'sentence' },
      t('spof.answer', { name: rowName(top), kind: kindLabel(str(top.kind)).toLowerCase(), organisation, total: tn('whatIf.applicationCount', total), critical: formatNumber(num(pick(top, 'failedCriticalApplications', 'criticalApplications')) ?? 0) }),
      direct < total ? ` ${tn('spof.answerDirect', direct, { total: formatNumber(total) })}; ${tn('spof.answerThrough', total - direct)}` : '',
      lost.length ? ` ${t('spof.answerFunctions', { functions: tn('whatIf.functionCount', lost.length), list: listWords(lost, language()) })}`
        // Functions that keep less support are the what-if's to name: one number here matched none there (a user check).
        : hit ? ` ${t('spof.answerNoStop')}` : '',
      // A name may end in a full stop itself (Plevier Software B.V.): one stop, not two.
      rest.length ? ` ${t('spof.answerNext', { next: listWords(rest.slice(0, 2).map(row => rowName(row)), language()) })}`.replace(/\.?$/, '.') : ''),
    h('p', { class: 'hint' }, t('spof.columnsHint'),
      // The table says "scharnierpunt" before the section below it explains the word (a user check).
      rows.some(row => row.articulationPoint) ? ` ${t('spof.articulationInKind', { hint: t('spof.articulationHint') })}` : ''));
}
