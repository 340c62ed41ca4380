// The side panel: a node's properties, contracts (with notice deadline), lock-in factors, suppliers and
// neighbours, and the actions on it. Plain DOM; the explorer passes in what the buttons do.
import { getNode } from './api.js';
import { clear, fill, h, message } from './dom.js';
import { propertyName, YES_NO } from '../../server/labels.js';
import { critLabel, formatDate, formatMoney, formatNumber, kindLabel, language, t, type MessageKey } from './i18n.js';
import { names, pick, rowName, rowUid, scalarEntries, str } from './rows.js';
import type { Row } from './types.js';

export type PanelActions = {
  whatIf: (uid: string) => void;
  expand: (uid: string) => void;
  focus: (uid: string) => void;
  report: (uid: string) => void;
  close: () => void;
};

let request = 0;

export async function openPanel(panel: HTMLElement, uid: string, actions: PanelActions): Promise<void> {
  const mine = ++request;
  fill(panel, h('p', { role: 'status' }, t('common.loading')));
  let detail: Row;
  try {
    detail = await getNode(uid);
  } catch (error) {
    if (mine === request) fill(panel, message(t('common.error', { message: (error as Error).message }), 'error'));
    return;
  }
  if (mine !== request) return; // another node was clicked meanwhile
  const node = (detail.properties && typeof detail.properties === 'object' ? detail.properties : detail) as Row;
  const kind = str(pick(detail, 'kind') ?? pick(node, 'kind'));
  const contracts = (Array.isArray(detail.contracts) ? detail.contracts : []) as Row[];
  const neighbours = neighbourList(detail);
  const suppliers = neighbours.filter(n => n.kind === 'Supplier' && n.direction === 'in');
  const lockIn = (detail.lockIn ?? detail.lockin) as Row | undefined;
  const factors = (lockIn && Array.isArray(lockIn.factors) ? lockIn.factors : Array.isArray(detail.factors) ? detail.factors : []) as Row[];

  const properties = scalarEntries(node, ['uid', 'sources', 'kind', 'name', 'normalizedName']);
  fill(panel, 
    h('div', { class: 'panel-head' },
      h('h2', { id: 'panel-title', tabindex: '-1' }, rowName(node)),
      h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: actions.close }, '×')),
    h('p', { class: 'kind' }, kindLabel(kind), node.criticality ? ` · ${critLabel(node.criticality)}` : '', h('code', {}, ` ${uid}`)),
    h('div', { class: 'buttons' },
      h('button', { type: 'button', id: 'what-if', onclick: () => actions.whatIf(uid) }, t('panel.whatIf')),
      h('button', { type: 'button', id: 'expand', onclick: () => actions.expand(uid) }, t('panel.expand')),
      h('button', { type: 'button', id: 'to-report', onclick: () => actions.report(uid) }, t('panel.report'))),
    section(t('panel.properties'), properties.length ? h('dl', { class: 'props' }, properties.flatMap(([key, value]) => [h('dt', { 'data-key': key }, propertyName(key, language())), h('dd', {}, propertyValue(key, value))])) : null),
    section(t('panel.contracts'), contracts.length ? h('ul', { id: 'panel-contracts', class: 'contracts' }, contracts.map(contract => {
      const notice = pick(contract, 'noticeDeadline', 'notice', 'noticeDate');
      const overdue = contract.noticeDeadlinePassed === true || (typeof notice === 'string' && notice < new Date().toISOString().slice(0, 10));
      return h('li', { class: overdue ? 'overdue' : undefined, 'data-uid': rowUid(contract) },
        h('strong', {}, str(pick(contract, 'id', 'name')) || rowUid(contract)),
        pick(contract, 'suppliers', 'supplier') ? ` — ${names(pick(contract, 'suppliers', 'supplier')).join(', ')}` : '',
        names(contract.applications).length ? h('span', { class: 'hint' }, ` (${names(contract.applications).join(', ')})`) : '',
        h('br'),
        notice ? h('span', { class: 'notice' }, t('panel.notice', { date: formatDate(notice) })) : '',
        notice ? ' · ' : '',
        t('panel.ends', { date: formatDate(contract.end) }),
        contract.annualValue !== undefined ? ` · ${formatMoney(contract.annualValue)}` : '',
        overdue ? h('span', { class: 'badge warn' }, ` ${t('calendar.overdue')}`) : '');
    })) : h('p', { id: 'panel-contracts', class: 'hint' }, t('common.none'))),
    lockIn || factors.length ? section(t('panel.lockin'),
      lockIn && pick(lockIn, 'score') !== undefined ? h('p', {}, t('panel.lockinScore', { score: formatNumber(pick(lockIn, 'score'), 0) })) : null,
      factors.length ? h('table', { class: 'data compact' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('panel.factor')), h('th', { scope: 'col', class: 'num' }, t('panel.value')), h('th', { scope: 'col', class: 'num' }, t('panel.weight')), h('th', { scope: 'col', class: 'num' }, t('panel.contribution')))),
        h('tbody', {}, factors.map(f => h('tr', {}, h('td', {}, factorLabel(str(pick(f, 'label', 'name', 'factor')))), h('td', { class: 'num' }, formatValue(pick(f, 'raw', 'value'))), h('td', { class: 'num' }, formatValue(pick(f, 'weight'))), h('td', { class: 'num' }, formatValue(pick(f, 'contribution'))))))) : null) : null,
    suppliers.length ? section(t('panel.suppliers'), h('ul', {}, suppliers.map(s => h('li', {}, link(s, actions))))) : null,
    neighbours.length ? section(t('panel.neighbours'), h('ul', { class: 'neighbours' }, neighbours.slice(0, 200).map(n => h('li', {},
      h('span', { class: 'rel' }, `${str(pick(n, 'type', 'relationship'))} ${pick(n, 'direction') === 'in' ? '←' : '→'} `), link(n, actions), h('span', { class: 'hint' }, ` (${kindLabel(str(pick(n, 'kind')))})`))))) : null,
  );
  (panel.querySelector('#panel-title') as HTMLElement | null)?.focus({ preventScroll: true });
}

