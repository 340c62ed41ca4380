// "What if this fails?" as a business answer (STYLE.md §3, the answer first): what fails directly (runs
// on, comes from or is hosted by what fails) apart from what only misses data through interfaces, the
// most critical named, then the business functions that stop; the few figures a person acts on, then
// the evidence: functions per organisation (stopped or weakened), critical applications down,
// organisations, contracts with their notice deadlines, broken interfaces, and what fails step by step.
// Every list is complete ("Toon alle").
// Renders into the container it is given; the explorer marks the same answer in the graph (onAnswer).
import type { ImpactRow, ImpactSummary } from '../../server/analyses/impact.js';
import { missingDataClause, stoppingAlgorithms, stoppingClause } from './algorithm-panel.js';
import { runAnalysis } from './api.js';
import { claim, fill, h, message } from './dom.js';
import { errorText } from './errors.js';
import { critLabel, formatDate, formatMoney, formatNumber, kindLabel, language, t, tn, type MessageKey } from './i18n.js';
import { expandableList } from './lists.js';
import { contractTitle } from '../../server/reports/contract-name.js';
import { contractDates } from './contract-dates.js';
import { dutchDay } from '../../server/format.js';

export type ImpactAnswer = { rows: ImpactRow[]; summary: ImpactSummary };

export type WhatIfOptions = {
  organisations: string[];
  /** Follow dependencies at most this many steps; absent = to the end. */
  maxHops?: number;
  /** The answer arrived: the explorer marks it in the graph. */
  onAnswer?: (answer: ImpactAnswer) => void;
  /** Back to the node's details (offered when given). */
  onBack?: () => void;
  onClose?: () => void;
  /** Escape: close only the answer (back to what was under it); else as onClose. */
  onEscape?: () => void;
  /** Show a node in the graph (names become buttons when given). */
  focus?: (uid: string) => void;
  /** Mark the answer in the network view (offered when given). */
  inGraph?: () => void;
};

const HOP_CHOICES = [1, 2, 3, 5, 10];

/** Asks the impact analysis about `uid` and renders the answer into `container`. */
export async function showWhatIf(container: HTMLElement, uid: string, options: WhatIfOptions): Promise<ImpactAnswer | null> {
  const latest = claim(container);
  // Escape closes the answer, as the × does (a property, so asking again does not add a second listener).
  container.onkeydown = event => {
    const close = options.onEscape ?? options.onClose;
    if (event.key === 'Escape' && close) {
      event.preventDefault();
      event.stopPropagation(); // only the top-most: the answer, not the panel under it
      close();
    }
  };
  fill(container, head(uid, null, options), h('p', { role: 'status', class: 'status' }, t('whatIf.loading')));
  let answer: ImpactAnswer;
  try {
    answer = (await runAnalysis('impact', { node: uid, organisation: options.organisations, maxHops: options.maxHops })) as unknown as ImpactAnswer;
  } catch (error) {
    if (latest()) fill(container, head(uid, null, options), message(errorText(error), 'error'));
    return null;
  }
  if (!latest()) return null; // something else was asked for meanwhile
  fill(container, renderAnswer(answer, options, maxHops => void showWhatIf(container, uid, { ...options, maxHops })));
  container.querySelector<HTMLElement>('#what-if-title')?.focus({ preventScroll: true });
  options.onAnswer?.(answer);
  return answer;
}

function head(uid: string, name: string | null, options: WhatIfOptions): HTMLElement {
  return h('div', { class: 'what-if-head' },
    h('div', { class: 'panel-head' },
      h('h2', { id: 'what-if-title', tabindex: '-1' }, t('whatIf.heading', { name: name ?? uid })),
      options.onClose ? h('button', { type: 'button', class: 'icon', 'aria-label': t('common.close'), onclick: options.onClose }, '×') : null),
    options.onBack ? h('button', { type: 'button', class: 'link', id: 'what-if-back', onclick: options.onBack }, `← ${t('whatIf.back')}`) : null,
    options.inGraph ? h('button', { type: 'button', class: 'link', id: 'what-if-in-graph', onclick: options.inGraph }, t('whatIf.inGraph')) : null);
}

