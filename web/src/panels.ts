// The side panel, for people: a node's name and kind, the actions it offers (only those that work for
// it: the server says which), its properties in words with formatted values, its contracts with notice
// deadlines, lock-in factors, and its relations grouped in words, each neighbour once. Plain DOM; the
// page that opens it passes in what the buttons do.
import { contractTitle } from '../../server/reports/contract-name.js';
import { columnName, propertyName, propertyValueName } from '../../server/labels.js';
import { applicationAlgorithms } from './algorithm-panel.js';
import { getNode } from './api.js';
import { conflictLines } from './conflict-line.js';
import { contractDates } from './contract-dates.js';
import { sourceName } from './data-quality-words.js';
import { claim, fill, h, message } from './dom.js';
import { errorText } from './errors.js';
import { critLabel, formatDate, formatMoney, formatNumber, kindLabel, language, t, tn, type MessageKey } from './i18n.js';
import { expandableList } from './lists.js';
import { lockInTable } from './lock-in-table.js';
import { relationGroups } from './neighbours.js';
import { orgName } from './organisations.js';
import { names, pick, rowUid, str } from './rows.js';
import type { Row } from './types.js';
import { dutchDay } from '../../server/format.js';

export type PanelActions = {
  /** Opens the node's dependency view (absent where the panel already belongs to it). */
  dependencies?: (uid: string) => void;
  whatIf: (uid: string) => void;
  expand: (uid: string) => void;
  focus: (uid: string) => void;
  report: (uid: string) => void;
  close: () => void;
};

/** Fetches a node's details and renders the panel; an error is shown in the panel. */
export async function openPanel(panel: HTMLElement, uid: string, actions: PanelActions): Promise<void> {
  const latest = claim(panel);
  fill(panel, h('p', { role: 'status' }, t('common.loading')));
  let detail: Row;
  try {
    detail = await getNode(uid);
  } catch (error) {
    if (latest()) fill(panel, closeOnly(actions), message(errorText(error), 'error'));
    return;
  }
  if (!latest()) return; // something else was asked for meanwhile
  renderPanel(panel, detail, actions);
}

const closeOnly = (actions: PanelActions) => h('div', { class: 'panel-head' }, h('span'), h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: actions.close }, '×'));

/** Renders the details of one node (GET /api/nodes/:uid) into `panel`. */
export function renderPanel(panel: HTMLElement, detail: Row, actions: PanelActions): void {
  const uid = str(detail.uid);
  const node = (detail.properties && typeof detail.properties === 'object' ? detail.properties : detail) as Row;
  const kind = str(detail.kind);
  const offers = (detail.offers ?? {}) as { whatIf?: boolean; report?: boolean };
  const contracts = (Array.isArray(detail.contracts) ? detail.contracts : []) as Row[];
  const lockIn = detail.lockIn as Row | undefined;
  const factors = (lockIn && Array.isArray(lockIn.factors) ? lockIn.factors : []) as Row[];
  // A contract is titled as the dependency view and the reports title it (its supplier and applications, the id after them).
  // Renewed by itself, its end date property is the one written in it: the panel's contract line has the current term's.
  const own = kind === 'Contract' ? contracts.find(contract => rowUid(contract) === uid) : undefined;
  const title = own ? contractTitle({ id: str(node.id) || str(node.name) || uid, suppliers: names(pick(own, 'suppliers', 'supplier')), applications: names(own.applications) }, language()) : str(node.name) || uid;
  const renewed = own?.renewed === true;
  const properties = propertyRows(node, renewed ? { end: columnName('contractEnd', language()) } : {});
  const groups = relationGroups(detail, language());
  const subtitle = [kindLabel(kind), node.criticality ? critLabel(node.criticality) : '', typeof node.organisation === 'string' ? orgName(node.organisation) : ''].filter(Boolean).join(' · ');

  fill(panel,
    h('div', { class: 'panel-head' },
      h('h2', { id: 'panel-title', tabindex: '-1' }, title),
      h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: actions.close }, '×')),
    h('p', { class: 'kind' }, subtitle),
    conflictLines(uid),
    h('div', { class: 'buttons' },
      actions.dependencies ? h('button', { type: 'button', id: 'to-dependencies', onclick: () => actions.dependencies!(uid) }, t('panel.dependencies')) : null,
      offers.whatIf ? h('button', { type: 'button', id: 'what-if', onclick: () => actions.whatIf(uid) }, t('panel.whatIf')) : null,
      h('button', { type: 'button', id: 'expand', onclick: () => actions.expand(uid) }, t('panel.expand')),
      offers.report ? h('button', { type: 'button', id: 'to-report', onclick: () => actions.report(uid) }, t('panel.report')) : null),
    properties.length ? section(t('panel.properties'), h('dl', { class: 'props', id: 'panel-properties' }, properties.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]))) : null,
    contracts.length || kind === 'Application' || kind === 'Supplier' ? section(t('panel.contracts'), contracts.length
      ? expandableList(contracts, contractItem, { id: 'panel-contracts', class: 'contracts', initial: 5, itemAttrs: contract => ({ 'data-uid': rowUid(contract) }) })
      : h('p', { id: 'panel-contracts', class: 'hint' }, t('common.none'))) : null,
    kind === 'Application' ? applicationAlgorithms(uid) : null,
    lockIn ? section(t('panel.lockin'),
      pick(lockIn, 'score') !== undefined ? h('p', {}, t('panel.lockinScore', { score: formatNumber(pick(lockIn, 'score'), 1) })) : null,
      ...(factors.length ? lockInTable(factors, pick(lockIn, 'score'), factorLabel, kind === 'Supplier') : [])) : null,
    groups.length ? section(t('panel.relations'), h('div', { id: 'panel-relations' }, groups.map(group => {
      // A group of one kind says it once, in its heading.
      const oneKind = group.rows.every(row => row.kind === group.rows[0].kind) ? group.rows[0].kindName : null;
      return h('section', { class: 'relation', 'data-key': group.key },
        h('h4', {}, `${group.title}${oneKind ? ` · ${oneKind}` : ''} (${formatNumber(group.rows.length)})`),
        expandableList(group.rows, row => {
          const notes = [oneKind ? '' : row.kindName, row.interfaces > 1 ? tn('panel.interfaceCount', row.interfaces) : row.interfaces === 0 && row.relationships > 1 ? t('panel.times', { n: row.relationships }) : ''].filter(Boolean);
          return [
            h('button', { type: 'button', class: 'link', 'data-uid': row.uid, onclick: () => actions.focus(row.uid) }, row.name),
            notes.length ? h('span', { class: 'hint' }, ` — ${notes.join(', ')}`) : '',
          ];
        }));
    }))) : null,
  );
  (panel.querySelector('#panel-title') as HTMLElement | null)?.focus({ preventScroll: true });
}