const DATE_PROPERTIES = new Set(['start', 'end', 'useStart', 'useEnd']);
/** A property's value as people read it: criticality and yes/no in words, dates as 31-03-2027. */
function propertyValue(key: string, value: string): string {
  if (key === 'criticality') return critLabel(value);
  if (value === 'true' || value === 'false') return YES_NO[value === 'true' ? 'yes' : 'no'][language()];
  return DATE_PROPERTIES.has(key) ? formatDate(value) : value;
}

/** The API's neighbours come grouped per relationship ('SUPPLIES>' outgoing, '<USES' incoming). */
export function neighbourList(detail: Row): (Row & { type: string; direction: 'in' | 'out'; kind: string })[] {
  const raw = detail.neighbours;
  if (Array.isArray(raw)) return raw.map(n => ({ ...(n as Row), type: str((n as Row).type), direction: (n as Row).direction === 'in' ? 'in' : 'out', kind: str((n as Row).kind) }));
  if (!raw || typeof raw !== 'object') return [];
  return Object.entries(raw as Record<string, Row[]>).flatMap(([key, list]) => {
    const incoming = key.startsWith('<');
    const type = key.replace(/[<>]/g, '');
    return list.map(n => ({ ...n, type, direction: incoming ? 'in' as const : 'out' as const, kind: str(n.kind) }));
  });
}

const FACTOR_KEYS = new Set(['closedInterfaces', 'noExitPlan', 'noDataPortability', 'remainingContractYears', 'autoRenewed', 'supplierHosts', 'dependants', 'fewSubstitutes', 'outsideEu']);
function factorLabel(factor: string): string {
  return FACTOR_KEYS.has(factor) ? t(`factor.${factor}` as MessageKey) : factor;
}

const formatValue = (value: unknown) => (typeof value === 'number' ? formatNumber(value, 2) : typeof value === 'boolean' ? t(value ? 'common.yes' : 'common.no') : str(value));

function link(row: Row, actions: PanelActions): HTMLElement {
  const uid = rowUid(row);
  return h('button', { type: 'button', class: 'link', onclick: () => actions.focus(uid) }, rowName(row));
}

function section(title: string, ...content: (Node | null)[]): HTMLElement | null {
  if (content.every(c => !c)) return null;
  return h('section', {}, h('h3', {}, title), content);
}