/** The whole answer; `ask` asks again with another maxHops (undefined = to the end). */
export function renderAnswer(answer: ImpactAnswer, options: WhatIfOptions, ask: (maxHops: number | undefined) => void): HTMLElement {
  const { rows, summary } = answer;
  const name = summary.node.name;
  const several = summary.organisations.length > 1;
  const hopsSelect = h('select', { id: 'what-if-hops', onchange: (e: Event) => ask(Number((e.target as HTMLSelectElement).value) || undefined) },
    h('option', { value: '', selected: summary.maxHops === null }, t('whatIf.maxHops.all')),
    HOP_CHOICES.map(n => h('option', { value: n, selected: summary.maxHops === n }, t('whatIf.maxHops.upTo', { hops: tn('whatIf.hops', n) }))));
  return h('article', { class: 'what-if', id: 'what-if', 'aria-labelledby': 'what-if-title' },
    head(summary.node.uid, name, options),
    h('p', { class: 'answer', id: 'what-if-answer' }, answerSentence(answer), stoppingClause(summary.algorithmsStopping), missingDataClause(summary.algorithmsMissingData)),
    summary.cut ? h('div', { class: 'cut', id: 'what-if-cut', role: 'note' },
      h('p', {}, t('whatIf.cut', { hops: tn('whatIf.hops', summary.cut.maxHops ?? 0), shown: summary.cut.shown, total: summary.cut.total })),
      h('button', { type: 'button', id: 'what-if-all', onclick: () => ask(undefined) }, t('whatIf.cutShowAll'))) : null,
    figures(answer),
    h('div', { class: 'field inline' }, h('label', { for: 'what-if-hops' }, t('whatIf.maxHops')), hopsSelect),
    options.onAnswer ? h('p', { class: 'hint' }, t('whatIf.graphNote')) : null,
    functionsSection(summary, several),
    stoppingAlgorithms(summary.algorithmsStopping, summary.algorithmsMissingData, several),
    criticalSection(answer, several, options),
    several ? organisationsSection(summary) : null,
    contractsSection(summary, several),
    interfacesSection(summary, several),
    ringsSection(answer, several, options));
}

/**
 * The answer first: what fails directly and what only misses data through interfaces (a user read the
 * whole chain as one number and stopped trusting it), each with its most critical applications named;
 * then which business functions stop, else which keep less support.
 */
export function answerSentence(answer: ImpactAnswer): string {
  const { summary } = answer;
  const name = summary.node.name;
  const hit = hitSentences(answer);
  // A function stops only through what fails directly; one whose applications only miss data is said apart.
  const lost = summary.businessFunctions.filter(fn => fn.effect === 'stops');
  const weakened = summary.businessFunctions.filter(fn => fn.effect === 'weakened');
  const missingData = new Set(summary.businessFunctions.filter(fn => fn.effect === 'missesData').map(fn => `${fn.organisation} ${fn.uid}`)).size;
  const data = missingData ? [tn('whatIf.dataFunctions', missingData, { functions: tn('whatIf.functionCount', missingData) })] : [];
  if (hit.length === 0) {
    // Nothing else fails: an application that fails alone, or something nothing depends on.
    if (lost.length > 0) return functionsLostSentence(lost, name, 'whatIf.answer');
    if (weakened.length > 0) return functionsWeakenedSentence(weakened, name, 'whatIf.answer');
    return t('whatIf.answer.nothing', { name });
  }
  const then = lost.length > 0 ? functionsLostSentence(lost, name, 'whatIf.then')
    : weakened.length > 0 ? functionsWeakenedSentence(weakened, name, 'whatIf.then')
    : data.length ? null // the sentence on missing data says it: nothing stops
    : t('whatIf.then.none');
  return [...hit, ...(then ? [then] : []), ...data].join(' ');
}

