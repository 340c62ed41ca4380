// The shell: header with navigation, organisation choice, language switch and (when the server asks for
// one) an API token field; a hash router renders one page at a time into <main>.
import { ApiError, getOrganisations, getToken, setToken, type Organisation } from './api.js';
import { renderCalendar } from './calendar.js';
import { renderChanges } from './changes.js';
import type { Context, Page } from './context.js';
import { fill, h } from './dom.js';
import { reportError, setErrorRegion } from './errors.js';
import { explorerState, renderExplorer } from './explorer.js';
import { renderExposure } from './exposure.js';
import { initialLanguage, language, onLanguageChange, setLanguage, t, type Language, type MessageKey } from './i18n.js';
import { renderImport } from './import-page.js';
import { renderReport } from './report.js';
import { renderSovereignty } from './sovereignty.js';
import { renderAlgorithms } from './algorithms.js';
import { renderIctFoto } from './ict-foto.js';
import { renderCommonGround } from './common-ground.js';
import { renderDataQuality } from './data-quality.js';
import { renderSpof } from './spof.js';
import { orgName, setOrganisations } from './organisations.js';
import type { Graph } from './types.js';

const PAGES: Record<Page, (root: HTMLElement, ctx: Context) => Promise<void>> = {
  explorer: renderExplorer,
  exposure: renderExposure,
  calendar: renderCalendar,
  spof: renderSpof,
  sovereignty: renderSovereignty,
  algorithms: renderAlgorithms,
  ictfoto: renderIctFoto,
  'common-ground': renderCommonGround,
  report: renderReport,
  changes: renderChanges,
  'data-quality': renderDataQuality,
  import: renderImport,
};

let organisations: Organisation[] = [];
let chosen: string[] = (sessionStorage.getItem('roer.organisations') ?? '').split(',').filter(Boolean);
const graphCache = new Map<string, Graph>();

const route = (): { page: Page; params: URLSearchParams } => {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const page = (path in PAGES ? path : 'explorer') as Page;
  return { page, params: new URLSearchParams(query ?? '') };
};

// One, several or all organisations (no choice = all), kept for the browser session.
function choose(ids: string[]): void {
  chosen = ids;
  sessionStorage.setItem('roer.organisations', chosen.join(','));
  void render();
}

const ctx: Context = {
  organisations: () => chosen,
  chooseOrganisations: choose,
  navigate: (page, params = {}) => {
    const query = new URLSearchParams(params).toString();
    const hash = `#/${page}${query ? `?${query}` : ''}`;
    const before = location.hash;
    location.hash = hash;
    // A new hash renders on hashchange, a moment later: until then the page shown is not the one asked for.
    if (location.hash === before) void render(); else document.body.dataset.ready = 'false';
  },
  params: () => route().params,
  graphCache,
  // New organisations belong in the selector (and in every name shown) at once, not after a reload.
  onImported: () => {
    loadOrganisations().then(() => document.querySelector('header.top')?.replaceWith(header()), reportError);
  },
};

/** The header's pop-ups (organisations, API token) close with Escape, focus back on what opened them. */
function closeOnEscape(event: Event): void {
  const details = event.currentTarget as HTMLDetailsElement;
  if ((event as KeyboardEvent).key !== 'Escape' || !details.open) return;
  details.open = false;
  details.querySelector('summary')?.focus();
  event.stopPropagation();
}

// The organisations' list also closes with a click elsewhere: open, it covers the page's buttons.
document.addEventListener('click', event => {
  for (const details of document.querySelectorAll<HTMLDetailsElement>('header details.orgs[open]')) {
    if (!details.contains(event.target as Node)) details.open = false;
  }
});

