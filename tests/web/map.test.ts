// The explorer's readable views in a real Chromium against the real server and the demo municipality
// (400 applications): the landscape map, its overlays and legends, the dependency view of one node,
// search in every aggregation mode, and the explorer at 1280×720 and 390 px wide. Screenshots go to
// tests/artifacts/; with ROER_UPDATE_SCREENSHOTS=1 the README's two are written to docs/screenshots/.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { ARTIFACTS, clipped, overlaps, startUi, type Ui } from './browser.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const SCREENSHOTS = join(process.cwd(), 'docs', 'screenshots');

type Tile = { uid: string; name: string; areas: string[]; overlay: Record<string, string> };
type MapAnswer = { areas: { uid: string; name: string }[]; applications: Tile[]; legends: Record<string, { key: string; name?: string; count: number }[]> };

let driver: Driver;
let ui: Ui;
let map: MapAnswer;

/** The README's pictures, made again with ROER_UPDATE_SCREENSHOTS=1. */
const readmeShot = (artifact: string, file: string) => {
  if (process.env.ROER_UPDATE_SCREENSHOTS !== '1') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  copyFileSync(join(ARTIFACTS, `${artifact}.png`), join(SCREENSHOTS, file));
};

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
  const report = await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' });
  expect(report.issues).toEqual([]);
  ui = await startUi(driver, 'map');
  map = await ui.api<MapAnswer>('/api/landscape-map');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('landscape map', () => {
  it('when the explorer opens, then it shows the map: every application as a tile in each of its areas, whole names, no two overlapping', async () => {
    await ui.open('#/explorer');
    const { page } = ui;
    await page.waitForSelector('#map .tile');
    const tiles = await page.$$eval('#map .tile', links => links.map(link => ({ uid: link.getAttribute('data-uid'), name: link.textContent, area: link.closest('[data-area]')!.getAttribute('data-area') })));
    const expected = map.applications.flatMap(tile => tile.areas.map(area => ({ uid: tile.uid, name: tile.name, area })));
    const key = (tile: { uid: string | null; area: string | null }) => `${tile.area} ${tile.uid}`;
    expect(tiles.map(key).sort()).toEqual(expected.map(key).sort());
    expect(new Set(tiles.map(tile => tile.uid)).size).toBe(400);
    expect(tiles.every(tile => tile.name === map.applications.find(a => a.uid === tile.uid)!.name)).toBe(true);
    // What a reader sees: no label over another, no label cut off, every area apart.
    expect(await overlaps(page, '#map .tile-name')).toEqual([]);
    expect(await overlaps(page, '#map .tile')).toEqual([]);
    expect(await overlaps(page, '#map .map-area')).toEqual([]);
    expect(await clipped(page, '#map .tile')).toEqual([]);
    expect(await clipped(page, '#map .map-area h2')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expect(page.locator('#map-heading').textContent()).resolves.toBe('Applicatielandschap van Gemeente Roerdam');
    await ui.shot('map-1440');
    await ui.shot('map-1440-full', true);
    readmeShot('map-1440', 'landscape-map.png');
  });

  it.each(['supplier', 'group', 'lockIn', 'criticality', 'jurisdiction', 'notice'])('when colouring by %s, then the legend names every colour with its count and the tiles wear those colours', async overlay => {
    const { page } = ui;
    await page.selectOption('#map-overlay', overlay);
    const legend = await page.$$eval('#map-legend-list button', buttons => buttons.map(button => ({
      key: button.getAttribute('data-key')!, text: button.textContent!.trim(), colour: getComputedStyle(button.querySelector('.swatch')!).backgroundColor,
    })));
    expect(legend.map(entry => entry.key)).toEqual(map.legends[overlay].map(entry => entry.key));
    const tiles = await page.$$eval('#map .tile', links => links.map(link => ({ uid: link.getAttribute('data-uid')!, key: link.getAttribute('data-key')!, colour: getComputedStyle(link).backgroundColor })));
    for (const [index, entry] of legend.entries()) {
      const wearing = tiles.filter(tile => tile.key === entry.key);
      expect(wearing.length).toBeGreaterThan(0);
      expect(new Set(wearing.map(tile => tile.colour))).toEqual(new Set([entry.colour]));
      const count = map.legends[overlay][index].count;
      expect(new Set(wearing.map(tile => tile.uid)).size).toBe(count);
      expect(entry.text.endsWith(`(${count.toLocaleString('nl-NL')})`)).toBe(true);
      // Names a person reads, never a uid or a key.
      expect(entry.text).not.toMatch(/supplier:|group:|^b\d|within|passed/);
    }
    expect(new Set(legend.map(entry => entry.colour)).size).toBe(legend.length);
    await expect(page.locator('#map-answer').textContent()).resolves.toMatch(/\d/);
    await ui.shot(`map-overlay-${overlay}`);
  });

  it('when a legend entry is clicked, then the other applications fade and the entry says it is pressed', async () => {
    const { page } = ui;
    await page.selectOption('#map-overlay', 'jurisdiction');
    await page.click('#map-legend-list button[data-key="US"]');
    expect(await page.getAttribute('#map-legend-list button[data-key="US"]', 'aria-pressed')).toBe('true');
    const faded = await page.$$eval('#map .tile', links => links.filter(link => link.classList.contains('dim')).map(link => link.getAttribute('data-key')));
    expect(faded.length).toBeGreaterThan(0);
    expect(faded.every(key => key !== 'US')).toBe(true);
    await ui.shot('map-emphasis');
    await page.click('#map-legend-list button[data-key="US"]');
    expect(await page.$$eval('#map .tile.dim', links => links.length)).toBe(0);
  });

  it('when the areas are reference components, then there is one area per component the API lists', async () => {
    const { page } = ui;
    const components = await ui.api<MapAnswer>('/api/landscape-map?areas=referenceComponent');
    await page.check('#areas-referenceComponent');
    await page.waitForFunction(n => document.querySelectorAll('#map .map-area').length === n && document.body.dataset.ready === 'true', components.areas.length);
    expect(await overlaps(page, '#map .tile-name')).toEqual([]);
    await ui.shot('map-components');
    await page.check('#areas-businessFunction');
    await page.waitForFunction(n => document.querySelectorAll('#map .map-area').length === n, map.areas.length);
  });

  it('when a tile is reached by keyboard and Enter is pressed, then its dependency view opens', async () => {
    const { page } = ui;
    await ui.open('#/explorer');
    // From one tile, Tab reaches the next, with a visible focus ring.
    await page.focus('#map .tile');
    await page.keyboard.press('Tab');
    const uid = await page.evaluate(() => document.activeElement!.getAttribute('data-uid'));
    const tile = map.applications.find(application => application.uid === uid)!;
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    await expect(page.locator('#deps-heading').textContent()).resolves.toBe(`Afhankelijkheden van ${tile.name}`);
  });
});

describe('dependency view', () => {
  // An application with parallel interfaces to another (folded into one edge) and with dependants.
  const subject = async () => (await read<{ uid: string; name: string }>(driver,
    `MATCH (a:Application)-[r:DEPENDS_ON {kind: 'flow'}]->(b:Application) WITH a, b, count(r) AS n WHERE n > 1
     WITH DISTINCT a WHERE EXISTS { (a)<-[:DEPENDS_ON]-() } AND EXISTS { (a)-[:RUNS_ON]->() }
     RETURN a.uid AS uid, a.name AS name ORDER BY a.uid LIMIT 1`))[0];

  const checkReadable = async () => {
    const { page } = ui;
    expect(await overlaps(page, '#deps .dep-card')).toEqual([]);
    expect(await overlaps(page, '#deps .edge-label')).toEqual([]);
    expect(await overlaps(page, '#deps .edge-label', '#deps .dep-card')).toEqual([]);
    expect(await clipped(page, '#deps .dep-card')).toEqual([]);
    // Every line carries words, beside the node it leads to.
    const edges = await page.$$eval('#deps path.edge', paths => paths.map(path => path.getAttribute('data-to')));
    const labelled = await page.$$eval('#deps .edge-label', labels => labels.map(label => ({ to: label.getAttribute('data-to'), text: label.textContent })));
    expect(edges.length).toBeGreaterThan(0);
    for (const to of edges) expect(labelled.find(label => label.to === to)?.text).toMatch(/\p{L}{2,}/u);
    return labelled.map(label => label.text ?? '');
  };

  it('when an application is in the middle, then what it needs is left, what needs it right, and every line says its relationship in words', async () => {
    const { page } = ui;
    const app = await subject();
    const view = await ui.api<{ before: { nodes: unknown[] }[]; after: { total: number }[]; edges: { to: string; count: number }[] }>(`/api/dependencies/${encodeURIComponent(app.uid)}`);
    await ui.open(`#/explorer?node=${encodeURIComponent(app.uid)}`);
    await page.waitForSelector('#deps path.edge');
    await expect(page.locator('#deps-heading').textContent()).resolves.toBe(`Afhankelijkheden van ${app.name}`);
    expect(await page.$$eval('#deps .deps-column.before .dep-card', cards => cards.length)).toBe(view.before[0].nodes.length);
    expect(await page.$$eval('#deps .deps-column.after .dep-card', cards => cards.length)).toBe(Math.min(8, view.after[0].total));
    const words = (await checkReadable()).join(' | ');
    for (const phrase of ['draait op', 'geleverd door', 'levert gegevens aan']) expect(words).toContain(phrase);
    // Parallel interfaces are one line with their count.
    const folded = view.edges.find(edge => edge.count > 1)!;
    await expect(page.locator(`#deps .edge-label[data-to="${folded.to}"]`).textContent()).resolves.toContain(`${folded.count} koppelingen`);
    expect(await page.$$eval(`#deps path.edge[data-to="${folded.to}"]`, paths => paths.length)).toBe(1);
    await expect(page.locator('#panel-title').textContent()).resolves.toBe(app.name);
    await ui.shot('dependency-view');
    readmeShot('dependency-view', 'dependency-view.png');
  });

  it('when "more" and "one step further" are pressed, then the column grows and a second step appears, still readable', async () => {
    const { page } = ui;
    const before = await page.$$eval('#deps .deps-column.after[data-hop="1"] .dep-card', cards => cards.length);
    const more = page.locator('#deps .deps-column.after[data-hop="1"] button.more');
    if (await more.count()) {
      await more.click();
      await page.waitForFunction(n => document.querySelectorAll('#deps .deps-column.after[data-hop="1"] .dep-card').length > n, before);
    }
    await page.click('#deps-step-before');
    await page.waitForSelector('#deps .deps-column.before[data-hop="2"] .dep-card');
    await page.waitForTimeout(100); // the lines are drawn on the next frame
    const words = (await checkReadable()).join(' | ');
    expect(words).toMatch(/draait op|biedt platform|aangeboden door|hoort bij concern/);
    await ui.shot('dependency-view-two-steps', true);
  });

  it('when a card is clicked, then that node moves to the middle', async () => {
    const { page } = ui;
    const card = page.locator('#deps .deps-column.before[data-hop="1"] a.dep-card').first();
    const uid = await card.getAttribute('data-uid');
    await card.click();
    await page.waitForFunction(id => document.querySelector('#deps .centre-card')?.getAttribute('data-uid') === id, uid);
    await checkReadable();
  });
});

describe('links from the lists', () => {
  it.each([
    ['#/exposure', '#exposure-table tbody a'],
    ['#/calendar', '#calendar-table tbody a'],
    ['#/spof', '#spof-table tbody a[data-dependencies]'],
  ])('when a name on %s is followed, then its dependency view opens', async (hash, selector) => {
    const { page } = ui;
    await ui.open(hash);
    const link = page.locator(selector).first();
    const name = await link.getAttribute('href');
    await link.click();
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    expect(await page.evaluate(() => location.hash)).toBe(name);
    expect(await page.evaluate(() => document.querySelector('#deps .centre-card')!.getAttribute('data-uid'))).toBe(decodeURIComponent(name!.replace('#/explorer?node=', '')));
  });
});

describe('the contract calendar of the demo', () => {
  it('when the timeline cannot show every contract of the window, then it says how many it shows', async () => {
    const { page } = ui;
    await ui.open('#/calendar');
    await page.locator('#calendar-table tbody tr').first().waitFor();
    const total = await page.locator('#calendar-table tbody tr').count();
    expect(total).toBeGreaterThan(60);
    expect(await page.locator('#calendar-timeline text[text-anchor=end]').count()).toBe(60);
    await expect(page.locator('#calendar-timeline-cut').textContent()).resolves.toBe(` · de tijdlijn toont de 60 dringendste van ${total} contracten; de tabel hieronder toont ze allemaal`);
    // The demo's long names fit left of the chart, the bold ones to act on now too (one read "ievit Software Aanvragen Suite, Kievit So…").
    const names = page.locator('#calendar-timeline text[text-anchor=end]');
    expect(await page.locator('#calendar-timeline text[font-weight=bold]').count()).toBeGreaterThan(0);
    expect(await names.evaluateAll(texts => texts.filter(text => (text as SVGTextElement).getBBox().x < 0).map(text => text.textContent))).toEqual([]);
  });
});

describe('a contract in the middle', () => {
  it('when a contract\'s dependency view opens, then it is named by its supplier and what it covers, as the calendar names it', async () => {
    const { page } = ui;
    // The model has no contract name: the heading said "Afhankelijkheden van c-0121".
    const [contract] = await read<{ uid: string; id: string; supplier: string; application: string }>(driver,
      `MATCH (c:Contract) WHERE COUNT { (c)-[:WITH]->(:Supplier) } = 1 AND COUNT { (c)-[:COVERS]->(:Application) } = 1
       MATCH (c)-[:WITH]->(s:Supplier), (c)-[:COVERS]->(a:Application)
       RETURN c.uid AS uid, c.id AS id, s.name AS supplier, a.name AS application ORDER BY c.uid LIMIT 1`);
    await ui.open(`#/explorer?node=${encodeURIComponent(contract.uid)}`);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    await expect(page.locator('#deps-heading').textContent()).resolves.toBe(`Afhankelijkheden van ${contract.supplier} – ${contract.application} (${contract.id})`);
    await expect(page.locator('#deps-answer').textContent()).resolves.toContain(`${contract.supplier} – ${contract.application} (${contract.id})`);
  });
});

describe('search', () => {
  it.each(['auto', 'none', 'supplier', 'referenceComponent'])('when applications are aggregated "%s" in the graph view, then search still finds one and opens its dependency view', async aggregate => {
    const { page } = ui;
    const app = map.applications.find(tile => tile.name === 'Meerkoet Software Zaakregie')!;
    await ui.open('#/explorer?view=graph');
    await page.selectOption('#aggregate', aggregate);
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && document.querySelector('#graph-status')?.textContent?.includes('zichtbaar'));
    const drawn = await page.evaluate(() => (window as any).roer.visible() as string[]);
    if (aggregate === 'supplier' || aggregate === 'referenceComponent') expect(drawn).not.toContain(app.uid);
    await page.fill('#search', 'zaakregie meerkoet');
    await page.waitForSelector(`#search-list li[data-id="${app.uid}"]`);
    await page.locator(`#search-list li[data-id="${app.uid}"]`).dispatchEvent('mousedown');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#/explorer?node=${app.uid}`);
    await expect(page.locator('#deps-heading').textContent()).resolves.toBe(`Afhankelijkheden van ${app.name}`);
  });

  it('when a name is typed on the map and Enter pressed, then the first hit opens; a name that matches nothing says so', async () => {
    const { page } = ui;
    await ui.open('#/explorer');
    await page.fill('#search', 'Plevier Berichtenbus');
    await page.waitForSelector('#search-list li');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => !!document.querySelector('#deps .centre-card'));
    await expect(page.locator('#deps .centre-card .name').textContent()).resolves.toBe('Plevier Software Berichtenbus');
    await page.fill('#search', 'qqqxyz');
    await page.waitForFunction(() => document.querySelector('#search-note')?.textContent === 'Niets gevonden voor ‘qqqxyz’.');
  });
});