function functionsLostSentence(lost: ImpactSummary['businessFunctions'], name: string, prefix: 'whatIf.answer' | 'whatIf.then'): string {
  const organisations = new Set(lost.map(fn => fn.organisation)).size;
  const functions = tn('whatIf.functionCount', lost.length);
  if (organisations === 1) return tn(`${prefix}.lost`, lost.length, { name, functions, list: nameList(lost.map(fn => fn.name)) });
  return tn(`${prefix}.lostAt`, lost.length, { name, functions, organisations: tn('whatIf.organisationCount', organisations) });
}

function functionsWeakenedSentence(weakened: ImpactSummary['businessFunctions'], name: string, prefix: 'whatIf.answer' | 'whatIf.then'): string {
  const distinct = new Set(weakened.map(fn => fn.name)).size;
  return tn(`${prefix}.weakened`, distinct, { name, functions: tn('whatIf.functionCount', distinct), list: nameList(weakened.map(fn => fn.name)) });
}

/** How many fail directly and how many miss data through interfaces, in words; none when nothing else fails. */
function hitSentences({ rows, summary }: ImpactAnswer): string[] {
  const { node } = summary;
  const { direct, through, platforms } = hitRows(rows);
  if (node.kind === 'Application') {
    // The application itself is what fails directly; everything else gets data from it.
    return through.length ? [tn('whatIf.hit.Application', through.length, { name: node.name, what: tn('whatIf.otherApplicationCount', through.length), critical: criticalClause(through) })] : [];
  }
  const sentences: string[] = [];
  if (direct.length + platforms > 0) {
    const kind = node.kind === 'Platform' ? 'Platform' : node.kind === 'SupplierGroup' ? 'SupplierGroup' : 'Supplier';
    sentences.push(tn(`whatIf.hit.${kind}`, direct.length + platforms, { name: node.name, what: directInWords(direct.length, platforms), critical: criticalClause(direct) }));
  }
  if (through.length) sentences.push(tn('whatIf.hit.interfaces', through.length, { what: tn('whatIf.applicationCount', through.length), critical: criticalClause(through) }));
  return sentences;
}

/** The applications that fail directly and through interfaces, and how many other nodes (platforms) fail. */
function hitRows(rows: ImpactRow[]): { direct: ImpactRow[]; through: ImpactRow[]; platforms: number } {
  const applications = rows.filter(row => row.kind === 'Application');
  return { direct: applications.filter(row => row.direct), through: applications.filter(row => !row.direct), platforms: rows.length - applications.length };
}

/**
 * What fails directly ("84 applicaties en 1 platform", "Berichtenbus zelf") and what misses data through
 * interfaces ("268 applicaties"), as the answer says them: the graph's caption counts in the same words.
 */
export function hitInWords({ rows, summary }: ImpactAnswer): { direct: string; through: string } {
  const { direct, through, platforms } = hitRows(rows);
  return {
    direct: summary.node.kind === 'Application' ? t('whatIf.self', { name: summary.node.name }) : directInWords(direct.length, platforms),
    through: tn('whatIf.applicationCount', through.length),
  };
}

/** "84 applicaties en 1 platform"; "1 platform" without applications. */
const directInWords = (applications: number, platforms: number) =>
  listFormat([applications || !platforms ? tn('whatIf.applicationCount', applications) : null, platforms ? tn('whatIf.platformCount', platforms) : null].filter((x): x is string => x !== null));

const CRITICALITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
/** The most critical first (criticality, then the nearest, then by name). */
const byCriticality = (a: ImpactRow, b: ImpactRow) => (CRITICALITY_RANK[a.criticality ?? ''] ?? 4) - (CRITICALITY_RANK[b.criticality ?? ''] ?? 4) || a.hops - b.hops || a.name.localeCompare(b.name, 'nl');

/** ", waaronder de bedrijfskritische A, B en C": the three most critical ("namelijk" when they are all); empty when none is. */
function criticalClause(rows: ImpactRow[]): string {
  const critical = rows.filter(row => row.critical).sort(byCriticality);
  const names = [...new Set(critical.map(row => row.name))].slice(0, 3);
  if (names.length === 0) return '';
  return t(names.length === rows.length ? 'whatIf.hit.criticalAll' : 'whatIf.hit.critical', { list: listFormat(names) });
}

