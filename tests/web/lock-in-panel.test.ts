// The explorer side panel's lock-in table for the demo's largest supplier, in a real Chromium against the
// real server and Neo4j: next to each raw value the share it counts for (0–100 %), and the one line that
// says how weight × share makes the contribution, so "2,40 × 15 → 5,21" no longer puzzles; every
// contribution with one decimal, adding up to the score. Screenshot: tests/artifacts/lock-in-panel.png.
import { read } from '../../server/neo4j.js';
import { startUi, type Ui } from './answer-browser.js';

let ui: Ui;
const number = (text: string) => Number(text.replace(/\./g, '').replace(',', '.').replace('%', ''));

beforeAll(async () => { ui = await startUi('lock-in-panel'); }, 600_000);
afterAll(async () => { await ui?.close(); });
afterEach(() => expect(ui.take().errors).toEqual([]));

describe('the lock-in table in the side panel', () => {
  it('when a supplier is opened, then each factor shows what it counts for and the contributions visibly follow from weight × share', async () => {
    const [supplier] = await read<{ uid: string }>(ui.driver,
      'MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) WITH s, count(a) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid');
    await ui.open(`#/explorer?focus=${encodeURIComponent(supplier.uid)}`);
    await ui.page.waitForSelector('#panel-lockin tbody tr');
    expect(await ui.page.locator('#panel-lockin thead th').allInnerTexts()).toEqual(['Factor', 'Telt mee', 'Gewicht', 'Bijdrage']);
    const rows = await ui.page.locator('#panel-lockin tbody tr').evaluateAll(trs => trs.map(tr => [...tr.children].map(td => (td as HTMLElement).innerText)));
    expect(rows.length).toBe(9);
    for (const [factor, share, weight, contribution] of rows) {
      // The raw value stays in view, under the factor's name: a supplier's is over its applications, in words
      // ("waarde: 0,9" for "Geen exitplan" was a share nobody could read).
      expect(factor).toMatch(/\nwaarde: (bij \d{1,3}% van de applicaties|gemiddeld \d+(,\d)? (koppelingen?|jaar|applicaties?|alternatie(f|ven)))$/);
      expect(share).toMatch(/^\d{1,3}%$/);
      expect(contribution).toMatch(/^\d+,\d$/);
      // The default weights add up to 100: contribution = weight × share, up to the rounding of the share shown.
      expect(Math.abs(number(contribution) - number(weight) * number(share) / 100)).toBeLessThanOrEqual(number(weight) * 0.005 + 0.1);
    }
    // The score with one decimal, as the report gives it (the panel said 26 where the report said 26,2), and the
    // contributions as shown add up to it.
    const scoreText = (await ui.page.locator('#panel section', { hasText: 'Lock-in-factoren' }).locator('p').first().innerText()).replace(/^\D+/, '');
    expect(scoreText).toMatch(/^\d+,\d$/);
    expect(Math.abs(rows.reduce((sum, row) => sum + number(row[3]), 0) - number(scoreText))).toBeLessThan(0.05);
    expect(await ui.page.locator('#panel-lockin-how').innerText()).toBe('Telt mee: de waarde omgerekend naar 0–100%. Bijdrage = gewicht × telt mee; de bijdragen tellen op tot de score.');
    await ui.page.locator('#panel-lockin').scrollIntoViewIfNeeded();
    // All columns in view: the table ends inside the panel.
    const [table, panel] = await Promise.all(['#panel-lockin', '#panel'].map(selector => ui.page.locator(selector).evaluate(element => element.getBoundingClientRect().right)));
    expect(table).toBeLessThanOrEqual(panel);
    await ui.shot('lock-in-panel');
  });

  it('when an application has a contract whose notice deadline passed, then the panel says so and that it renews, as the calendar does', async () => {
    const [application] = await read<{ uid: string }>(ui.driver, `
      MATCH (c:Contract)-[:COVERS]->(a:Application)
      WHERE c.autoRenew AND c.end IS NOT NULL AND date(c.end) >= date() AND date(c.end) - duration({months: coalesce(c.noticeMonths, 0)}) < date()
        AND COUNT { (a)<-[:COVERS]-(:Contract) } <= 5
      RETURN a.uid AS uid ORDER BY uid LIMIT 1`);
    expect(application).toBeDefined();
    await ui.open(`#/explorer?focus=${encodeURIComponent(application.uid)}`);
    await ui.page.waitForSelector('#panel-contracts li');
    // It said "opzeggen vóór 15-08-2026 (opzegtermijn verstreken) · loopt af 15-12-2026", where the calendar says it renews.
    const text = (await ui.page.locator('#panel-contracts').textContent())!;
    expect(text).toMatch(/opzegdatum verstreken \(\d\d-\d\d-\d{4}\) · verlengt stilzwijgend op \d\d-\d\d-\d{4}/);
    expect(text).not.toContain('opzegtermijn verstreken');
  });

  it('when a contract does not renew by itself, then the panel says when it ends, not a notice deadline, also within its notice period', async () => {
    // The calendar says "Uiterste opzegdatum: niet van toepassing"; the panel said "opzeggen vóór … (opzegtermijn verstreken)".
    const [contract] = await read<{ uid: string; application: string }>(ui.driver, `
      MATCH (c:Contract)-[:COVERS]->(a:Application)
      WHERE NOT coalesce(c.autoRenew, false) AND c.noticeMonths > 0 AND date(c.end) >= date() AND date(c.end) - duration({months: c.noticeMonths}) < date()
        AND COUNT { (a)<-[:COVERS]-(:Contract) } <= 5
      RETURN c.uid AS uid, a.uid AS application ORDER BY c.uid LIMIT 1`);
    expect(contract).toBeDefined();
    await ui.open(`#/explorer?focus=${encodeURIComponent(contract.application)}`);
    await ui.page.waitForSelector('#panel-contracts li');
    const item = ui.page.locator(`#panel-contracts li[data-uid="${contract.uid}"]`);
    await expect(item.textContent()).resolves.toMatch(/loopt af \d\d-\d\d-\d{4}/);
    await expect(item.textContent()).resolves.not.toMatch(/opzeggen|opzegtermijn/);
  });
});