function header(): HTMLElement {
  const { page } = route();
  const navItem = (target: Page) => h('li', {}, h('a', { href: `#/${target}`, 'aria-current': target === page ? 'page' : undefined }, t(`nav.${target}` as MessageKey)));
  // One, several or all organisations: a checkbox list in a disclosure (no choice = all).
  const setChosen = choose;
  const orgSummary = chosen.length === 0 ? t('org.all') : chosen.length === 1 ? orgName(chosen[0]) : t('org.several', { n: chosen.length });
  const orgBoxes = organisations.map(o => h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'organisation', value: o.id, checked: chosen.includes(o.id) }), ' ', orgName(o.id)));
  const orgSelect = h('details', { class: 'orgs', id: 'organisation', onkeydown: closeOnEscape },
    h('summary', { 'aria-label': `${t('org.label')}: ${orgSummary}` }, orgSummary),
    h('form', { class: 'org-list', onsubmit: (e: Event) => {
      e.preventDefault();
      setChosen(orgBoxes.map(label => label.querySelector('input')!).filter(input => input.checked).map(input => input.value));
    } },
      h('fieldset', {}, h('legend', {}, t('org.label')), orgBoxes),
      h('div', { class: 'buttons' },
        h('button', { type: 'submit', id: 'organisation-apply' }, t('common.apply')),
        h('button', { type: 'button', onclick: () => setChosen([]) }, t('org.all')))));
  const langSelect = h('select', { id: 'language', 'aria-label': t('lang.label'), onchange: (e: Event) => setLanguage((e.target as HTMLSelectElement).value as Language) },
    h('option', { value: 'nl', selected: language() === 'nl', lang: 'nl' }, 'Nederlands'),
    h('option', { value: 'en', selected: language() === 'en', lang: 'en' }, 'English'));
  const tokenInput = h('input', { id: 'token', type: 'password', autocomplete: 'off', value: getToken(), 'aria-describedby': 'token-hint' });
  const tokenBox = h('details', { class: 'token', open: needsToken && !getToken(), onkeydown: closeOnEscape },
    h('summary', {}, t('token.label')),
    h('form', { onsubmit: (e: Event) => { e.preventDefault(); setToken(tokenInput.value.trim()); graphCache.clear(); void start(); } },
      h('label', { for: 'token', class: 'sr-only' }, t('token.label')), tokenInput,
      h('button', { type: 'submit' }, t('token.save')), h('small', { id: 'token-hint' }, t('token.hint'))));
  return h('header', { class: 'top no-print' },
    h('a', { class: 'skip', href: '#content', onclick: (e: Event) => { e.preventDefault(); document.getElementById('content')?.focus(); } }, t('app.skip')),
    h('a', { class: 'brand', href: '#/explorer' }, 'Roer'),
    h('nav', { 'aria-label': t('nav.label') }, h('ul', {}, (Object.keys(PAGES) as Page[]).map(navItem))),
    h('div', { class: 'controls' },
      h('span', { class: 'label' }, t('org.label')), orgSelect,
      h('label', { for: 'language' }, t('lang.label')), langSelect,
      tokenBox));
}

let needsToken = false;
let rendering = 0;

/** Where the keyboard is: an id, or the nth element of its kind inside the nearest element with an id. */
type FocusSpot = { id: string; tag?: string; index?: number };
function focusSpot(): FocusSpot | null {
  const active = document.activeElement;
  if (!active || active === document.body) return null;
  if (active.id) return { id: active.id };
  const holder = active.parentElement?.closest('[id]');
  return holder ? { id: holder.id, tag: active.tagName, index: [...holder.querySelectorAll(active.tagName)].indexOf(active) } : null;
}
function refocus(spot: FocusSpot): void {
  const holder = document.getElementById(spot.id);
  const target = spot.tag ? holder?.querySelectorAll(spot.tag)[spot.index!] : holder;
  if (target instanceof HTMLElement) target.focus();
}

async function render(): Promise<void> {
  const mine = ++rendering;
  // The same page drawn again (a choice applied, another language): the keyboard stays where it was,
  // not 18 tabs back at the top.
  const samePage = document.body.dataset.page === route().page;
  const spot = samePage ? focusSpot() : null;
  document.title = t('app.title');
  const main = h('main', { id: 'content', tabindex: '-1', class: `page-${route().page}` });
  // Errors that escape a page's own handling are shown here, never only in the console.
  const alerts = h('div', { id: 'alerts', class: 'alerts', role: 'alert', 'aria-live': 'assertive' });
  setErrorRegion(alerts);
  fill(document.body, header(), main, alerts);
  document.body.dataset.page = route().page;
  document.body.dataset.ready = 'false';
  try {
    await PAGES[route().page](main, ctx);
  } catch (error) {
    reportError(error);
  } finally {
    if (mine === rendering) {
      // Unless the user went elsewhere while it was drawn.
      if (spot && (document.activeElement === document.body || !document.activeElement)) refocus(spot);
      document.body.dataset.ready = 'true';
    }
  }
}

async function loadOrganisations(): Promise<void> {
  organisations = await getOrganisations();
  setOrganisations(organisations);
  chosen = chosen.filter(id => organisations.some(o => o.id === id));
}

async function start(): Promise<void> {
  let failure: unknown = null;
  try {
    await loadOrganisations();
    needsToken = false;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) needsToken = true;
    else failure = error;
    organisations = [];
  }
  await render();
  if (failure) reportError(failure);
}

// Whatever a page did not catch itself still reaches the user.
window.addEventListener('unhandledrejection', event => { event.preventDefault(); reportError(event.reason); });
window.addEventListener('error', event => reportError(event.error ?? event.message));
setLanguage(initialLanguage());
onLanguageChange(() => void render());
window.addEventListener('hashchange', () => void render());
// Read-only hooks for the browser tests (no data the page does not already show).
(window as unknown as { roer: unknown }).roer = {
  highlighted: () => explorerState()?.controller.highlightedIds() ?? [],
  visible: () => explorerState()?.controller.visibleNodes().map(n => n.id).sort() ?? [],
  selected: () => explorerState()?.controller.selectedIds() ?? [],
  findings: () => explorerState()?.controller.findingIds() ?? [],
  lockIn: () => explorerState()?.controller.lockInIds() ?? [],
  layoutSize: () => explorerState()?.controller.layoutSize() ?? 0,
  nodeBoxes: () => explorerState()?.controller.renderedBoxes() ?? [],
  labelled: () => explorerState()?.controller.labelledIds() ?? [],
  labelBoxes: () => explorerState()?.controller.labelBoxes() ?? [],
  extent: () => explorerState()?.controller.extent() ?? null,
};
void start();