/** "A, B en C"; beyond `max` names: "A, B, C, D, E en 3 andere". Distinct names, alphabetical. */
function nameList(names: string[], max = 5): string {
  const distinct = [...new Set(names)].sort((a, b) => a.localeCompare(b, 'nl'));
  // "and 1 other" says less than the name itself.
  const shown = distinct.length > max + 1 ? [...distinct.slice(0, max), t('whatIf.more', { n: formatNumber(distinct.length - max) })] : distinct;
  return listFormat(shown);
}

const listFormat = (items: string[]) => new Intl.ListFormat(language() === 'nl' ? 'nl-NL' : 'en-GB', { type: 'conjunction' }).format(items);

function figures({ summary }: ImpactAnswer): HTMLElement {
  const { totals } = summary;
  const today = dutchDay();
  const direct = summary.contracts.filter(c => c.hit !== 'missesData');
  const nextNotice = direct.map(c => c.noticeDeadline).filter(date => date && date >= today).sort()[0];
  // Past their notice deadline and still running: they renew; "eerstvolgende … 18-01-2027" alone hid six of them.
  const late = direct.filter(c => c.noticeDeadline && c.noticeDeadline < today && c.end >= today).length;
  const noticeWords = [late ? tn('whatIf.fig.noticePassed', late) : null, nextNotice ? t('whatIf.fig.nextNotice', { date: formatDate(nextNotice) }) : null].filter(Boolean).join('; ');
  const contractsThrough = totals.contracts - totals.contractsDirect;
  const self = summary.node.kind === 'Application';
  const figure = (id: string, phrase: string, note: string) => h('li', { id }, h('strong', {}, phrase), ' ', note);
  return h('section', { 'aria-label': t('whatIf.figures') }, h('ul', { class: 'figures', id: 'what-if-figures' },
    // Split as the answer is: stopped and weakened through what fails directly, apart from missing data.
    figure('fig-lost', tn('whatIf.functionCount', totals.businessFunctionsStopping), t('whatIf.fig.lost')),
    // "0 bedrijfsfuncties verzwakt" says nothing: only when there are some.
    totals.businessFunctionsWeakenedDirectly ? figure('fig-weakened', tn('whatIf.functionCount', totals.businessFunctionsWeakenedDirectly), t('whatIf.fig.weakened')) : null,
    totals.businessFunctionsMissingData ? figure('fig-functions-data', tn('whatIf.functionCount', totals.businessFunctionsMissingData), tn('whatIf.fig.functionsData', totals.businessFunctionsMissingData)) : null,
    // Of an application, what fails directly is the application itself: no "waarvan" for one of one.
    figure('fig-direct', tn('whatIf.applicationCount', totals.applicationsDirect),
      self ? t('whatIf.fig.directSelf', { name: summary.node.name }) : `${t('whatIf.fig.direct')}, ${t('whatIf.fig.critical', { n: formatNumber(totals.criticalApplicationsDirect) })}`),
    totals.applicationsThroughInterfaces ? figure('fig-through', tn('whatIf.applicationCount', totals.applicationsThroughInterfaces),
      `${t('whatIf.fig.through')}, ${t('whatIf.fig.critical', { n: formatNumber(totals.criticalApplications - totals.criticalApplicationsDirect) })}`) : null,
    totals.platforms ? figure('fig-platforms', tn('whatIf.platformCount', totals.platforms), t('whatIf.fig.platforms')) : null,
    figure('fig-organisations', tn('whatIf.organisationCount', totals.organisations), `${t('whatIf.fig.organisations')}${summary.organisations.length ? `: ${listFormat(summary.organisations.map(o => o.name))}` : ''}`),
    figure('fig-contracts', tn('whatIf.fig.contracts', totals.contractsDirect),
      // Split: "52 contracten van wat direct uitvalt; eerstvolgende uiterste opzegdatum …".
      [contractsThrough ? t('whatIf.fig.contractsDirect') : t('whatIf.fig.contractsInvolved'), noticeWords].filter(Boolean).join('; ')),
    contractsThrough ? figure('fig-contracts-through', tn('whatIf.fig.contracts', contractsThrough), t('whatIf.fig.contractsThrough')) : null,
    figure('fig-interfaces', tn('whatIf.fig.interfaces', totals.interfacesBroken), t('whatIf.fig.interfacesNote')),
    totals.interfacesWithoutData ? figure('fig-interfaces-data', tn('whatIf.fig.interfaces', totals.interfacesWithoutData), tn('whatIf.fig.interfacesData', totals.interfacesWithoutData)) : null));
}

