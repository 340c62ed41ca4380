// No silent failures: every control on every page, on several kinds of node, either works or is not
// offered. A real Chromium clicks each button (and toggles each checkbox, radio and select) against the
// real server and Neo4j, and after each click there may be no uncaught page error, no 404, and no
// failed request the page does not show. Errors the server does send are shown in the chosen language,
// and organisations a user imports appear in the selector without a reload.
import { read } from '../../server/neo4j.js';
import { app, uid as chainUid } from '../analyses/chain.js';
import type { Request } from 'playwright-core';
import { startUi, type Ui } from './answer-browser.js';

let ui: Ui;
const enc = encodeURIComponent;

beforeAll(async () => {
  ui = await startUi('controls');
  await ui.page.addInitScript(installSignature);
  ui.page.on('request', request => { inFlight.add(request); asked++; });
  ui.page.on('requestfinished', request => { inFlight.delete(request); });
  ui.page.on('requestfailed', request => { inFlight.delete(request); });
}, 600_000);
afterAll(async () => { await ui?.close(); });

type Control = { signature: string; kind: 'button' | 'checkbox' | 'radio' | 'select'; label: string };

/**
 * A control's signature: its id, or where it is, what it is and what it says; the name buttons of a
 * list share one (they all do the same thing, for another row). Put in every page the test opens.
 */
function installSignature(): void {
  (window as any).controlSignature = (element: HTMLElement) => {
    if (element.id) return `#${element.id}`;
    const where = element.closest('[id]')?.id ?? '';
    const text = element instanceof HTMLInputElement ? `${element.name}=${element.value}` : (element.textContent ?? '').trim();
    const rowButton = element.classList.contains('link') && !element.classList.contains('show-all');
    return [where, element.tagName, element.className, element.dataset.key ?? '', rowButton ? '' : text].join('|');
  };
}
const CONTROLS = 'button, input[type=checkbox], input[type=radio], select';

/**
 * The controls a person can use on the page as it is, each once, those inside closed disclosures
 * (the organisation list, the token form) included. Leaves the page as it was.
 */
const controlsOnPage = (scope: string) => ui.page.evaluate(([within, selector]) => {
  const signature = (window as any).controlSignature as (element: HTMLElement) => string;
  const closed = [...document.querySelectorAll('details')].filter(details => !details.open);
  for (const details of closed) details.open = true;
  const seen = new Map<string, { signature: string; kind: string; label: string }>();
  for (const element of document.querySelectorAll<HTMLElement>(`${within} :is(${selector})`)) {
    const visible = element.getClientRects().length > 0;
    if (!visible || (element as HTMLButtonElement).disabled) continue;
    const kind = element.tagName === 'BUTTON' ? 'button' : element.tagName === 'SELECT' ? 'select' : (element as HTMLInputElement).type;
    const key = signature(element);
    if (!seen.has(key)) seen.set(key, { signature: key, kind, label: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40) });
  }
  for (const details of closed) details.open = false;
  return [...seen.values()];
}, [scope, CONTROLS]) as Promise<Control[]>;

/** Uses the first control with this signature (opening the disclosure it is in); false when the page no longer has it. */
const use = async (control: Control, scope: string): Promise<boolean> => {
  const found = await ui.page.evaluate(([within, selector, wanted]) => {
    const signature = (window as any).controlSignature as (element: HTMLElement) => string;
    document.querySelector('[data-test-use]')?.removeAttribute('data-test-use');
    const closed = [...document.querySelectorAll('details')].filter(details => !details.open);
    for (const details of closed) details.open = true;
    const element = [...document.querySelectorAll<HTMLElement>(`${within} :is(${selector})`)].find(candidate => candidate.getClientRects().length > 0 && signature(candidate) === wanted);
    for (const details of closed) if (!element || !details.contains(element)) details.open = false;
    element?.setAttribute('data-test-use', '');
    return Boolean(element);
  }, [scope, CONTROLS, control.signature]);
  if (!found) return false;
  const target = ui.page.locator('[data-test-use]');
  if (control.kind === 'select') {
    // Options offered but disabled (a layout too slow for this many elements) cannot be chosen.
    const values = await target.evaluate(select => [...(select as HTMLSelectElement).options].filter(option => !option.disabled).map(option => option.value));
    const current = await target.inputValue();
    await target.selectOption(values.find(value => value !== current) ?? current);
  } else await target.click();
  return true;
};

/**
 * Requests the page has asked for and not yet received in full (or seen fail), and how many it has
 * asked for at all: the page is settled when nothing is in flight and nothing new starts.
 */
const inFlight = new Set<Request>();
let asked = 0;

const QUIET_MS = 150;

/**
 * After a control was used: everything settled, and nothing went wrong unseen. Settled is: the page
 * ready, no status saying it loads, no request in flight, and none asked for in the last QUIET_MS
 * (where fixed waits of 150 + 400 ms stood, which passed on before a slow request had answered).
 */
