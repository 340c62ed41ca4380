// The security review's attack, in a real Chromium: a page on another origin posts an import to Roer
// (auth off, as on a laptop) with a no-cors fetch and with an auto-submitted HTML form, and a page
// whose name resolves to 127.0.0.1 (DNS rebinding) reads Roer. Each is refused and the imported
// source keeps every node; the same import from Roer's own origin goes through.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { resetDatabase, snapshot, testDriver } from '../support/db.js';
import { appFor, loadFixture, sourceNodes } from '../server/support.js';

const ATTACK = { source: 'csv:fixture', file: 'suppliers.csv', content: 'id,name\ns9,Evil B.V.\n' };

let driver: Driver;
let roer: Server;
let elsewhere: Server;
let browser: Browser;
let page: Page;
let roerUrl: string;
let roerPort: number;
let elsewherePort: number;

/** The attacker's page: no-cors fetch, a CORS fetch with Roer's header, and a multipart form, all aimed at Roer. */
const attackPage = (target: string) => `<!doctype html><html><body>
<form id="form" method="post" enctype="multipart/form-data" action="${target}/api/imports">
  <input name="source" value="${ATTACK.source}"><input type="file" name="files">
</form>
<script>
  const payload = () => {
    const form = new FormData();
    form.append('source', ${JSON.stringify(ATTACK.source)});
    form.append('files', new File([${JSON.stringify(ATTACK.content)}], ${JSON.stringify(ATTACK.file)}, { type: 'text/csv' }));
    return form;
  };
  window.noCors = () => fetch(${JSON.stringify(`${target}/api/imports`)}, { method: 'POST', mode: 'no-cors', body: payload() }).then(() => 'sent', error => 'failed: ' + error);
  window.withHeader = () => fetch(${JSON.stringify(`${target}/api/imports`)}, { method: 'POST', headers: { 'X-Roer-Request': '1' }, body: payload() }).then(response => 'answered ' + response.status, () => 'blocked');
  window.submitForm = () => {
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(ATTACK.content)}], ${JSON.stringify(ATTACK.file)}, { type: 'text/csv' }));
    document.querySelector('input[type=file]').files = files.files;
    document.getElementById('form').submit();
  };
</script></body></html>`;

beforeAll(async () => {
  driver = testDriver();
  await resetDatabase(driver);
  await loadFixture(driver);
  const app = appFor(driver, { ROER_AUTH: 'off' });
  roer = await new Promise<Server>(resolve => { const server = app.listen(0, '127.0.0.1', () => resolve(server)); });
  roerPort = (roer.address() as AddressInfo).port;
  roerUrl = `http://127.0.0.1:${roerPort}`;
  elsewhere = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(attackPage(roerUrl)));
  await new Promise<void>(resolve => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewherePort = (elsewhere.address() as AddressInfo).port;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    // attacker.example resolves to this machine, as a rebinding DNS server would make it.
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu', '--disable-component-update', '--no-first-run', '--host-resolver-rules=MAP attacker.example 127.0.0.1'],
  });
  page = await browser.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise(resolve => elsewhere?.close(resolve));
  await new Promise(resolve => roer?.close(resolve));
  await driver?.close();
});

/** Runs `attack` on the page and returns the status Roer answered to the POST it caused, as Chromium saw it. */
async function roerAnswer(attack: () => Promise<unknown>): Promise<number> {
  const [response] = await Promise.all([page.waitForResponse(response => response.url().startsWith(`${roerUrl}/api/imports`) && response.request().method() === 'POST'), attack()]);
  return response.status();
}

describe('a page elsewhere', () => {
  // localhost is another site than 127.0.0.1; 127.0.0.1 on another port is the same site but another origin.
  for (const [kind, host] of [['another site', 'localhost'], ['the same site, another port', '127.0.0.1']] as const) {
    it(`when a page on ${kind} posts an import with a no-cors fetch and with a form, then Roer refuses both and the source keeps every node`, async () => {
      const before = await snapshot(driver);
      const nodes = await sourceNodes(driver);
      expect(nodes.length).toBeGreaterThan(10);
      await page.goto(`http://${host}:${elsewherePort}/`);

      expect(await roerAnswer(() => page.evaluate(() => (window as any).noCors()))).toBe(403);
      // Roer's header makes the request one that needs a CORS preflight, which Roer never grants.
      await expect(page.evaluate(() => (window as any).withHeader())).resolves.toBe('blocked');
      expect(await roerAnswer(() => page.evaluate(() => (window as any).submitForm()))).toBe(403);
      await page.waitForLoadState();
      await expect(page.locator('body').textContent()).resolves.toMatch(/Refused|X-Roer-Request/);

      expect(await sourceNodes(driver)).toEqual(nodes);
      expect(await snapshot(driver)).toEqual(before);
    });
  }

  it('when a rebound name points at Roer, then Chromium gets 421 for the page and for its reads, and no data', async () => {
    const response = await page.goto(`http://attacker.example:${roerPort}/api/organisations`);
    expect(response?.status()).toBe(421);
    const read = await page.evaluate(() => fetch('/api/organisations').then(async answer => [answer.status, await answer.text()] as const));
    expect(read[0]).toBe(421);
    expect(read[1]).toContain('ROER_ALLOWED_HOSTS');
    expect(read[1]).not.toContain('gm1');
  });

  it('when Roer\'s own page posts the same import with its header, then it goes through (so the refusals above are what kept the source)', async () => {
    await page.goto(`${roerUrl}/api/health`);
    const answer = await page.evaluate(
      async ({ source, file, content }) => {
        const form = new FormData();
        form.append('source', source);
        // It replaces all of the source's suppliers: confirmed, as the import page's confirm step does.
        form.append('allowRemovals', 'true');
        form.append('files', new File([content], file, { type: 'text/csv' }));
        return (await fetch('/api/imports', { method: 'POST', headers: { 'X-Roer-Request': '1' }, body: form })).status;
      },
      ATTACK,
    );
    expect(answer).toBe(200);
    expect((await sourceNodes(driver)).filter(uid => uid.startsWith('supplier:'))).toEqual(['supplier:s9']);
  });
});
