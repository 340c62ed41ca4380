// UI: headless Debian Chromium (playwright-core) against the server started as `npm start`. For
// organisation sets whose explorer graph is closest to each target size: time from navigation to
// a painted, interactive landscape (the page's `body[data-ready=true]`, set once the graph is in
// Cytoscape with its first layout, plus two animation frames so it is on screen), to the finished
// force layout (`#layout-busy` hidden again), and frame times while panning (requestAnimationFrame
// deltas during a mouse drag on the canvas).
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright-core';
import { startServer } from './server-process.js';

export type UiOptions = { targets: number[]; repeats: number; port: number; organisations: string[]; neo4jUri: string };

export type UiRow = {
  target: number;
  organisations: number;
  /** The explorer's aggregation setting: auto is what navigation shows; another one is chosen in the filter bar. */
  aggregate: string;
  elements: number;
  nodes: number;
  edges: number;
  aggregated: boolean;
  /** Median over the repeats, each in a fresh browser context (no cached positions). */
  paintedMs: number;
  paintedRunsMs: number[];
  layoutDoneMs: number;
  panFrames: number;
  panP95FrameMs: number;
  panMaxFrameMs: number;
  loadAverage: [number, number];
};

export type UiResult = { rows: UiRow[]; serverPeakRssMb: number; browserArgs: string[] };

const KINDS = 'Organisation,Application,Supplier,SupplierGroup,Platform,ReferenceComponent,BusinessFunction';
// The explorer's own limit (web/src/explorer.ts MAX_ELEMENTS): above it the server folds per supplier.
const MAX_ELEMENTS = 6000;
export const BROWSER_ARGS = ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--no-first-run'];

const AGGREGATES = ['auto', 'supplier', 'referenceComponent', 'none'] as const;
type Candidate = { k: number; aggregate: (typeof AGGREGATES)[number]; nodes: number; edges: number; elements: number; aggregated: boolean };
/** Painted: the page says it is ready and the graph canvas holds `nodes` nodes (-1: any). As a string: tsx would add helpers to a function. */
const PAINTED = (nodes: number) =>
  `document.body.dataset.ready === 'true' && !!document.querySelector('#graph canvas') && window.roer && (${nodes} < 0 || window.roer.visible().length === ${nodes})`;

