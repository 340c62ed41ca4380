// Single points of failure: the ranking by impact, articulation points and bridges; each links to the
// explorer, which shows the node and what fails with it.
import { organisationName } from '../../server/labels.js';
import { csvFor, download, runAnalysis } from './api.js';
import type { Context } from './context.js';
import { clear, fill, h, message, sortableTable } from './dom.js';
import { formatNumber, kindLabel, language, t } from './i18n.js';
import { names, num, pick, rowName, rowUid, str, uids } from './rows.js';
import type { Row } from './types.js';

export async function renderSpof(root: HTMLElement, ctx: Context): Promise<void> {
  const body = h('div', { class: 'dashboard' }, h('p', { role: 'status' }, t('common.loading')));
  root.append(h('h1', {}, t('spof.heading')),
    h('div', { class: 'toolbar' }, h('div', { class: 'buttons' },
      h('button', { type: 'button', onclick: () => void download('/api/analyses/single-points-of-failure', { organisation: ctx.organisations(), ...csvFor(language()) }, 'roer-kwetsbare-punten.csv') }, t('calendar.csv')),
      h('button', { type: 'button', onclick: () => void download('/api/analyses/single-points-of-failure', { organisation: ctx.organisations(), format: 'xlsx', lang: language() }, 'roer-kwetsbare-punten.xlsx') }, t('calendar.xlsx')))),
    body);
  let result;
  try {
    result = await runAnalysis('single-points-of-failure', { organisation: ctx.organisations() });
  } catch (error) {
    fill(body, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  const critical = (r: Row) => num(pick(r, 'failedCriticalApplications', 'criticalApplications'));
  const functions = (r: Row) => num(pick(r, 'failedBusinessFunctions', 'businessFunctions'));
  const total = (r: Row) => num(pick(r, 'failedApplications', 'affected', 'total'));
  const rows = result.rows.map((row, index) => ({ ...row, rank: num(row.rank) ?? index + 1 }));
  const show = (uid: string) => ctx.navigate('explorer', { focus: uid, impact: uid });
  const summary = (result.summary ?? {}) as Row;
  const points = (pick(summary, 'articulationPoints') ?? []) as unknown[];
  const bridges = (pick(summary, 'bridges') ?? []) as unknown[];

  fill(body, 
    h('section', {}, h('h2', {}, t('spof.ranking')), sortableTable<Row>({
      id: 'spof-table',
      caption: t('spof.ranking'),
          captionHidden: true,
      rows,
      sortKey: 'rank',
      descending: false,
      columns: [
        { key: 'rank', label: t('spof.col.rank'), value: r => num(r.rank), numeric: true },
        { key: 'name', label: t('spof.col.name'), value: r => rowName(r), render: r => h('button', { type: 'button', class: 'link', 'data-uid': rowUid(r), onclick: () => show(rowUid(r)) }, rowName(r)) },
        { key: 'kind', label: t('spof.col.kind'), value: r => kindLabel(str(r.kind)) + (r.articulationPoint ? ` · ${t('spof.articulationShort')}` : '') },
        { key: 'organisation', label: t('org.label'), value: r => names(r.organisations ?? r.organisation).map(id => organisationName(id)).join(', ') },
        { key: 'critical', label: t('spof.col.critical'), value: critical, render: r => formatNumber(critical(r)), numeric: true },
        { key: 'functions', label: t('spof.col.functions'), value: functions, render: r => formatNumber(functions(r)), numeric: true },
        { key: 'total', label: t('spof.col.total'), value: total, render: r => formatNumber(total(r)), numeric: true },
      ],
    })),
    h('div', { class: 'split' },
      h('section', {}, h('h2', {}, `${t('spof.articulation')} (${points.length})`),
        h('ul', { id: 'articulation-points' }, points.map(p => {
          const uid = typeof p === 'string' ? p : rowUid(p as Row);
          return h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => show(uid) }, typeof p === 'string' ? p : rowName(p as Row)));
        }))),
      h('section', {}, h('h2', {}, `${t('spof.bridges')} (${bridges.length})`),
        h('ul', { id: 'bridges' }, bridges.map(b => {
          const ends = Array.isArray(b) ? b.map(str) : [str(pick(b as Row, 'fromName', 'from', 'source')), str(pick(b as Row, 'toName', 'to', 'target'))];
          const first = Array.isArray(b) ? str(b[0]) : uids([pick(b as Row, 'from', 'source')])[0] ?? str(pick(b as Row, 'from', 'source'));
          return h('li', {}, h('button', { type: 'button', class: 'link', onclick: () => show(first) }, ends.join(' — ')));
        })))),
  );
}
