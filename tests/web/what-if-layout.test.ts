// The what-if panel beside the graph, in a real Chromium against the real server and Neo4j (demo
// municipality): once the answer is shown, no drawn node of the graph lies under the panel, at a
// laptop's width and at a phone's; closing the panel gives the graph its room back, unmarked. Screenshots go to
// tests/artifacts/what-if-layout-*.png (look at them).
import { read } from '../../server/neo4j.js';
import { startUi, type Ui } from './answer-browser.js';

let ui: Ui;

beforeAll(async () => { ui = await startUi('what-if-layout'); }, 600_000);
afterAll(async () => { await ui?.close(); });
afterEach(() => expect(ui.take().errors).toEqual([]));

type Box = { left: number; right: number; top: number; bottom: number };
type NodeBox = Box & { id: string; highlighted: boolean };
const overlap = (a: Box, b: Box): Box | null => {
  const box = { left: Math.max(a.left, b.left), right: Math.min(a.right, b.right), top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom) };
  return box.left < box.right && box.top < box.bottom ? box : null;
};
const rect = (selector: string) => ui.page.locator(selector).evaluate(element => {
  const { left, right, top, bottom } = element.getBoundingClientRect();
  return { left, right, top, bottom };
});
const nodeBoxes = () => ui.page.evaluate(() => (window as unknown as { roer: { nodeBoxes(): NodeBox[] } }).roer.nodeBoxes());

/** Drawn nodes (inside the graph's box) that the panel covers, and answer nodes outside what can be seen. */
async function covered(): Promise<{ underPanel: string[]; answerOutOfSight: string[]; answer: number }> {
  const [panel, graph, canvas, boxes] = await Promise.all([rect('#panel'), rect('#graph'), rect('.canvas'), nodeBoxes()]);
  const viewport = ui.page.viewportSize()!;
  // What of the graph can be seen: its box, inside the scrolling canvas, inside the window.
  const seen = overlap(graph, canvas);
  const visible = seen && overlap(seen, { left: 0, top: 0, right: viewport.width, bottom: viewport.height });
  if (!visible) return { underPanel: [], answerOutOfSight: boxes.filter(node => node.highlighted).map(node => node.id), answer: boxes.filter(node => node.highlighted).length };
  const underPanel = boxes.filter(node => { const drawn = overlap(node, visible); return drawn && overlap(drawn, panel); }).map(node => node.id);
  const answer = boxes.filter(node => node.highlighted);
  // An answer node is in sight when it lies inside the graph's visible box, clear of the panel (a pixel of rounding allowed).
  const inside = (node: Box) => node.left >= visible.left - 1 && node.right <= visible.right + 1 && node.top >= visible.top - 1 && node.bottom <= visible.bottom + 1;
  return { underPanel, answerOutOfSight: answer.filter(node => !inside(node) || overlap(node, panel)).map(node => node.id), answer: answer.length };
}

async function openWhatIf(width: number, height: number): Promise<string> {
  await ui.page.setViewportSize({ width, height });
  const [{ uid }] = await read<{ uid: string }>(ui.driver, "MATCH (p:Platform)<-[:RUNS_ON]-(a:Application) WITH p, count(a) AS n ORDER BY n DESC, p.uid LIMIT 1 RETURN p.uid AS uid");
  await ui.open(`#/explorer?view=graph&focus=${encodeURIComponent(uid)}`);
  await ui.page.click('#what-if');
  await ui.page.waitForSelector('#what-if-answer');
  await ui.page.waitForFunction(() => document.querySelector('#graph')?.getAttribute('data-impact') !== null);
  await ui.page.waitForTimeout(700); // the fit animates for 300 ms
  return uid;
}

describe('the what-if panel and the graph', () => {
  it.each([[1280, 800], [1024, 768], [390, 844]])('when what-if opens at %i px wide, then no drawn node lies under the panel and the answer is in sight', async (width, height) => {
    await openWhatIf(width, height);
    // On a phone the page scrolls (the graph, then the answer below it), and never sideways.
    expect(await ui.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await ui.page.locator('#graph').scrollIntoViewIfNeeded();
    const found = await covered();
    // A phone's page scrolls: the whole of it (Chromium's full-page shot resizes the window for a moment, so after measuring).
    await ui.shot(`what-if-layout-${width}`, width < 700);
    expect(found.answer).toBeGreaterThan(1);
    expect(found.underPanel).toEqual([]);
    expect(found.answerOutOfSight).toEqual([]);
    // The panel can still be reached and closed with the keyboard; the graph takes the room back.
    const graphWidth = (await rect('#graph')).right - (await rect('#graph')).left;
    await ui.page.focus('#what-if-title');
    if (width < 700) {
      // Escape closes it too.
      await ui.page.keyboard.press('Escape');
    } else {
      await ui.page.keyboard.press('Tab');
      expect(await ui.page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Sluiten');
      await ui.page.keyboard.press('Enter');
    }
    // Escape closes only the answer (the details come back in the narrow panel); × closes the panel.
    if (width < 700) await ui.page.waitForFunction(() => !document.querySelector('#what-if-answer') && !document.querySelector('#panel')!.classList.contains('wide'));
    else await ui.page.waitForFunction(() => (document.querySelector('#panel') as HTMLElement).hidden);
    await ui.page.waitForTimeout(200);
    await ui.page.locator('#graph').scrollIntoViewIfNeeded();
    const after = await rect('#graph');
    expect(after.right - after.left).toBeGreaterThanOrEqual(graphWidth);
    // Closing ends the answer in the graph too (tests/web/explorer-check.test.ts: the view from before).
    expect(await ui.page.evaluate(() => (document.querySelector('#graph') as HTMLElement).dataset.impact)).toBeUndefined();
    await ui.shot(`what-if-layout-${width}-closed`);
    expect(await ui.page.evaluate(() => document.activeElement?.id)).toBe(width < 700 ? 'what-if' : 'graph');
  }, 180_000);
});