type Graph = { nodes: unknown[]; edges: unknown[]; aggregated?: unknown };

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export async function benchUi(options: UiOptions, log: (message: string) => void): Promise<UiResult> {
  const server = await startServer(options.neo4jUri, options.port, log);
  let browser: Browser | undefined;
  try {
    // What the explorer would get for the first k organisations, k = 1, 2, … per aggregation mode,
    // until every mode is past twice the largest target, and at most 20 organisations (the country
    // has 342: all of them would fetch ever larger graphs 342 times); "elements" are nodes + edges,
    // what Cytoscape holds.
    const sizes: Candidate[] = [];
    const enough = 2 * Math.max(...options.targets);
    for (let k = 1; k <= Math.min(options.organisations.length, 20); k++) {
      if (k > 1 && sizes.filter(size => size.k === k - 1).every(size => size.elements > enough)) break;
      for (const aggregate of AGGREGATES) {
        const organisation = options.organisations.slice(0, k).join(',');
        const response = await fetch(`${server.base}/api/graph?organisation=${encodeURIComponent(organisation)}&kinds=${KINDS}&maxElements=${MAX_ELEMENTS}&aggregate=${aggregate}`);
        const graph = (await response.json()) as Graph;
        sizes.push({ k, aggregate, nodes: graph.nodes.length, edges: graph.edges.length, elements: graph.nodes.length + graph.edges.length, aggregated: Boolean(graph.aggregated) });
      }
    }
    log(`  explorer graphs (organisations/aggregation → nodes+edges): ${sizes.map(s => `${s.k}/${s.aggregate}→${s.nodes}+${s.edges}`).join(' ')}`);

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: BROWSER_ARGS });
    const rows: UiRow[] = [];
    for (const target of options.targets) {
      // Closest in elements; on a tie the default view (auto) over a chosen aggregation.
      const best = sizes.reduce((a, b) => (Math.abs(b.elements - target) < Math.abs(a.elements - target) ? b : a));
      const chosen = options.organisations.slice(0, best.k);
      const loadBefore = loadavg()[0];
      const painted: number[] = [];
      const layoutDone: number[] = [];
      let frames: number[] = [];
      for (let repeat = 0; repeat < options.repeats; repeat++) {
        // bypassCSP: the app's CSP forbids eval, which Playwright's string predicates need; rendering is unaffected.
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
        await context.addInitScript(ids => sessionStorage.setItem('roer.organisations', ids), chosen.join(','));
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', error => errors.push(error.message));
        let started = performance.now();
        await page.goto(`${server.base}/#/explorer`);
        if (best.aggregate !== 'auto') {
          // Another aggregation is the user's choice in the filter bar: timed from that choice.
          await page.waitForFunction(PAINTED(-1), null, { timeout: 120_000, polling: 'raf' });
          started = performance.now();
          await page.selectOption('#aggregate', best.aggregate);
        }
        await page.waitForFunction(PAINTED(best.nodes), null, { timeout: 120_000, polling: 'raf' });
        await page.evaluate('new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))');
        painted.push(performance.now() - started);
        await page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'), null, { timeout: 300_000, polling: 100 });
        layoutDone.push(performance.now() - started);
        const shown = await page.evaluate<number>('window.roer.visible().length');
        if (shown !== best.nodes) throw new Error(`The explorer shows ${shown} nodes, the graph API returned ${best.nodes}`);
        if (errors.length) throw new Error(`Page errors: ${errors.join('; ')}`);
        if (repeat === options.repeats - 1) frames = await panFrames(page);
        await context.close();
      }
      frames.sort((a, b) => a - b);
      const row: UiRow = {
        target, organisations: best.k, aggregate: best.aggregate, elements: best.elements, nodes: best.nodes, edges: best.edges, aggregated: best.aggregated,
        paintedMs: Math.round(median(painted)), paintedRunsMs: painted.map(Math.round), layoutDoneMs: Math.round(median(layoutDone)),
        panFrames: frames.length,
        panP95FrameMs: Math.round(frames[Math.min(frames.length - 1, Math.ceil(0.95 * frames.length) - 1)] * 10) / 10,
        panMaxFrameMs: Math.round(frames[frames.length - 1] * 10) / 10,
        loadAverage: [Math.round(loadBefore * 100) / 100, Math.round(loadavg()[0] * 100) / 100],
      };
      log(`  ${target} → ${row.nodes} nodes/${row.edges} edges (${row.organisations} org.): painted ${row.paintedMs} ms, layout ${row.layoutDoneMs} ms, pan p95 ${row.panP95FrameMs} ms max ${row.panMaxFrameMs} ms`);
      rows.push(row);
    }
    return { rows, serverPeakRssMb: server.peakRssMb(), browserArgs: BROWSER_ARGS };
  } finally {
    await browser?.close();
    await server.stop();
  }
}

/** Drags the canvas for ~3 s in small steps while the page records requestAnimationFrame deltas. */
async function panFrames(page: import('playwright-core').Page): Promise<number[]> {
  const box = (await page.locator('#graph').boundingBox())!;
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stopFrames = false;
    let last = 0;
    const tick = now => {
      window.frames_.push(now - last);
      last = now;
      if (!window.stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(now => {
      last = now;
      requestAnimationFrame(tick);
    });
  })()`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  const until = performance.now() + 3000;
  for (let i = 0; performance.now() < until; i++) {
    const angle = i / 10;
    await page.mouse.move(x + Math.cos(angle) * 200, y + Math.sin(angle) * 150, { steps: 2 });
  }
  await page.mouse.up();
  return page.evaluate<number[]>('(window.stopFrames = true, window.frames_)');
}