function functionsSection(summary: ImpactSummary, several: boolean): HTMLElement | null {
  if (summary.businessFunctions.length === 0) return null;
  type Fn = ImpactSummary['businessFunctions'][number];
  // "2 van 3 applicaties direct uit, 1 mist gegevens"; of a function only missing data: "3 van 5 applicaties missen gegevens".
  const support = (fn: Fn) => {
    const data = fn.affectedApplications - fn.directApplications;
    const misses = (n: number) => tn('whatIf.functionMisses', n);
    if (fn.directApplications === 0) return `${tn('whatIf.functionOf', fn.supportingApplications, { down: data, all: fn.supportingApplications })} ${misses(data)}`;
    const down = `${tn('whatIf.functionOf', fn.supportingApplications, { down: fn.directApplications, all: fn.supportingApplications })} ${t('whatIf.functionDown')}`;
    return data ? `${down}, ${formatNumber(data)} ${misses(data)}` : down;
  };
  const item = (fn: Fn) => [h('strong', {}, fn.name), h('span', { class: 'hint' }, ` — ${support(fn)}`)];
  const lists = (functions: Fn[], prefix: string) => {
    const lost = functions.filter(fn => fn.effect === 'stops');
    const weakened = functions.filter(fn => fn.effect === 'weakened');
    const data = functions.filter(fn => fn.effect === 'missesData');
    return [
      ...(lost.length ? [h('h4', {}, t('whatIf.functionsLost', { n: formatNumber(lost.length) })), expandableList(lost, item, { id: `${prefix}functions-lost`, class: 'lost' })] : []),
      ...(weakened.length ? [h('h4', {}, t('whatIf.functionsWeakened', { n: formatNumber(weakened.length) })), expandableList(weakened, item, { id: `${prefix}functions-weakened`, initial: 5 })] : []),
      ...(data.length ? [h('h4', {}, t('whatIf.functionsData', { n: formatNumber(data.length) })), expandableList(data, item, { id: `${prefix}functions-data`, initial: 5 })] : []),
    ];
  };
  if (!several) return h('section', { id: 'what-if-functions' }, h('h3', {}, t('whatIf.functions')), lists(summary.businessFunctions, ''));
  return h('section', { id: 'what-if-functions' }, h('h3', {}, t('whatIf.functions')),
    summary.organisations.filter(o => o.businessFunctionsStopping + o.businessFunctionsWeakenedDirectly + o.businessFunctionsMissingData > 0).map((o, index) =>
      h('section', { class: 'organisation' }, h('h4', { class: 'organisation-name' }, o.name), lists(summary.businessFunctions.filter(fn => fn.organisation === o.organisation), `org${index}-`))));
}

function nodeName(row: { uid: string; name: string }, options: WhatIfOptions): Node | string {
  return options.focus ? h('button', { type: 'button', class: 'link', 'data-uid': row.uid, onclick: () => options.focus!(row.uid) }, row.name) : row.name;
}

/** "direct: draait op Grutto Software Cloud" (why, not how many steps), or "mist gegevens via koppeling". */
const howHit = (row: ImpactRow) => row.direct
  ? (row.directBecause ? t(`whatIf.because.${row.directBecause.relation}`, { name: row.directBecause.name }) : t('whatIf.how.direct'))
  : t('whatIf.how.through');

/** Of a row missing data: the steps and the path its data comes along (a direct row says why instead). */
const throughPath = (row: ImpactRow) => row.direct ? ''
  : `, ${tn('whatIf.hops', row.hops)}${row.pathNames.length > 2 ? `, ${t('whatIf.via', { path: row.pathNames.slice(1, -1).join(' → ') })}` : ''}`;

