// The import page after a GEMMA release that renames reference components, in a real Chromium against a
// real server and the test Neo4j: it says which sources' applications followed the new names, and the
// municipality's unchanged CSV uploaded afterwards is reported unchanged.
import type { Driver } from 'neo4j-driver';
import { importGemma } from '../../importers/gemma.js';
import { RENAMES, catalogue } from '../importers/gemma-like.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { type Ui, startUi } from './browser.js';

const APPLICATIONS = 'id,organisation,name,referenceComponents\na1,gm1,Servicebus,Serviceregistercomponent\na2,gm1,IAM,Gebruikersbeheercomponent\na3,gm1,Zaaksysteem,Zaakregistratiecomponent\n';

let driver: Driver;
let ui: Ui;

async function upload(name: string, text: string, source: string): Promise<string> {
  const { page } = ui;
  await page.setInputFiles('#import-files', [{ name, mimeType: name.endsWith('.xml') ? 'application/xml' : 'text/csv', buffer: Buffer.from(text) }]);
  await page.fill('#import-source', source);
  await page.click('#import-commit');
  await page.waitForFunction(() => !document.querySelector('#import-status') && (document.querySelector('#import-result')?.textContent ?? '') !== '', null, { timeout: 120_000 });
  return (await page.locator('#import-result').textContent()) ?? '';
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  ui = await startUi(driver, 'gemma-renames', { width: 1280, height: 900 });
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('import page: a GEMMA release that renames components', () => {
  it('when the new release is uploaded, then the page says whose applications follow the new names, and their unchanged CSV stays unchanged', async () => {
    await importGemma(driver, Buffer.from(catalogue(name => name)), { fileName: 'gemma-1.xml' });
    expect(await upload('applications.csv', APPLICATIONS, 'csv:gm1')).not.toContain('niet gewijzigd');

    await upload('gemma-2.xml', catalogue(name => RENAMES[name] ?? name), '');
    const hint = await ui.page.locator('#import-reresolved').textContent();
    expect(hint).toBe('Deze GEMMA-release gaf 2 referentiecomponent(en) een nieuwe naam. De applicaties die ze noemen volgen de nieuwe namen: 2 applicatie(s) van gm1 (CSV-bestanden). Een nieuwe import van hun ongewijzigde bestanden blijft ongewijzigd.');
    await ui.shot('import-gemma-renames', true);

    const again = await upload('applications.csv', APPLICATIONS, 'csv:gm1');
    expect(again).toContain('de gegevens zijn niet gewijzigd sinds de import van');
    expect(again).toContain('er is niets geschreven');
    expect(await ui.page.locator('#import-catalogue').count()).toBe(0);
  });
});
