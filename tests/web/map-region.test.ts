// The landscape map at region scale (the demo region: 10 municipalities, about 4,300 applications) in
// a real Chromium: without a chosen organisation it says what to do and gives counts per area; one
// organisation chosen, its map is readable; search finds an application of another organisation.
import type { Driver } from 'neo4j-driver';
import { generateLandscape } from '../../importers/demo/generate.js';
import { importLandscape } from '../../importers/import.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { clipped, overlaps, startUi, type Ui } from './browser.js';

type MapAnswer = {
  mode: string;
  organisations: { id: string; name: string; applications: number }[];
  areas: { uid: string; applications: number; organisations: number }[];
  applications: { uid: string; name: string; areas: string[] }[];
};

let driver: Driver;
let ui: Ui;

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  const report = await importLandscape(driver, generateLandscape({ size: 'region' }), { source: 'demo:region', user: 'test' });
  expect(report.issues).toEqual([]);
  ui = await startUi(driver, 'map-region');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('landscape map of a region', () => {
  it('when no organisation is chosen, then the page says to choose one and counts the applications per area', async () => {
    const all = await ui.api<MapAnswer>('/api/landscape-map');
    expect(all.mode).toBe('choose');
    expect(all.organisations).toHaveLength(10);
    await ui.open('#/explorer');
    const { page } = ui;
    await expect(page.locator('#map-choose').textContent()).resolves.toBe('Kies een organisatie om haar applicaties te zien.');
    expect(await page.locator('#map .tile').count()).toBe(0);
    const buttons = await page.$$eval('#map-organisations button', list => list.map(button => button.textContent));
    expect(buttons).toEqual(all.organisations.map(o => `${o.name} ${o.applications.toLocaleString('nl-NL')} applicaties`));
    const counts = await page.$$eval('#map-area-counts li', items => items.map(item => [item.getAttribute('data-area'), item.textContent]));
    expect(counts.map(([area]) => area)).toEqual(all.areas.map(area => area.uid));
    expect(counts[0][1]).toContain(`${all.areas[0].applications.toLocaleString('nl-NL')} applicaties in ${all.areas[0].organisations} organisaties`);
    await ui.shot('map-region-choose', true);
  });

  it('when an organisation is chosen, then its map shows each of its applications, readable and apart', async () => {
    const { page } = ui;
    const all = await ui.api<MapAnswer>('/api/landscape-map');
    const chosen = all.organisations[3];
    const one = await ui.api<MapAnswer>(`/api/landscape-map?organisation=${encodeURIComponent(chosen.id)}`);
    expect(one.mode).toBe('map');
    expect(one.applications).toHaveLength(chosen.applications);
    await page.click(`#map-organisations button[data-organisation="${chosen.id}"]`);
    await page.waitForSelector('#map .tile');
    await expect(page.locator('#map-heading').textContent()).resolves.toBe(`Applicatielandschap van ${chosen.name}`);
    await expect(page.locator('#organisation summary').textContent()).resolves.toBe(chosen.name);
    const uids = await page.$$eval('#map .tile', links => links.map(link => link.getAttribute('data-uid')));
    expect(uids).toHaveLength(one.applications.reduce((sum, tile) => sum + tile.areas.length, 0));
    expect(new Set(uids).size).toBe(chosen.applications);
    expect(await overlaps(page, '#map .tile-name')).toEqual([]);
    expect(await clipped(page, '#map .tile')).toEqual([]);
    await ui.shot('map-region-organisation');
  });

  it('when an application of another organisation is searched, then its dependency view says whose it is and shows it within that organisation', async () => {
    const { page } = ui;
    const all = await ui.api<MapAnswer>('/api/landscape-map');
    const other = all.organisations[5];
    const theirs = await ui.api<MapAnswer>(`/api/landscape-map?organisation=${encodeURIComponent(other.id)}`);
    const app = theirs.applications[0];
    // From the map of the organisation chosen before: a name several organisations use says whose each hit is.
    await ui.open('#/explorer');
    await page.waitForSelector('#map .tile');
    await page.fill('#search', app.name);
    const hit = page.locator(`#search-list li[data-id="${app.uid}"]`);
    await hit.waitFor();
    await expect(hit.textContent()).resolves.toBe(`${app.name} — Applicatie · ${other.name}`);
    await hit.dispatchEvent('mousedown');
    await page.waitForFunction(() => document.body.dataset.ready === 'true' && !!document.querySelector('#deps .centre-card'));
    expect(await page.evaluate(() => decodeURIComponent(location.hash))).toBe(`#/explorer?node=${app.uid}`);
    await expect(page.locator('.deps-page .message').textContent()).resolves.toBe(`${app.name} hoort bij ${other.name}; de afhankelijkheden staan hier binnen die organisatie.`);
    expect(await overlaps(page, '#deps .dep-card')).toEqual([]);
  });
});