function criticalSection(answer: ImpactAnswer, several: boolean, options: WhatIfOptions): HTMLElement | null {
  const { rows, summary } = answer;
  // Direct first, the most critical first: the order of the answer's sentences.
  const critical = rows.filter(row => row.critical).sort((a, b) => Number(b.direct) - Number(a.direct) || byCriticality(a, b));
  // The totals count the failing application itself; so does this list, first.
  const itself = summary.totals.criticalApplications > critical.length;
  const count = critical.length + (itself ? 1 : 0);
  if (count === 0) return null;
  return h('section', { id: 'what-if-critical' }, h('h3', {}, t('whatIf.critical', { n: formatNumber(count) })),
    itself ? h('p', { class: 'itself' }, h('strong', {}, summary.node.name), h('span', { class: 'hint' }, ` — ${t('whatIf.itself')}`)) : null,
    expandableList(critical, row => [
      nodeName(row, options),
      h('span', { class: 'hint' }, ` — ${critLabel(row.criticality)}${several && row.organisationName ? `, ${row.organisationName}` : ''}, ${howHit(row)}${throughPath(row)}`),
    ], { id: 'what-if-critical-list', itemAttrs: row => ({ 'data-uid': row.uid }) }));
}

function organisationsSection(summary: ImpactSummary): HTMLElement {
  return h('section', { id: 'what-if-organisations' }, h('h3', {}, t('whatIf.organisations', { n: formatNumber(summary.organisations.length) })),
    expandableList(summary.organisations, o => [h('strong', {}, o.name), h('span', { class: 'hint' }, ` — ${t('whatIf.orgLineSplit', {
      direct: tn('whatIf.applicationCount', o.applicationsDirect), through: formatNumber(o.applications - o.applicationsDirect), critical: formatNumber(o.criticalApplications),
      stopped: formatNumber(o.businessFunctionsStopping), weakened: formatNumber(o.businessFunctionsWeakenedDirectly), data: formatNumber(o.businessFunctionsMissingData),
    })}`)]));
}

type Contract = ImpactSummary['contracts'][number];
/**
 * The date a buyer acts by, as the contract calendar orders them: a notice deadline still ahead, the
 * renewal of a contract past its notice deadline, the end of one that does not renew; ended ones last.
 */
const dueDate = (c: Contract, today: string) => (c.noticeDeadline && c.noticeDeadline >= today ? c.noticeDeadline : c.end);
const ended = (c: Contract, today: string) => Number(c.end < today);

function contractsSection(summary: ImpactSummary, several: boolean): HTMLElement | null {
  if (summary.contracts.length === 0) return null;
  const today = dutchDay();
  // The failing subject's own contracts first, then those of what fails directly; what only misses data apart.
  const HIT = { own: 0, direct: 1, missesData: 2 };
  const contracts = [...summary.contracts].sort((a, b) => HIT[a.hit] - HIT[b.hit] || ended(a, today) - ended(b, today) || dueDate(a, today).localeCompare(dueDate(b, today)) || a.uid.localeCompare(b.uid));
  const direct = contracts.filter(c => c.hit !== 'missesData');
  const through = contracts.filter(c => c.hit === 'missesData');
  // Named as the calendar and the report name a contract: its supplier and applications, the id after them.
  // A supplier's own contracts leave its name out (every row would repeat it).
  const ofSupplier = summary.node.kind === 'Supplier' ? summary.node.name : undefined;
  const item = (c: Contract) => [
    h('strong', {}, contractTitle({ id: c.name, suppliers: c.supplierName ? [c.supplierName] : [], applications: c.affectedApplicationNames }, language(), ofSupplier)),
    several ? h('span', { class: 'hint' }, ` (${c.organisationName})`) : '', h('br'),
    ...contractDates(c, today),
    ' · ', h('span', { class: 'nowrap' }, t('panel.perYear', { amount: formatMoney(c.annualValue) })),
  ];
  return h('section', { id: 'what-if-contracts' },
    direct.length ? [h('h3', {}, t('whatIf.contractsDirect', { n: formatNumber(direct.length) })), h('p', { class: 'hint' }, t('whatIf.contractsDirectHint', { name: summary.node.name })),
      expandableList(direct, item, { id: 'what-if-contract-list', initial: 5, itemAttrs: c => ({ 'data-uid': c.uid, 'data-hit': c.hit }) })] : null,
    through.length ? [h('h3', {}, t('whatIf.contractsThrough', { n: formatNumber(through.length) })),
      expandableList(through, item, { id: 'what-if-contract-through-list', initial: 3, itemAttrs: c => ({ 'data-uid': c.uid, 'data-hit': c.hit }) })] : null);
}

