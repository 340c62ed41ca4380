// A person's own input refused, as they read it (real server, real Neo4j, Chromium): the field by the
// label the page gives it and what to do, in the page's language, never "the request to the server was
// not valid". A date that does not exist is refused as a date (it was a 500), once, field named.
import type { Driver } from 'neo4j-driver';
import { importLandscape } from '../../importers/import.js';
import { Landscape } from '../../importers/model.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';

let driver: Driver;
let ui: Ui;

const landscape = () => Landscape.parse({
  suppliers: [{ id: 'acme', name: 'Acme B.V.' }],
  applications: [{ id: 'zaak', organisation: 'gemeente-noord', name: 'Zaaksysteem', supplier: 'acme', criticality: 'high' }],
});

/** Opens `hash` in `lang` afresh (the app reads the language when it starts). */
async function show(hash: string, lang: 'nl' | 'en'): Promise<void> {
  await ui.page.goto(`${ui.base}/`);
  await ui.page.evaluate(l => localStorage.setItem('roer.lang', l), lang);
  await ui.open(hash);
  await ui.page.reload();
  await ui.page.waitForFunction(() => document.body.dataset.ready === 'true', null, { timeout: 60_000 });
}

/** Sends the advisory form and returns what the page says under it. */
async function advise(product: string, range: string): Promise<string> {
  await ui.page.fill('#adv-product', product);
  await ui.page.fill('#adv-range', range);
  await ui.page.click('#adv-submit');
  await ui.page.waitForSelector('#adv-result .message.error');
  return ui.page.locator('#adv-result .message.error').innerText();
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  expect((await importLandscape(driver, landscape(), { source: 'csv:noord', user: 'test' })).issues).toEqual([]);
  // A Dutch Chromium (Accept-Language nl), as the users have.
  ui = await startUi(driver, 'inputwords', { width: 1280, height: 900 }, 'nl-NL');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('the user\'s own input refused, in their words', () => {
  it('when a date that does not exist is asked for, then the API refuses it as a date (400, the field named once), not a 500 or an unknown run', async () => {
    for (const since of ['2026-02-31', '31-01-2026', '2026-02-31T10:00:00Z']) {
      const response = await fetch(`${ui.base}/api/changes?since=${encodeURIComponent(since)}`);
      expect([since, response.status]).toEqual([since, 400]);
      const problem = await response.json() as { detail: string; errors: { field: string }[] };
      expect(problem.errors.map(error => error.field)).toEqual(['since']);
      expect(problem.detail).not.toMatch(/since: since:/);
    }
    expect((await fetch(`${ui.base}/api/changes?since=2026-01-31`)).status).toBe(200);
  });

  it('when the changes page is opened with a wrong date, then it names the date field and says how to write one', async () => {
    await show('#/changes?since=2026-02-31', 'nl');
    const text = await ui.page.locator('main .message.error').innerText();
    expect(text).toBe('‘Sinds datum’ is geen geldige datum: gebruik dd-mm-jjjj, zoals 31-01-2026.');
    await ui.shot('input-words-changes-nl', true);
    await show('#/changes?since=2026-02-31', 'en');
    expect(await ui.page.locator('main .message.error').innerText()).toBe('‘Since date’ is not a valid date: use dd-mm-yyyy, such as 31-01-2026.');
  });

  it('when the advisory form is sent with the product left empty or versions that are no range, then it names the field, in Dutch and English', async () => {
    await show('#/ictfoto', 'nl');
    expect(await advise('   ', '')).toBe('‘Product’ is niet ingevuld.');
    const range = await advise('Tomcat', 'abc');
    expect(range).toMatch(/^‘Getroffen versies’ klopt niet; verwacht: een versiebereik zoals ">=2\.0 <2\.4\.1"/);
    expect(range).not.toMatch(/server|range:|a version range/);
    await ui.shot('input-words-advisory-nl', true);
    await show('#/ictfoto', 'en');
    expect(await advise('   ', '')).toBe('‘Product’ is empty.');
    expect(await advise('Tomcat', 'abc')).toMatch(/^‘Affected versions’ is not right; expected: a version range such as ">=2\.0 <2\.4\.1"/);
  });
});
