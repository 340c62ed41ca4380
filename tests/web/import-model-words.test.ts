// An ArchiMate model imported through the import page, read as a municipal user reads it (real server,
// real Neo4j, Chromium): the page says what it read in words ("1 applicatie, 1 platform"), not "Knopen";
// the platform's type and jurisdiction, written in the model as codes ("cloud", "EU"), show in Dutch in
// its panel and on the map, with the model's other properties by their own names.
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { resetDatabase, testDriver } from '../support/db.js';
import { startUi, type Ui } from './browser.js';

let driver: Driver;
let ui: Ui;
let page: Page;

const MODEL = `<?xml version="1.0" encoding="UTF-8"?>
<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-m">
  <name xml:lang="nl">Gemeente Proef</name>
  <elements>
    <element identifier="id-zaak" xsi:type="ApplicationComponent"><name xml:lang="nl">Zaaksysteem Z</name></element>
    <element identifier="id-acme" xsi:type="BusinessActor">
      <name xml:lang="nl">Acme Software B.V.</name>
      <properties><property propertyDefinitionRef="p-gt"><value>Leverancier</value></property></properties>
    </element>
    <element identifier="id-cloud" xsi:type="Node">
      <name xml:lang="nl">Wolk Oost</name>
      <properties>
        <property propertyDefinitionRef="p-type"><value>cloud</value></property>
        <property propertyDefinitionRef="p-jur"><value>US</value></property>
        <property propertyDefinitionRef="p-beh"><value>Team ICT</value></property>
      </properties>
    </element>
  </elements>
  <relationships>
    <relationship identifier="id-r1" source="id-cloud" target="id-zaak" xsi:type="Serving"/>
    <relationship identifier="id-r2" source="id-acme" target="id-zaak" xsi:type="Association"/>
  </relationships>
  <propertyDefinitions>
    <propertyDefinition identifier="p-gt" type="string"><name>GEMMA type</name></propertyDefinition>
    <propertyDefinition identifier="p-type" type="string"><name>type</name></propertyDefinition>
    <propertyDefinition identifier="p-jur" type="string"><name>jurisdictie</name></propertyDefinition>
    <propertyDefinition identifier="p-beh" type="string"><name>Beheerder</name></propertyDefinition>
  </propertyDefinitions>
</model>`;

async function submit(button: '#import-dry-run' | '#import-commit'): Promise<string> {
  await page.setInputFiles('#import-files', [{ name: 'gemeente-proef.xml', mimeType: 'application/xml', buffer: Buffer.from(MODEL) }]);
  await page.fill('#import-organisation', 'gm9999');
  await page.click(button);
  await page.waitForSelector('#import-model-nodes', { timeout: 120_000 });
  return (await page.locator('#import-model-nodes').textContent()) ?? '';
}

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  ui = await startUi(driver, 'import-model-words', { width: 1280, height: 900 });
  page = ui.page;
  await ui.open('#/import');
}, 600_000);

afterAll(async () => {
  await ui?.close();
  await driver?.close();
});

describe('an ArchiMate import in words', () => {
  it('when a model is checked and imported, then the page says what it holds and read by kind in Dutch, not "Knopen"', async () => {
    expect(await submit('#import-dry-run')).toBe('In het model: 1 applicatie, 1 platform, 1 leverancier.');
    expect(await submit('#import-commit')).toBe('Ingelezen: 1 applicatie, 1 organisatie, 1 platform, 1 leverancier. Daarvan 4 nieuw.');
    expect(await page.locator('#import-result').textContent()).not.toMatch(/Knopen|Platform:/);
    await ui.shot('import-model-words-nl', true);
    expect(await submit('#import-commit')).toBe('Ingelezen: 1 applicatie, 1 organisatie, 1 platform, 1 leverancier. Daarvan 4 ongewijzigd.');
  }, 300_000);

  it('when the imported platform is opened, then its type and jurisdiction read in Dutch and the model\'s own properties by their names, not as codes', async () => {
    await ui.open('#/explorer?node=platform%3Aid-cloud');
    await page.waitForSelector('#panel-properties', { timeout: 60_000 });
    const panel = (await page.locator('#panel-properties').innerText()).replace(/\s+/g, ' ');
    expect(panel).toContain('Soort IaaS (cloudservers)');
    expect(panel).toContain('Jurisdictie Verenigde Staten');
    expect(panel).toContain('Beheerder Team ICT');
    expect(panel).not.toMatch(/archimateProperties|"key"|cloud"|"US"|type cloud|jurisdictie US/i);
    await ui.shot('import-model-words-panel-nl', true);
  }, 120_000);

  it('when the map shows the model\'s application, then its tooltip names the jurisdiction in Dutch, not "US"', async () => {
    await ui.open('#/explorer');
    const tile = page.locator('#map .tile[data-uid="app:gm9999/id-zaak"]').first();
    await tile.waitFor({ timeout: 60_000 });
    expect(await tile.getAttribute('title')).toContain('Jurisdictie van de hosting: Verenigde Staten');
  }, 120_000);
});