function interfacesSection(summary: ImpactSummary, several: boolean): HTMLElement | null {
  if (summary.interfacesBroken.length + summary.interfacesWithoutData.length === 0) return null;
  const orgName = new Map(summary.organisations.map(o => [o.organisation, o.name]));
  type Interface = ImpactSummary['interfacesBroken'][number];
  const item = (ends: (i: Interface) => string[]) => (i: Interface) => [
    `${i.fromName ?? '?'} → ${i.toName ?? '?'}`, i.viaName ? ` via ${i.viaName}` : '', i.standard ? ` (${i.standard})` : '',
    h('span', { class: 'hint' }, ` — ${ends(i).join(', ')}${several ? `, ${orgName.get(i.organisation) ?? i.organisation}` : ''}`),
  ];
  const broken = item(i => i.failedEnds.map(end => t(`whatIf.end.${end}` as MessageKey)));
  // Not broken: only the source or intermediary that misses data is said.
  const withoutData = item(i => i.failedEnds.filter(end => end !== 'to').map(end => t(`whatIf.endData.${end}` as MessageKey)));
  return h('section', { id: 'what-if-interfaces' },
    summary.interfacesBroken.length ? [h('h3', {}, t('whatIf.interfaces', { n: formatNumber(summary.interfacesBroken.length) })),
      expandableList(summary.interfacesBroken, broken, { id: 'what-if-interface-list' })] : null,
    summary.interfacesWithoutData.length ? [h('h3', {}, t('whatIf.interfacesData', { n: formatNumber(summary.interfacesWithoutData.length) })), h('p', { class: 'hint' }, t('whatIf.interfacesDataHint')),
      expandableList(summary.interfacesWithoutData, withoutData, { id: 'what-if-interface-data-list', initial: 3 })] : null);
}

function ringsSection({ rows, summary }: ImpactAnswer, several: boolean, options: WhatIfOptions): HTMLElement | null {
  if (rows.length === 0) return null;
  const rings = new Map<number, ImpactRow[]>();
  for (const row of rows) (rings.get(row.hops) ?? rings.set(row.hops, []).get(row.hops)!).push(row);
  return h('section', { id: 'what-if-rings' }, h('h3', {}, t('whatIf.rings')), h('p', { class: 'hint' }, t('whatIf.ringsHint', { name: summary.node.name })),
    [...rings].sort((a, b) => a[0] - b[0]).map(([hops, ring], index) => {
      // Split as the answer is: what fails directly, what misses data through interfaces (platforms are always direct).
      const applications = ring.filter(row => row.kind === 'Application');
      const direct = applications.filter(row => row.direct).length;
      const through = applications.length - direct;
      const platforms = ring.length - applications.length;
      const items = listFormat([direct ? tn('whatIf.ring.direct', direct) : null, through ? tn('whatIf.ring.through', through) : null, platforms ? tn('whatIf.platformCount', platforms) : null].filter((x): x is string => x !== null));
      return h('details', { class: 'ring', open: index === 0, 'data-hops': hops },
        h('summary', {}, t('whatIf.ring', { hops: tn('whatIf.hops', hops), items })),
        expandableList([...ring].sort((a, b) => a.name.localeCompare(b.name, 'nl')), row => [
          nodeName(row, options),
          h('span', { class: 'hint' }, ` — ${kindLabel(row.kind)}${row.criticality ? `, ${critLabel(row.criticality)}` : ''}${several && row.organisationName ? `, ${row.organisationName}` : ''}${row.kind === 'Application' ? `, ${howHit(row)}` : ''}`),
        ], { initial: 20 }));
    }));
}