async function settle(): Promise<void> {
  const quiet = () => ui.page.waitForFunction(() => document.body.dataset.ready === 'true' && ![...document.querySelectorAll('[role=status]')].some(status => /laden|Bezig|uitrekenen|Loading|Working/i.test(status.textContent ?? '')), null, { timeout: 60_000 });
  const deadline = Date.now() + 60_000;
  for (;;) {
    const before = asked;
    await ui.page.waitForTimeout(QUIET_MS);
    await quiet();
    if (inFlight.size === 0 && asked === before) return;
    if (Date.now() > deadline) throw new Error(`still loading after 60 s: ${[...inFlight].map(request => request.url()).join(', ')}`);
  }
}

const shownErrors = () => ui.page.locator('.message.error:visible').allTextContents();

/**
 * Opens `hash` (unless the caller just did and has only looked), then uses each control in `scope`
 * on it in turn, each on a freshly opened page.
 */
async function everyControl(hash: string, ready: string, scope = 'body', { opened = false } = {}): Promise<string[]> {
  if (!opened) await ui.open(hash);
  await ui.page.waitForSelector(ready);
  const controls = await controlsOnPage(scope);
  expect(controls.length).toBeGreaterThan(0);
  ui.take();
  const used: string[] = [];
  for (const control of controls) {
    await ui.open(hash);
    await ui.page.waitForSelector(ready);
    ui.take();
    if (!(await use(control, scope))) continue;
    await settle();
    used.push(control.signature);
    const { responses, errors } = ui.take();
    const shown = responses.length ? await shownErrors() : [];
    // The next control starts where a person starts: Dutch, all organisations, no token.
    await ui.page.evaluate(() => { localStorage.removeItem('roer.lang'); sessionStorage.clear(); });
    // One line per control, so a failure names the control and what went wrong.
    expect({ hash, control: control.label || control.signature, errors, notFound: responses.filter(r => r.status === 404), unseen: responses.length && !shown.length ? responses : [] })
      .toEqual({ hash, control: control.label || control.signature, errors: [], notFound: [], unseen: [] });
  }
  return used;
}

describe('every control on every page', () => {
  it.each([
    ['#/explorer', '#map-heading'],
    ['#/explorer?view=graph', '#graph'],
    ['#/exposure', '#exposure-table'],
    ['#/calendar', '#calendar-table'],
    ['#/spof', '#spof-table'],
    ['#/import', '#import-history'],
  ])('when each control on %s is used, then it works or shows why not', async (hash, ready) => {
    const used = await everyControl(hash, ready);
    expect(used.length).toBeGreaterThan(3);
  }, 900_000);

  it('when each control of a report is used, then it works or shows why not', async () => {
    const [{ uid }] = await read<{ uid: string }>(ui.driver, 'MATCH (s:Supplier)<-[:WITH]-(:Contract) RETURN s.uid AS uid ORDER BY s.uid LIMIT 1');
    expect((await everyControl(`#/report?subject=${enc(uid)}`, '.report-head')).length).toBeGreaterThan(3);
  }, 900_000);

  it('when each kind of node is opened, then its panel offers only what works for it, and each of those works', async () => {
    const nodes = await read<{ kind: string; uid: string }>(ui.driver,
      `UNWIND ['Application', 'Supplier', 'SupplierGroup', 'Platform', 'Organisation', 'ReferenceComponent', 'BusinessFunction'] AS kind
       CALL (kind) { MATCH (n:Entity) WHERE kind IN labels(n) RETURN n.uid AS uid ORDER BY COUNT { (n)--() } DESC, n.uid LIMIT 1 }
       RETURN kind, uid`);
    expect(nodes.map(node => node.kind)).toHaveLength(7);
    for (const node of nodes) {
      await ui.open(`#/explorer?focus=${enc(node.uid)}`);
      await ui.page.waitForSelector('#panel-title');
      const offered = { whatIf: await ui.page.locator('#what-if').count(), report: await ui.page.locator('#to-report').count() };
      const fails = ['Application', 'Supplier', 'SupplierGroup', 'Platform'].includes(node.kind);
      expect([node.kind, offered]).toEqual([node.kind, { whatIf: fails ? 1 : 0, report: fails || node.kind === 'Organisation' ? 1 : 0 }]);
      // The explorer's own controls are the first test's; here those of the panel, listed on the page just opened.
      const used = await everyControl(`#/explorer?focus=${enc(node.uid)}`, '#panel-title', '#panel', { opened: true });
      expect(used).toEqual(expect.arrayContaining(['#expand']));
    }
  }, 900_000);

  it('when each control of a what-if answer is used, then it works or shows why not', async () => {
    const used = await everyControl(`#/explorer?impact=${enc(chainUid(app(0)))}`, '#what-if-answer', '#panel');
    expect(used).toEqual(expect.arrayContaining(['#what-if-back', '#what-if-hops']));
  }, 900_000);
});