function contractItem(contract: Row): (Node | string)[] {
  const suppliers = names(pick(contract, 'suppliers', 'supplier'));
  return [
    h('strong', {}, str(pick(contract, 'name', 'id')) || rowUid(contract)),
    suppliers.length ? ` — ${suppliers.join(', ')}` : '',
    h('br'),
    ...contractDates({ end: str(contract.end), noticeDeadline: str(pick(contract, 'noticeDeadline')) || null, renewed: contract.renewed === true }, dutchDay()),
    typeof contract.annualValue === 'number' ? h('span', {}, ' · ', h('span', { class: 'nowrap' }, t('panel.perYear', { amount: formatMoney(contract.annualValue) }))) : '',
    names(contract.applications).length ? h('span', { class: 'hint' }, h('br'), names(contract.applications).join(', ')) : '',
  ];
}

// Shown elsewhere in the panel (title, subtitle) or bookkeeping.
// An ArchiMate import's properties as the model has them (archimateProperties, JSON): shown one by one below (modelPropertyRows).
const HIDDEN = new Set(['uid', 'name', 'kind', 'normalizedName', 'hash', 'runs', 'organisation', 'criticality', 'archimateProperties']);
const FIRST = ['personalData', 'type', 'jurisdiction', 'country', 'group', 'standard', 'openStandard', 'open', 'start', 'end', 'noticeMonths', 'autoRenew', 'annualValue', 'exitPlan', 'dataPortability', 'id'];

/**
 * Properties as [name in words, value for people]: ja/nee, € amounts, dd-mm-jjjj dates, coded values in words.
 * `namedAs`: a property's name where it is not the usual one (a renewed contract's `end`: "Einddatum volgens contract").
 */
export function propertyRows(properties: Row, namedAs: Record<string, string> = {}): [string, string][] {
  const nameOf = (key: string) => namedAs[key] ?? propertyName(key, language());
  const rank = (key: string) => (FIRST.includes(key) ? FIRST.indexOf(key) : key === 'sources' ? FIRST.length + 2 : FIRST.length + 1);
  return Object.entries(properties)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== null && value !== undefined && value !== '' && (typeof value !== 'object' || Array.isArray(value)))
    .sort(([a], [b]) => rank(a) - rank(b) || nameOf(a).localeCompare(nameOf(b), 'nl'))
    .map(([key, value]) => [nameOf(key), propertyValue(key, value)] as [string, string])
    .concat(modelPropertyRows(properties));
}

/**
 * The properties an ArchiMate model gave the element, by their own names, less those Roer took as a
 * property of its own ("type: cloud", "jurisdictie: EU"): those are shown above in words ("Soort: IaaS
 * (cloudservers)"), not as the model's codes. A model property is Roer's when it has that property's
 * key or its name in either language.
 */
function modelPropertyRows(properties: Row): [string, string][] {
  let model: { key?: unknown; value?: unknown }[];
  try {
    model = typeof properties.archimateProperties === 'string' ? JSON.parse(properties.archimateProperties) : [];
  } catch {
    return [];
  }
  const roer = new Set(Object.keys(properties).flatMap(key => [key, propertyName(key, 'nl'), propertyName(key, 'en')]).map(name => name.toLowerCase()));
  return (Array.isArray(model) ? model : [])
    .filter(p => typeof p?.key === 'string' && typeof p.value === 'string' && p.value.trim() !== '' && !roer.has(p.key.trim().toLowerCase()))
    .map(p => [String(p.key), String(p.value)]);
}

function propertyValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.map(item => propertyValue(key, item)).join(', ');
  if (key === 'sources' && typeof value === 'string') return sourceName(value);
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (key === 'annualValue' && typeof value === 'number') return formatMoney(value);
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  return propertyValueName(key, value, language());
}

const FACTOR_KEYS = new Set(['closedInterfaces', 'noExitPlan', 'noDataPortability', 'remainingContractYears', 'autoRenewed', 'supplierHosts', 'dependants', 'fewSubstitutes', 'outsideEu']);
function factorLabel(factor: string): string {
  return FACTOR_KEYS.has(factor) ? t(`factor.${factor}` as MessageKey) : factor;
}


function section(title: string, ...content: (Node | null)[]): HTMLElement | null {
  if (content.every(c => !c)) return null;
  return h('section', {}, h('h3', {}, title), content);
}
