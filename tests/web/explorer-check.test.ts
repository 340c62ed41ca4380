// The explorer as an information manager found it with the demo municipality, in a real Chromium against
// the real server and Neo4j: search finds a supplier by its exact name and every other kind; the
// dependency view and the what-if answer share the width at 1280 and 1024 px (a phone scrolls the page);
// closing the answer gives the graph its normal look and view back; and with the largest supplier
// failing, the graph's labels do not lie on top of each other. Screenshots go to
// tests/artifacts/explorer-check-*.png (look at them).
import { read } from '../../server/neo4j.js';
import { startUi, type Ui } from './answer-browser.js';

let ui: Ui;
const enc = encodeURIComponent;

type Box = { left: number; right: number; top: number; bottom: number };
type Extent = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
const roer = <T>(name: string) => ui.page.evaluate(hook => (window as any).roer[hook](), name) as Promise<T>;
const rect = (selector: string) => ui.page.locator(selector).first().evaluate(element => {
  const { left, right, top, bottom } = element.getBoundingClientRect();
  return { left, right, top, bottom };
});

/** The supplier that supplies the most applications: the biggest answer the demo gives. */
const largestSupplier = async () => (await read<{ uid: string; name: string }>(ui.driver,
  'MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) WITH s, count(a) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid, s.name AS name'))[0];

beforeAll(async () => { ui = await startUi('explorer-check'); }, 600_000);
afterAll(async () => { await ui?.close(); });
afterEach(() => expect(ui.take().errors).toEqual([]));

async function suggestions(text: string): Promise<{ id: string; text: string }[]> {
  await ui.page.fill('#search', text);
  await ui.page.waitForFunction(typed => {
    const list = document.querySelector('#search-list');
    return list instanceof HTMLElement && list.dataset.for === typed && !list.hasAttribute('hidden') && list.children.length > 0;
  }, text);
  return ui.page.$$eval('#search-list li', items => items.map(item => ({ id: item.getAttribute('data-id')!, text: (item.textContent ?? '').trim() })));
}

describe('search', () => {
  it('when a supplier\'s exact name is typed, then the supplier comes first, its kind said in Dutch', async () => {
    const supplier = await largestSupplier();
    await ui.open('#/explorer');
    for (const typed of [supplier.name, supplier.name.toUpperCase(), supplier.name.replace(/\./g, '')]) {
      const hits = await suggestions(typed);
      expect(hits[0]).toEqual({ id: supplier.uid, text: `${supplier.name} — Leverancier` });
    }
    // Its platform and applications follow (they start with the same words).
    const hits = await suggestions(supplier.name.split(' ')[0]);
    expect(hits.map(hit => hit.text.split(' — ')[1].split(' · ')[0])).toEqual(expect.arrayContaining(['Leverancier', 'Platform', 'Applicatie']));
    await ui.shot('explorer-check-search-supplier');
  });

  it('when a contract, a business function or a supplier group is searched, then it is found and opens', async () => {
    const [contract] = await read<{ uid: string; name: string; supplier: string; supplierUid: string }>(ui.driver,
      "MATCH (c:Contract {id: 'c-0001'})-[:WITH]->(s:Supplier) RETURN c.uid AS uid, c.name AS name, s.name AS supplier, s.uid AS supplierUid");
    await ui.open('#/explorer');
    expect((await suggestions('Burgerzaken'))[0].text).toBe('Burgerzaken — Bedrijfsfunctie');
    expect((await suggestions('Polderwerk Groep'))[0].text).toBe('Polderwerk Groep — Leveranciersgroep');
    const hits = await suggestions('c-0001');
    expect(hits[0]).toEqual({ id: contract.uid, text: `c-0001 — Contract · ${contract.supplier} · Gemeente Roerdam` });
    await ui.shot('explorer-check-search-contract');
    await ui.page.locator(`#search-list li[data-id="${contract.uid}"]`).dispatchEvent('mousedown');
    await ui.page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    // The contract in the middle: its supplier before it, the applications it covers after it; its details beside.
    await expect(ui.page.textContent('#deps .centre-card .name')).resolves.toBe('c-0001');
    expect(await ui.page.$$eval('.deps-column.before a.dep-card', cards => cards.map(card => card.getAttribute('data-uid')))).toEqual([contract.supplierUid]);
    const covered = await read<{ uid: string }>(ui.driver, 'MATCH (:Contract {uid: $uid})-[:COVERS]->(a) RETURN a.uid AS uid ORDER BY uid', { uid: contract.uid });
    expect((await ui.page.$$eval('.deps-column.after a.dep-card', cards => cards.map(card => card.getAttribute('data-uid')))).sort()).toEqual(covered.map(row => row.uid));
    expect(await ui.page.$$eval('.edge-label', labels => labels.map(label => label.textContent))).toEqual(expect.arrayContaining(['met leverancier', 'dekt']));
    await ui.page.waitForSelector('#panel:not([hidden]) #panel-title');
    await ui.shot('explorer-check-contract-view');
  });
});