describe('errors are shown in the page, in the chosen language', () => {
  it('when what-if is asked of something that cannot fail, then the panel says so in Dutch, and in English after the switch', async () => {
    await ui.open(`#/explorer?impact=${enc('function:belastingen')}`);
    await ui.page.waitForSelector('#panel .message.error');
    await expect(ui.page.textContent('#panel .message.error')).resolves.toBe(
      "Niet gevonden: Onbekend knooppunt 'function:belastingen' (alleen een applicatie, platform, leverancier of leveranciersgroep kan uitvallen)");
    await ui.page.selectOption('#language', 'en');
    await ui.page.waitForSelector('#panel .message.error');
    await expect(ui.page.textContent('#panel .message.error')).resolves.toBe(
      "Not found: No application, platform, supplier or supplier group 'function:belastingen' in the chosen organisations");
    await ui.page.selectOption('#language', 'nl');
    expect(ui.take().errors).toEqual([]);
  });

  it('when the ranking calls a row a "scharnierpunt", then the hint above the table already says what that is', async () => {
    await ui.open('#/spof');
    await ui.page.waitForSelector('#spof-table tbody tr');
    const rows = await ui.page.locator('#spof-table tbody tr').allTextContents();
    expect(rows.some(row => row.includes('scharnierpunt'))).toBe(true);
    await expect(ui.page.locator('#spof-answer .hint').innerText()).resolves.toContain(
      '"Scharnierpunt" bij Soort: Een scharnierpunt is een applicatie die als enige twee delen van het koppelingennetwerk verbindt');
  });

  it('when the server fails or cannot be reached, then the page says what it means, and a failed download is not lost', async () => {
    await ui.page.route('**/api/analyses/single-points-of-failure*', route => route.fulfill({ status: 500, contentType: 'application/problem+json', body: JSON.stringify({ status: 500, title: 'Internal server error / Interne fout', detail: 'An unexpected error occurred; it has been logged on the server.' }) }));
    await ui.open('#/spof');
    await expect(ui.page.textContent('.message.error')).resolves.toBe('Er ging iets mis op de server; de beheerder vindt de oorzaak in het serverlog');
    await ui.page.unroute('**/api/analyses/single-points-of-failure*');

    await ui.page.route('**/api/analyses/supplier-exposure?*', route => route.abort('connectionrefused'));
    await ui.open('#/exposure');
    await expect(ui.page.textContent('.message.error')).resolves.toBe('De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.');
    await ui.page.unroute('**/api/analyses/supplier-exposure?*');

    // A download on a page that does not catch its own failure: the alert region shows it.
    await ui.open('#/calendar');
    await ui.page.route('**/api/analyses/contract-calendar?*format=csv*', route => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify({ status: 503, title: 'Service unavailable / Niet beschikbaar', detail: 'The graph database cannot be reached; try again shortly. / De grafendatabase is niet bereikbaar.' }) }));
    await ui.page.click('#download-csv');
    await ui.page.waitForSelector('#alerts .message.error');
    await expect(ui.page.textContent('#alerts .message.error')).resolves.toMatch(/^De database is even niet bereikbaar; probeer het zo opnieuw\s*×$/);
    await ui.page.unroute('**/api/analyses/contract-calendar?*format=csv*');
    await ui.shot('error-shown');
    await ui.page.click('#alerts .message.error button');
    expect(await ui.page.locator('#alerts .message').count()).toBe(0);
    expect(ui.take().errors).toEqual([]);
  });
});

describe('organisations after an import', () => {
  it('when a new organisation is imported, then it appears in the selector by name without reloading the page', async () => {
    await ui.open('#/import');
    await ui.page.evaluate(() => { (window as any).sameDocument = true; });
    await ui.page.setInputFiles('#import-files', { name: 'applicaties.csv', mimeType: 'text/csv', buffer: Buffer.from('id;organisatie;naam\nn1;gemeente-nieuwdorp;Nieuwdorp Zaken\n') });
    await ui.page.fill('#import-source', 'csv:nieuwdorp');
    await ui.page.click('#import-commit');
    await ui.page.waitForFunction(() => document.querySelector('#import-result')?.textContent?.includes('Import voltooid.'), null, { timeout: 60_000 });
    await ui.page.waitForFunction(() => [...document.querySelectorAll('#organisation .org-list label')].some(label => label.textContent?.trim() === 'Gemeente Nieuwdorp'));
    await ui.page.click('#organisation summary');
    expect(await ui.page.evaluate(() => (window as any).sameDocument)).toBe(true);
    // The import's report is still on the page, and choosing the new organisation works at once.
    await expect(ui.page.textContent('#import-result')).resolves.toContain('Import voltooid.');
    await ui.page.getByLabel('Gemeente Nieuwdorp').check();
    await ui.page.click('#organisation-apply');
    await ui.page.waitForFunction(() => document.querySelector('#organisation summary')?.textContent === 'Gemeente Nieuwdorp');
    await ui.shot('import-new-organisation');
    await ui.page.evaluate(() => sessionStorage.removeItem('roer.organisations'));
    expect(ui.take().errors).toEqual([]);
  });
});