describe('small screens', () => {
  it('when the window is 1280×720, then the network view\'s sidebar labels fit and every control can be reached', async () => {
    const { page } = ui;
    await page.setViewportSize({ width: 1280, height: 720 });
    await ui.open('#/explorer?view=graph');
    const problems = await page.evaluate(() => {
      const sidebar = document.querySelector('.sidebar')!;
      const edge = sidebar.getBoundingClientRect().left + sidebar.clientWidth;
      return [...sidebar.querySelectorAll<HTMLElement>('label, legend, summary, select, button, input[type=search]')]
        .filter(el => el.offsetParent !== null && (el.getBoundingClientRect().right > edge + 0.5 || el.scrollWidth > el.clientWidth + 1))
        .map(el => el.textContent?.trim() || el.id);
    });
    expect(problems).toEqual([]);
    // Every control scrolls into view inside the window.
    const controls = await page.$$('.sidebar input, .sidebar select, .sidebar button');
    for (const control of controls) {
      if (!(await control.isVisible())) continue;
      await control.scrollIntoViewIfNeeded();
      const box = (await control.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(720);
      expect(box.x + box.width).toBeLessThanOrEqual(1280);
    }
    await page.evaluate(() => document.querySelector('.sidebar')!.scrollTo(0, 0));
    await ui.shot('explorer-graph-1280x720');
  });

  it('when the window is 1280×720, then the map and the dependency view fit its width', async () => {
    const { page } = ui;
    await ui.open('#/explorer');
    await page.waitForSelector('#map .tile');
    expect(await overlaps(page, '#map .tile-name')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await ui.shot('map-1280x720');
    const app = map.applications.find(tile => tile.name === 'Meerkoet Software Zaakregie')!;
    await ui.open(`#/explorer?node=${encodeURIComponent(app.uid)}`);
    await page.waitForSelector('#deps path.edge');
    expect(await page.evaluate(() => { const box = document.querySelector('.deps-scroll')!; return box.scrollWidth <= box.clientWidth; })).toBe(true);
    expect(await overlaps(page, '#deps .edge-label', '#deps .dep-card')).toEqual([]);
    await ui.shot('dependency-view-1280x720');
  });

  it('when the window is 390 px wide, then the tiles wrap and nothing scrolls sideways', async () => {
    const { page } = ui;
    await page.setViewportSize({ width: 390, height: 844 });
    await ui.open('#/explorer');
    await page.waitForSelector('#map .tile');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await overlaps(page, '#map .tile-name')).toEqual([]);
    expect(await clipped(page, '#map .tile')).toEqual([]);
    expect(await page.$$eval('#map .tile', links => links.every(link => link.getBoundingClientRect().right <= 390))).toBe(true);
    await ui.shot('map-390', true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});