describe('the what-if answer beside the dependency view', () => {
  it.each([[1280, 800], [1024, 768]])('when the answer opens at %i px, then the view and the panel share the width and no card is cut off', async (width, height) => {
    const supplier = await largestSupplier();
    await ui.page.setViewportSize({ width, height });
    await ui.open(`#/explorer?node=${enc(supplier.uid)}&whatIf=1`);
    await ui.page.waitForSelector('#what-if-answer');
    await ui.page.waitForTimeout(300);
    const panel = await rect('#panel');
    const cards = await ui.page.$$eval('#deps .dep-card, #deps .edge-label', elements => elements.map(element => {
      const { left, right } = element.getBoundingClientRect();
      return { left, right, text: (element.textContent ?? '').trim().slice(0, 30) };
    }));
    await ui.shot(`explorer-check-what-if-${width}`);
    expect(panel.right - panel.left).toBeGreaterThanOrEqual(340);
    expect(await ui.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // The board needs no sideways scrolling, and every card and every line's words lie left of the panel.
    expect(await ui.page.$eval('.deps-scroll', box => box.scrollWidth - box.clientWidth)).toBeLessThanOrEqual(0);
    expect(cards.filter(card => card.right > panel.left || card.left < 0)).toEqual([]);
    expect(cards.length).toBeGreaterThan(5);
  });

  it('when the answer opens on a phone, then the page scrolls: the view first, the answer below it, nothing sideways', async () => {
    const supplier = await largestSupplier();
    await ui.page.setViewportSize({ width: 390, height: 844 });
    await ui.open(`#/explorer?node=${enc(supplier.uid)}&whatIf=1`);
    await ui.page.waitForSelector('#what-if-answer');
    expect(await ui.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [board, panel] = [await rect('.deps-scroll'), await rect('#panel')];
    expect(panel.top).toBeGreaterThanOrEqual(board.bottom - 1);
    expect(panel.right - panel.left).toBeGreaterThan(340);
    expect(await ui.page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(844);
    // The answer is brought into sight.
    await ui.page.waitForFunction(() => document.querySelector('#what-if-answer')!.getBoundingClientRect().top < innerHeight);
    await ui.shot('explorer-check-what-if-390');
    // Closing it takes "whatIf" out of the address: a reload does not ask again.
    await ui.page.focus('#what-if-title');
    await ui.page.keyboard.press('Escape');
    // Escape closes only the answer: the details are back and focus is on the button that asked.
    await ui.page.waitForFunction(() => !document.querySelector('#what-if-answer') && document.activeElement?.id === 'what-if');
    expect(await ui.page.evaluate(() => (document.querySelector('#panel') as HTMLElement).hidden)).toBe(false);
    expect(await ui.page.evaluate(() => location.hash)).toBe(`#/explorer?node=${enc(supplier.uid)}`);
  });
});

/**
 * What `read` returns once it stops changing (two reads 150 ms apart agree): animations (focus, fit,
 * label placement) take longer than their nominal 250–300 ms on a busy machine.
 */
async function settled<T>(read: () => Promise<T>): Promise<T> {
  let last = JSON.stringify(await read());
  for (let i = 0; i < 60; i++) {
    await ui.page.waitForTimeout(150);
    const now = JSON.stringify(await read());
    if (now === last) return JSON.parse(now) as T;
    last = now;
  }
  throw new Error(`still changing after 9 s: ${last.slice(0, 200)}`);
}

describe('the what-if answer in the graph', () => {
  async function openGraph(hash: string): Promise<Extent> {
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    await ui.open(hash);
    await ui.page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'));
    return settled(() => roer<Extent>('extent')); // the focus animates
  }
  const answerShown = async () => {
    await ui.page.waitForSelector('#what-if-answer');
    await ui.page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('data-impact') !== null);
    await settled(() => roer<Box[]>('labelBoxes')); // the fit animates, the labels follow
  };
  const overlapping = (boxes: (Box & { id: string })[]) => boxes.flatMap((a, i) => boxes.slice(i + 1)
    .filter(b => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1)
    .map(b => `${a.id} × ${b.id}: ${JSON.stringify([a, b].map(({ left, right, top, bottom }) => [left, right, top, bottom].map(Math.round)))}`));

  it('when the largest supplier fails, then only labels that fit are drawn, none on top of another, and the answer is a list in the panel', async () => {
    const supplier = await largestSupplier();
    await openGraph(`#/explorer?view=graph&focus=${enc(supplier.uid)}`);
    await ui.page.click('#what-if');
    await answerShown();
    const highlighted = await roer<string[]>('highlighted');
    const labelled = await roer<string[]>('labelled');
    const boxes = await roer<(Box & { id: string })[]>('labelBoxes');
    await ui.shot('explorer-check-labels-largest-supplier');
    expect(highlighted.length).toBeGreaterThan(300);
    expect(labelled).toContain(supplier.uid);
    expect(labelled.length).toBeGreaterThan(1);
    expect(labelled.length).toBeLessThan(highlighted.length / 4);
    expect(overlapping(boxes)).toEqual([]);
    // Every node that fails is named in the panel's lists, step by step.
    expect(await ui.page.locator('#what-if-rings li').count()).toBe(highlighted.length - 1);
  });

  it('when the answer is closed with its button, then the graph looks as before, at the view from before', async () => {
    const supplier = await largestSupplier();
    const before = await openGraph(`#/explorer?view=graph&focus=${enc(supplier.uid)}`);
    const status = await ui.page.textContent('#graph-status');
    await ui.page.click('#what-if');
    await answerShown();
    await ui.page.click('#what-if .panel-head button.icon');
    await ui.page.waitForFunction(() => (document.querySelector('#panel') as HTMLElement).hidden);
    await settled(() => roer<Extent>('extent'));
    await ui.shot('explorer-check-graph-closed');
    expect(await roer<string[]>('highlighted')).toEqual([]);
    expect(await ui.page.evaluate(() => document.querySelector('#graph')!.hasAttribute('data-impact'))).toBe(false);
    expect(await ui.page.textContent('#graph-status')).toBe(status);
    // The view from before (the graph is wider now the panel is closed: the same middle, at least the same part in sight).
    const after = await roer<Extent>('extent');
    expect(Math.abs((after.x1 + after.x2) / 2 - (before.x1 + before.x2) / 2)).toBeLessThan(before.w * 0.02);
    expect(Math.abs((after.y1 + after.y2) / 2 - (before.y1 + before.y2) / 2)).toBeLessThan(before.h * 0.02);
    expect(after.x1).toBeLessThanOrEqual(before.x1 + 1);
    expect(after.y1).toBeLessThanOrEqual(before.y1 + 1);
    expect(Math.max(after.w / before.w, after.h / before.h)).toBeLessThan(1.6);
  });

  it('when the answer shown from the dependency view is closed with Escape, then the red is gone and the address no longer asks for it', async () => {
    const supplier = await largestSupplier();
    await openGraph(`#/explorer?view=graph&focus=${enc(supplier.uid)}&impact=${enc(supplier.uid)}`);
    await answerShown();
    expect((await roer<string[]>('highlighted')).length).toBeGreaterThan(300);
    await ui.page.focus('#what-if-title');
    await ui.page.keyboard.press('Escape');
    // Escape closes only the answer: the node's details are back, focus on the button that asked, the red is gone.
    await ui.page.waitForFunction(() => !document.querySelector('#what-if-answer') && document.activeElement?.id === 'what-if');
    await settled(() => roer<Extent>('extent'));
    expect(await ui.page.evaluate(() => (document.querySelector('#graph') as HTMLElement).dataset.impact)).toBeUndefined();
    expect((await roer<string[]>('highlighted')).length).toBeLessThan(300);
    expect(await ui.page.evaluate(() => location.hash)).toBe(`#/explorer?view=graph&focus=${enc(supplier.uid)}`);
    await ui.shot('explorer-check-graph-escape');
  });
});

describe('small things a user stumbles over', () => {
  it('when the graph opens on a node, then that node is in the middle after the layout, and the legend names only what is drawn', async () => {
    await ui.page.setViewportSize({ width: 1280, height: 800 });
    const [{ uid }] = await read<{ uid: string }>(ui.driver, "MATCH (s:Supplier {id: 's-0002'}) RETURN s.uid AS uid");
    await ui.open(`#/explorer?view=graph&focus=${enc(uid)}`);
    // The layout (or the positions the earlier tests cached) and the focus's 250 ms animation.
    await ui.page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'));
    const graph = await rect('#graph');
    const node = (await settled(() => roer<(Box & { id: string })[]>('nodeBoxes'))).find(box => box.id === uid)!;
    expect(Math.abs((node.left + node.right) / 2 - (graph.left + graph.right) / 2)).toBeLessThan(30);
    expect(Math.abs((node.top + node.bottom) / 2 - (graph.top + graph.bottom) / 2)).toBeLessThan(30);
    // Contracts, interfaces and standards are not drawn as nodes: the legend does not list them.
    const legend = await ui.page.$$eval('.legend li', items => items.map(item => item.textContent!.trim()));
    expect(legend).toEqual(expect.arrayContaining(['Applicatie', 'Leverancier', 'Platform']));
    expect(legend).not.toEqual(expect.arrayContaining(['Contract']));
    expect(legend).not.toContain('Koppeling');
    expect(legend).not.toContain('Standaard');
  });

  it('when the map counts applications per area, then one organisation is "1 organisatie"', async () => {
    await ui.open('#/explorer');
    const counts = await ui.page.$$eval('#map-area-counts li span', items => items.map(item => item.textContent!.trim()));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.filter(text => / 1 organisaties$/.test(text) || /^1 applicaties/.test(text))).toEqual([]);
    expect(counts.some(text => / 1 organisatie$/.test(text))).toBe(true);
  });
});
