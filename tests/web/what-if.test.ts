// "What if this fails?" and the side panel as a person reads them, in a real Chromium against the real
// server and Neo4j (demo municipality + a chain of 15 applications). Every expectation is worked out
// from the API's own answer or from the graph; screenshots go to tests/artifacts/ (look at them), and
// with ROER_UPDATE_SCREENSHOTS=1 the README's picture of the answer is made from the same page.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { read } from '../../server/neo4j.js';
import { dutchDay } from '../../server/format.js';
import { app, LENGTH, uid as chainUid } from '../analyses/chain.js';
import { ARTIFACTS, startUi, type Ui } from './answer-browser.js';

let ui: Ui;
const enc = encodeURIComponent;
const nlList = (items: string[]) => new Intl.ListFormat('nl-NL', { type: 'conjunction' }).format(items);
const nlNumber = (n: number) => n.toLocaleString('nl-NL');
const byName = (a: string, b: string) => a.localeCompare(b, 'nl');
/** An organisation's slug standing alone (not inside a uid or a source name such as demo:gemeente-roerdam). */
const SLUG = /(^|[^:/\w-])gemeente-(roerdam|lange-keten)(?![\w/-])/;

beforeAll(async () => { ui = await startUi('what-if'); }, 600_000);
afterAll(async () => { await ui?.close(); });
afterEach(() => {
  // No test here may leave an uncaught error or an unexplained failed request behind.
  const { errors } = ui.take();
  expect(errors).toEqual([]);
});

async function askWhatIf(uid: string): Promise<void> {
  await ui.open(`#/explorer?focus=${enc(uid)}`);
  await ui.page.click('#what-if');
  await ui.page.waitForSelector('#what-if-answer');
}

const texts = (selector: string) => ui.page.locator(selector).evaluateAll(items => items.map(item => (item.textContent ?? '').replace(/\s+/g, ' ').trim()));

describe('what if a supplier fails', () => {
  it('when asked, then the answer says what fails directly apart from what misses data through interfaces, then the functions that stop, the figures and complete lists', async () => {
    const [{ uid }] = await read<{ uid: string }>(ui.driver, 'MATCH (s:Supplier)-[:SUPPLIES]->(a:Application) WITH s, count(a) AS n ORDER BY n DESC, s.uid LIMIT 1 RETURN s.uid AS uid');
    const { rows, summary } = await ui.api(`/api/analyses/impact?node=${enc(uid)}`);
    // A function stops only through what fails directly; those whose applications only miss data are said apart.
    const lost: string[] = summary.businessFunctions.filter((fn: any) => fn.effect === 'stops').map((fn: any) => fn.name).sort(byName);
    const missingData = summary.businessFunctions.filter((fn: any) => fn.effect === 'missesData');
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThanOrEqual(6); // the sentence names up to six; more would end in "en n andere"
    expect(missingData.length).toBeGreaterThan(0);
    const applications = rows.filter((row: any) => row.kind === 'Application');
    const direct = applications.filter((row: any) => row.direct);
    const through = applications.filter((row: any) => !row.direct);
    const platforms = rows.length - applications.length;
    // The demo's largest supplier: most of what fails only misses data (a user read the sum as "almost everything fails").
    expect([direct.length, summary.totals.applicationsDirect, direct.length + through.length]).toEqual([summary.totals.applicationsDirect, summary.totals.applications - summary.totals.applicationsThroughInterfaces, summary.totals.applications]);
    expect(through.length).toBeGreaterThan(direct.length);
    // The most critical of each named: criticality first, then the nearest, then by name.
    const rank: Record<string, number> = { critical: 0, high: 1 };
    const mostCritical = (list: any[]) => [...new Set(list.filter(row => row.critical).sort((a, b) => rank[a.criticality] - rank[b.criticality] || a.hops - b.hops || byName(a.name, b.name)).map(row => row.name))].slice(0, 3);
    expect(mostCritical(direct).length).toBe(3);
    expect(mostCritical(through).length).toBe(3);
    await askWhatIf(uid);

    const answer = (await ui.page.textContent('#what-if-answer'))!.trim();
    const name = summary.node.name;
    await ui.page.locator('#panel').screenshot({ path: join(ARTIFACTS, 'what-if-supplier-answer.png') });
    expect(answer).toBe(`Valt ${name} weg, dan vallen ${nlNumber(direct.length)} applicaties${platforms ? ` en ${nlNumber(platforms)} platform${platforms === 1 ? '' : 's'}` : ''} direct uit (zij komen van of draaien bij ${name}), waaronder de bedrijfskritische ${nlList(mostCritical(direct))}. `
      + `Daarnaast missen ${nlNumber(through.length)} applicaties gegevens die via koppelingen van die applicaties komen, waaronder de bedrijfskritische ${nlList(mostCritical(through))}. `
      + `Dan ${lost.length === 1 ? 'stopt 1 bedrijfsfunctie' : `stoppen ${lost.length} bedrijfsfuncties`}: ${nlList(lost)}. `
      + (missingData.length === 1 ? 'Bij 1 bedrijfsfunctie missen ondersteunende applicaties alleen gegevens; die functie stopt daardoor niet.'
        : `Bij ${missingData.length} bedrijfsfuncties missen ondersteunende applicaties alleen gegevens; die functies stoppen daardoor niet.`));
    // The answer comes first: right after the heading, before the figures and every list.
    const order = await ui.page.$$eval('#what-if > *', children => children.map(child => child.id || child.className || child.tagName));
    expect(order.slice(0, 3)).toEqual(['what-if-head', 'what-if-answer', expect.stringMatching(/^(what-if-cut|SECTION)$/)]);
    await expect(ui.page.textContent('#fig-lost')).resolves.toBe(`${lost.length} bedrijfsfunctie${lost.length === 1 ? '' : 's'} gestopt`);
    const criticalCount = (list: any[]) => nlNumber(list.filter(row => row.critical).length);
    await expect(ui.page.textContent('#fig-direct')).resolves.toBe(`${nlNumber(direct.length)} applicaties direct uitgevallen, waarvan ${criticalCount(direct)} bedrijfskritisch`);
    await expect(ui.page.textContent('#fig-through')).resolves.toBe(`${nlNumber(through.length)} applicaties missen gegevens via koppelingen, waarvan ${criticalCount(through)} bedrijfskritisch`);
    await expect(ui.page.textContent('#fig-functions-data')).resolves.toBe(missingData.length === 1 ? '1 bedrijfsfunctie mist gegevens (haar applicaties draaien, maar krijgen geen gegevens)'
      : `${missingData.length} bedrijfsfuncties missen gegevens (hun applicaties draaien, maar krijgen geen gegevens)`);
    // Broken only where an end or the intermediary fails directly; the others pass on no data, said apart.
    expect(summary.totals.interfacesBroken).toBe(summary.interfacesBroken.length);
    expect(summary.totals.interfacesWithoutData).toBeGreaterThan(0);
    await expect(ui.page.textContent('#fig-interfaces')).resolves.toBe(`${nlNumber(summary.totals.interfacesBroken)} koppelingen verbroken`);
    await expect(ui.page.textContent('#fig-interfaces-data')).resolves.toBe(`${nlNumber(summary.totals.interfacesWithoutData)} koppelingen leveren geen gegevens meer door (hun bron of tussenstation mist zelf gegevens)`);
    await expect(ui.page.textContent('#fig-organisations')).resolves.toBe('1 organisatie geraakt: Gemeente Roerdam');

    // Functions that stop, each with how much of its support is gone.
    const of = (fn: any, n: number) => `${n} van ${fn.supportingApplications} ${fn.supportingApplications === 1 ? 'applicatie' : 'applicaties'}`;
    const misses = (n: number) => `${n === 1 ? 'mist' : 'missen'} gegevens`;
    expect(await texts('#functions-lost li')).toEqual(summary.businessFunctions.filter((fn: any) => fn.effect === 'stops')
      .map((fn: any) => `${fn.name} — ${of(fn, fn.directApplications)} direct uit${fn.affectedApplications > fn.directApplications ? `, ${fn.affectedApplications - fn.directApplications} ${misses(fn.affectedApplications - fn.directApplications)}` : ''}`));
    await ui.page.click('#what-if-functions #functions-data ~ .show-all, #what-if-functions .show-all >> nth=-1').catch(() => undefined);
    expect((await texts('#functions-data li')).slice(0, 5)).toEqual(missingData.slice(0, 5).map((fn: any) => `${fn.name} — ${of(fn, fn.affectedApplications)} ${misses(fn.affectedApplications)}`));
    // A direct row says why it is down, not how many steps away.
    const directCritical = direct.filter((row: any) => row.critical)[0];
    const because = { suppliedBy: 'geleverd door', runsOn: 'draait op', providedBy: 'aangeboden door' } as Record<string, string>;
    expect((await texts(`#what-if-critical-list li[data-uid="${directCritical.uid}"]`))[0]).toBe(
      `${directCritical.name} — ${directCritical.criticality === 'critical' ? 'kritiek' : 'hoog'}, direct: ${because[directCritical.directBecause.relation]} ${directCritical.directBecause.name}`);
    // Complete lists, a few at a time: "Toon alle" shows every critical application.
    const critical = rows.filter((row: any) => row.critical).map((row: any) => row.uid);
    expect(await ui.page.locator('#what-if-critical-list li:visible').count()).toBe(Math.min(10, critical.length));
    await ui.page.click('#what-if-critical .show-all');
    expect(await ui.page.locator('#what-if-critical-list li:visible').count()).toBe(critical.length);
    expect((await ui.page.$$eval('#what-if-critical-list li', items => items.map(item => item.getAttribute('data-uid')))).sort()).toEqual([...critical].sort());
    // Contracts with notice deadlines as dd-mm-jjjj, never as ISO dates.
    // The supplier's own contracts first, then those of what fails directly; those of what only misses data apart.
    const contractUids = (list: string) => ui.page.$$eval(`${list} li`, items => items.map(item => `${item.getAttribute('data-hit')} ${item.getAttribute('data-uid')}`));
    const directContracts = await contractUids('#what-if-contract-list');
    expect(directContracts[0]).toMatch(/^own /);
    expect(directContracts.map(c => c.split(' ')[0])).toEqual([...directContracts.map(c => c.split(' ')[0])].sort((a, b) => Number(a !== 'own') - Number(b !== 'own')));
    expect([...directContracts, ...await contractUids('#what-if-contract-through-list')].map(c => c.split(' ')[1]).sort()).toEqual(summary.contracts.map((c: any) => c.uid).sort());
    expect(summary.contracts.filter((c: any) => c.hit === 'own').every((c: any) => c.supplier === uid)).toBe(true);
    // Within each kind, what needs attention first on top: a notice deadline still ahead, else the end (a
    // contract past its notice deadline renews then, one without renewal ends); ended ones last. A contract
    // that renewed in 9 days stood 9th of 42, behind one ending in 2029.
    const today = dutchDay();
    const due = (c: any) => `${c.end < today ? 1 : 0} ${c.noticeDeadline && c.noticeDeadline >= today ? c.noticeDeadline : c.end}`;
    const byUid = new Map(summary.contracts.map((c: any) => [c.uid, c]));
    for (const hit of ['own', 'direct']) {
      const dates = directContracts.filter(c => c.startsWith(`${hit} `)).map(c => due(byUid.get(c.split(' ')[1])));
      expect(dates).toEqual([...dates].sort());
    }
    // Named by what they cover, the id after it; the failing supplier's name is not repeated on its own contracts.
    const first = summary.contracts.find((c: any) => c.uid === directContracts[0].split(' ')[1]);
    const firstTitle = (await ui.page.textContent('#what-if-contract-list li strong'))!;
    expect(firstTitle).toMatch(new RegExp(`^${first.affectedApplicationNames.length ? '[^(]+ ' : ''}\\(${first.name}\\)$`));
    expect(firstTitle).not.toContain(summary.node.name);
    await ui.page.locator('#what-if-contracts').screenshot({ path: join(ARTIFACTS, 'what-if-contracts.png') });
    const contractText = (await ui.page.textContent('#what-if-contracts'))!;
    expect(contractText).toMatch(/opzeggen vóór \d{2}-\d{2}-\d{4}/);
    expect(contractText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await ui.page.locator('#what-if-interface-list li').count()).toBe(summary.interfacesBroken.length);
    // Hop rings: "1 stap", "2 stappen", each split as the answer is, and together every row.
    const rings = await texts('#what-if-rings details > summary');
    const hops = [...new Set<number>(rows.map((row: any) => row.hops))].sort((a, b) => a - b);
    const count = (n: number, one: string, other: string) => `${nlNumber(n)} ${n === 1 ? one : other}`;
    expect(rings).toEqual(hops.map(n => {
      const ring = rows.filter((row: any) => row.hops === n);
      const inRing = (list: any[]) => list.filter(row => row.hops === n).length;
      const parts = [
        inRing(direct) ? count(inRing(direct), 'applicatie direct', 'applicaties direct') : null,
        inRing(through) ? count(inRing(through), 'applicatie via koppelingen', 'applicaties via koppelingen') : null,
        ring.length - inRing(applications) ? count(ring.length - inRing(applications), 'platform', 'platforms') : null,
      ].filter((part): part is string => part !== null);
      return `${n} ${n === 1 ? 'stap' : 'stappen'}: ${nlList(parts)}`;
    }));
    // The steps' numbers add up to the answer's.
    expect(rings.join(' ').match(/(\d+) applicaties? direct/g)!.reduce((sum, part) => sum + parseInt(part, 10), 0)).toBe(direct.length);
    expect(await ui.page.textContent('#what-if-rings > p.hint')).toBe(`Een stap is één schakel: van ${name} naar wat het levert of host, van een platform naar wat erop draait, of van een applicatie naar een applicatie die er via een koppeling gegevens van krijgt.`);
    expect(await ui.page.locator('#what-if-rings li').count()).toBe(rows.length);
    // The same answer is marked in the graph.
    expect(await ui.page.evaluate(() => (window as any).roer.highlighted())).toEqual([uid, ...rows.map((row: any) => row.uid)].sort());
    expect(ui.take().responses).toEqual([]);
    await ui.shot('what-if-supplier');
  });

  it('when an intermediary is asked, then its own failure counts and the picture for the README is made', async () => {
    const spof = await ui.api<{ rows: any[] }>('/api/analyses/single-points-of-failure?organisation=gemeente-roerdam&limit=0');
    const broker = spof.rows.filter(row => row.kind === 'intermediary' && row.failedBusinessFunctions >= 2 && row.failedBusinessFunctions <= 4)
      .sort((a, b) => a.failedBusinessFunctions - b.failedBusinessFunctions || a.uid.localeCompare(b.uid))[0];
    await ui.page.setViewportSize({ width: 1280, height: 1000 });
    const { summary } = await ui.api(`/api/analyses/impact?node=${enc(broker.uid)}`);
    await askWhatIf(broker.uid);
    const others = broker.failedApplications - 1;
    // Single points of failure counts every function without support; the answer says which stop (the broker's own) and which only miss data.
    const stops = summary.businessFunctions.filter((fn: any) => fn.effect === 'stops').map((fn: any) => fn.name);
    const dataOnly = summary.businessFunctions.filter((fn: any) => fn.effect === 'missesData').length;
    expect(summary.businessFunctions.filter((fn: any) => fn.lostAllSupport).map((fn: any) => fn.name).sort(byName)).toEqual([...broker.lostBusinessFunctions].sort(byName));
    const weakened = [...new Set<string>(summary.businessFunctions.filter((fn: any) => fn.effect === 'weakened').map((fn: any) => fn.name))].sort(byName);
    const then = stops.length ? `Dan ${stops.length === 1 ? 'stopt 1 bedrijfsfunctie' : `stoppen ${stops.length} bedrijfsfuncties`}: ${nlList([...stops].sort(byName))}.`
      : weakened.length ? `Geen bedrijfsfunctie stopt helemaal, maar ${weakened.length === 1 ? '1 bedrijfsfunctie houdt' : `${weakened.length} bedrijfsfuncties houden`} minder ondersteuning over: ${nlList(weakened)}.`
      : 'Geen bedrijfsfunctie raakt daardoor ondersteuning kwijt.';
    const data = dataOnly === 0 ? '' : dataOnly === 1 ? ' Bij 1 bedrijfsfunctie missen ondersteunende applicaties alleen gegevens; die functie stopt daardoor niet.'
      : ` Bij ${dataOnly} bedrijfsfuncties missen ondersteunende applicaties alleen gegevens; die functies stoppen daardoor niet.`;
    expect(dataOnly).toBeGreaterThan(0);
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(await ui.page.textContent('#what-if-answer')).toMatch(new RegExp(`^${escape(`Valt ${broker.name} uit, dan missen ${nlNumber(others)} andere applicaties gegevens die ze via koppelingen van of via ${broker.name} krijgen`)}(, waaronder de bedrijfskritische [^.]+)?\\. `
      + `${escape(then + data)}$`));
    // Single points of failure and what-if agree on what goes down: the intermediary itself directly, the others through it.
    const criticalItself = summary.totals.criticalApplicationsDirect;
    await expect(ui.page.textContent('#fig-direct')).resolves.toBe(`1 applicatie direct uitgevallen: ${broker.name} zelf`);
    await expect(ui.page.textContent('#fig-through')).resolves.toBe(
      `${nlNumber(others)} applicaties missen gegevens via koppelingen, waarvan ${nlNumber(broker.failedCriticalApplications - criticalItself)} bedrijfskritisch`);
    await ui.page.waitForFunction(() => document.querySelector('#layout-busy')?.hasAttribute('hidden'), null, { timeout: 60_000 });
    const picture = join(ARTIFACTS, 'what-if-readme.png');
    await ui.page.locator('#panel').screenshot({ path: picture });
    await ui.shot('what-if-intermediary');
    if (process.env.ROER_UPDATE_SCREENSHOTS === '1') {
      mkdirSync(join(process.cwd(), 'docs', 'screenshots'), { recursive: true });
      copyFileSync(picture, join(process.cwd(), 'docs', 'screenshots', 'what-if.png'));
    }
    await ui.page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('what if one application fails', () => {
  it('when Sijs Software WOZ fails, then only its own interfaces break, only its own functions stop or weaken, and its own contracts come first', async () => {
    // A user read "14 bedrijfsfuncties verzwakt, 1.159 koppelingen verbroken, 175 contracten" for this one small application.
    const uid = 'app:gemeente-roerdam/app-0019';
    const { rows, summary } = await ui.api(`/api/analyses/impact?node=${enc(uid)}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(summary.interfacesBroken.length).toBeGreaterThan(0);
    expect(summary.interfacesBroken.every((i: any) => [i.from, i.to, i.via].includes(uid))).toBe(true);
    expect(summary.interfacesWithoutData.length).toBeGreaterThan(summary.interfacesBroken.length);
    // Only the application itself is down directly: a function it does not support only misses data.
    expect(summary.businessFunctions.filter((fn: any) => fn.effect !== 'missesData').every((fn: any) => fn.directApplications === 1)).toBe(true);
    const own = summary.contracts.filter((c: any) => c.hit === 'own');
    expect(own.length).toBe(summary.totals.contractsDirect);
    expect(own.every((c: any) => c.affectedApplications.includes(uid))).toBe(true);
    await askWhatIf(uid);
    const functions = (n: number) => `${n} bedrijfsfunctie${n === 1 ? '' : 's'}`;
    await expect(ui.page.textContent('#fig-lost')).resolves.toBe(`${functions(summary.totals.businessFunctionsStopping)} gestopt`);
    if (summary.totals.businessFunctionsWeakenedDirectly > 0) await expect(ui.page.textContent('#fig-weakened')).resolves.toBe(`${functions(summary.totals.businessFunctionsWeakenedDirectly)} verzwakt (minder ondersteuning)`);
    else expect(await ui.page.locator('#fig-weakened').count()).toBe(0);
    expect(summary.totals.businessFunctionsStopping + summary.totals.businessFunctionsWeakenedDirectly).toBeLessThanOrEqual(2);
    await expect(ui.page.textContent('#fig-interfaces')).resolves.toBe(`${summary.totals.interfacesBroken} koppeling${summary.totals.interfacesBroken === 1 ? '' : 'en'} verbroken`);
    expect((await ui.page.$$eval('#what-if-contract-list li', items => items.map(item => item.getAttribute('data-uid')))).sort()).toEqual(own.map((c: any) => c.uid).sort());
    const contracts = (n: number) => `${n} contract${n === 1 ? '' : 'en'}`;
    // Those past their notice deadline are said beside the next deadline still ahead: they renew.
    const today = dutchDay();
    const late = own.filter((c: any) => c.noticeDeadline && c.noticeDeadline < today && c.end >= today).length;
    const next = own.map((c: any) => c.noticeDeadline).filter((date: string | null) => date && date >= today).sort()[0];
    expect(await ui.page.textContent('#fig-contracts')).toBe([`${contracts(own.length)} van wat direct uitvalt`,
      late ? `bij ${late} is de opzegdatum al verstreken (${late === 1 ? 'verlengt' : 'verlengen'} stilzwijgend)` : null,
      next ? `eerstvolgende uiterste opzegdatum ${next.split('-').reverse().join('-')}` : null].filter(Boolean).join('; '));
    await expect(ui.page.textContent('#fig-contracts-through')).resolves.toBe(`${contracts(summary.totals.contracts - own.length)} van applicaties die alleen gegevens missen`);
    await ui.page.locator('#panel').screenshot({ path: join(ARTIFACTS, 'what-if-application-answer.png') });
    await ui.shot('what-if-application', true);
  });
});

describe('what if a supplier goes that supplies one link of a chain', () => {
  it('when Ketenbouw goes, then 1 application fails directly and the 14 after it miss data, the steps split the same way', async () => {
    // Worked out by hand (tests/analyses/chain.ts): Ketenbouw supplies Schakel 0 only; Schakel i+1 gets its data
    // from Schakel i; Schakel 12 is the critical one; Belastingen rests on the last link only.
    await askWhatIf('supplier:ketenbouw');
    await expect(ui.page.textContent('#what-if-answer')).resolves.toBe(
      'Valt Ketenbouw B.V. weg, dan valt 1 applicatie direct uit (die komt van of draait bij Ketenbouw B.V.). '
      + 'Daarnaast missen 14 applicaties gegevens die via koppelingen van die applicaties komen, waaronder de bedrijfskritische Schakel 12. '
      // Belastingen rests on the last link, which only misses data: it does not stop.
      + 'Bij 2 bedrijfsfuncties missen ondersteunende applicaties alleen gegevens; die functies stoppen daardoor niet.');
    await expect(ui.page.textContent('#fig-direct')).resolves.toBe('1 applicatie direct uitgevallen, waarvan 0 bedrijfskritisch');
    await expect(ui.page.textContent('#fig-through')).resolves.toBe('14 applicaties missen gegevens via koppelingen, waarvan 1 bedrijfskritisch');
    // Only the first link's interface breaks; the 13 after it still work but pass on no data.
    await expect(ui.page.textContent('#fig-interfaces')).resolves.toBe('1 koppeling verbroken');
    await expect(ui.page.textContent('#fig-interfaces-data')).resolves.toBe('13 koppelingen leveren geen gegevens meer door (hun bron of tussenstation mist zelf gegevens)');
    await expect(ui.page.textContent('#fig-lost')).resolves.toBe('0 bedrijfsfuncties gestopt');
    const rings = await texts('#what-if-rings details > summary');
    expect(rings).toEqual(['1 stap: 1 applicatie direct', ...Array.from({ length: 14 }, (_, i) => `${i + 2} stappen: 1 applicatie via koppelingen`)]);
    // Schakel 12 is listed as critical, missing data, with the links it comes through.
    expect(await texts('#what-if-critical-list li')).toEqual(['Schakel 12 — kritiek, mist gegevens via koppeling, 13 stappen, via Schakel 11 → Schakel 10 → Schakel 9 → Schakel 8 → Schakel 7 → Schakel 6 → Schakel 5 → Schakel 4 → Schakel 3 → Schakel 2 → Schakel 1 → Schakel 0']);
    await ui.shot('what-if-chain-supplier');
  });
});

describe('impact to the end, on screen', () => {
  it('when the start of a chain of 15 fails, then the answer follows it to the end; limited to 10 steps, the page says it was cut', async () => {
    await askWhatIf(chainUid(app(0)));
    await expect(ui.page.textContent('#what-if-answer')).resolves.toBe(
      'Valt Schakel 0 uit, dan missen 14 andere applicaties gegevens die ze via koppelingen van of via Schakel 0 krijgen, waaronder de bedrijfskritische Schakel 12. '
      + 'Bij 2 bedrijfsfuncties missen ondersteunende applicaties alleen gegevens; die functies stoppen daardoor niet.');
    await expect(ui.page.textContent('#fig-direct')).resolves.toBe('1 applicatie direct uitgevallen: Schakel 0 zelf');
    await expect(ui.page.textContent('#fig-through')).resolves.toBe(`${LENGTH - 1} applicaties missen gegevens via koppelingen, waarvan 1 bedrijfskritisch`);
    expect((await texts('#what-if-rings details > summary')).at(-1)).toBe(`${LENGTH - 1} stappen: 1 applicatie via koppelingen`);
    expect(await ui.page.locator('#what-if-cut').count()).toBe(0);

    await ui.page.selectOption('#what-if-hops', '10');
    await ui.page.waitForSelector('#what-if-cut');
    await expect(ui.page.textContent('#what-if-cut p')).resolves.toBe(
      `Ingekort: alleen afhankelijkheden tot 10 stappen zijn gevolgd. Dan vallen 10 van de ${LENGTH - 1} applicaties en platforms uit die uiteindelijk uitvallen; de rest staat hier niet bij.`);
    expect(await ui.page.locator('#what-if-rings details').count()).toBe(10);
    await ui.shot('what-if-cut');
    await ui.page.click('#what-if-all');
    await ui.page.waitForFunction(() => !document.querySelector('#what-if-cut') && document.querySelectorAll('#what-if-rings details').length > 10);
    expect(await ui.page.locator('#what-if-rings details').count()).toBe(LENGTH - 1);
    await expect(ui.page.inputValue('#what-if-hops')).resolves.toBe('');
  });

  it('when single points of failure are listed, then the chain start takes down as many applications as what-if says', async () => {
    await ui.open('#/spof?all=1');
    const row = ui.page.locator('#spof-table tbody tr', { has: ui.page.locator(`button[data-uid="${chainUid(app(0))}"]`) });
    await expect(row.locator('td').last().textContent()).resolves.toBe(String(LENGTH));
    expect(await ui.page.locator('#spof-cut').count()).toBe(0);
  });

  it('when the ranking is cut, then the page says how much, "Toon alle" shows every row, and organisations and lost functions read by name', async () => {
    const cutAnswer = await ui.api<{ rows: any[]; summary: { cut: { shown: number; total: number; limit: number } | null; articulationPoints: unknown[]; bridges: unknown[] } }>('/api/analyses/single-points-of-failure');
    const { cut } = cutAnswer.summary;
    expect(cut).not.toBeNull();
    expect(cut!.shown).toBe(cutAnswer.rows.length);
    await ui.open('#/spof');
    await expect(texts('#spof-cut')).resolves.toEqual([
      `${nlNumber(cut!.shown)} van ${nlNumber(cut!.total)} getoond: per organisatie de ${cut!.limit} met de meeste impact, plus alle scharnierpunten. Toon alle ${nlNumber(cut!.total)}`]);
    expect(await ui.page.locator('#spof-table tbody tr').count()).toBe(cut!.shown);
    // Two organisations: every name on the page says whose it is, never by its slug.
    const organisations = await texts('#spof-table tbody td:nth-child(4)');
    expect(new Set(organisations)).toEqual(new Set(['Gemeente Roerdam', 'Gemeente Lange Keten']));
    expect(await texts('#articulation-points li')).toHaveLength(cutAnswer.summary.articulationPoints.length);
    expect(await texts('#bridges li')).toHaveLength(cutAnswer.summary.bridges.length);
    for (const text of [...await texts('#articulation-points li'), ...await texts('#bridges li')]) expect(text).toMatch(/\((Gemeente Roerdam|Gemeente Lange Keten)\)$/);
    expect((await ui.page.textContent('main'))!).not.toMatch(SLUG);
    // The business functions that stop are named as the analysis names them.
    const top = cutAnswer.rows.find(row => row.stoppingBusinessFunctions.length > 0)!;
    const row = ui.page.locator('#spof-table tbody tr', { has: ui.page.locator(`button[data-uid="${top.uid}"]`) });
    await expect(row.locator('td:nth-child(7)').textContent()).resolves.toBe(top.stoppingBusinessFunctions.join(', '));
    // The answer splits as the what-if page does: what fails directly, and what only misses data.
    const firstUid = await ui.page.locator('#spof-table tbody tr').first().locator('button[data-uid]').getAttribute('data-uid');
    const first = cutAnswer.rows.find(one => one.uid === firstUid)!;
    expect(first.directlyFailedApplications).toBeLessThan(first.failedApplications);
    expect(await ui.page.locator('#spof-answer .sentence').innerText()).toContain(
      `Van die ${first.failedApplications} vallen er ${first.directlyFailedApplications} direct uit; ${first.failedApplications - first.directlyFailedApplications} missen alleen gegevens via koppelingen.`);
    await ui.shot('spof-cut');

    await ui.page.click('#spof-all');
    await ui.page.waitForFunction(() => location.hash === '#/spof?all=1' && document.body.dataset.ready === 'true');
    // The page was ready before the click too: wait for the redrawn table (fails by timeout if it never has every row).
    await ui.page.waitForFunction(total => document.querySelectorAll('#spof-table tbody tr').length === total, cut!.total);
    expect(await ui.page.locator('#spof-cut').count()).toBe(0);
    expect(await ui.page.locator('#spof-table tbody tr').count()).toBe(cut!.total);
  });

  it('when English is chosen, then the answer, its counts and the steps read in English', async () => {
    await ui.open('#/explorer');
    await ui.page.selectOption('#language', 'en');
    await askWhatIf(chainUid(app(0)));
    await expect(ui.page.textContent('#what-if-answer')).resolves.toBe(
      'If Schakel 0 fails, 14 other applications miss data they get through interfaces from or via Schakel 0, including the business-critical Schakel 12. '
      + 'For 2 business functions, supporting applications only miss data; they do not stop because of that.');
    expect((await texts('#what-if-rings details > summary')).slice(0, 2)).toEqual(['1 step: 1 application through interfaces', '2 steps: 1 application through interfaces']);
    await ui.shot('what-if-english');
    await ui.page.selectOption('#language', 'nl');
    await ui.page.waitForFunction(() => document.documentElement.lang === 'nl');
  });
});

describe('the side panel', () => {
  it('when an application with many dependency rows is opened, then each neighbour is listed once, in words, with its interfaces counted', async () => {
    const [subject] = await read<{ uid: string; rels: number; distinct: number }>(ui.driver,
      `MATCH (a:Application)<-[r:DEPENDS_ON]-(b:Application) WITH a, count(r) AS rels, count(DISTINCT b) AS distinct
       RETURN a.uid AS uid, rels, distinct ORDER BY rels - distinct DESC, a.uid LIMIT 1`);
    expect(subject.rels).toBeGreaterThan(subject.distinct);
    const groups = await read<{ kind: string; neighbours: { uid: string; interfaces: number }[] }>(ui.driver,
      `MATCH (a:Application {uid: $uid})<-[r:DEPENDS_ON]-(b:Application)
       WITH r.kind AS kind, b, count(DISTINCT r.interface) AS interfaces ORDER BY b.uid
       RETURN kind, collect({uid: b.uid, interfaces: interfaces}) AS neighbours`, { uid: subject.uid });
    await ui.open(`#/explorer?focus=${enc(subject.uid)}`);
    await ui.page.waitForSelector('#panel-relations');
    for (const group of groups) {
      const section = ui.page.locator(`#panel-relations section[data-key="<DEPENDS_ON ${group.kind}"]`);
      const shown = await section.locator('li button.link').evaluateAll(items => items.map(item => [item.getAttribute('data-uid'), item.parentElement!.textContent]));
      expect(shown.map(([uid]) => uid).sort()).toEqual(group.neighbours.map(n => n.uid));
      for (const n of group.neighbours) {
        const text = shown.find(([uid]) => uid === n.uid)![1]!;
        if (n.interfaces > 1) expect(text).toContain(`${n.interfaces} koppelingen`);
        else expect(text).not.toContain('koppeling');
      }
    }
    const heading = (await ui.page.textContent(`#panel-relations section[data-key="<DEPENDS_ON ${groups[0].kind}"] h4`))!;
    expect(heading).toBe(`${groups[0].kind === 'flow' ? 'Levert gegevens aan' : 'Tussenstation voor'} · Applicatie (${groups[0].neighbours.length})`);
    const panel = (await ui.page.textContent('#panel'))!;
    expect(/DEPENDS_ON|SUPPLIES|RUNS_ON|personalData|criticality|[←→] ?if-\d/.exec(panel)?.[0] ?? null).toBeNull();
    expect(SLUG.exec(panel)?.[0] ?? null).toBeNull();
    expect(panel).toContain('Persoonsgegevens');
    expect(await texts('#panel-properties dd')).toEqual(expect.arrayContaining([expect.stringMatching(/^(ja|nee)$/)]));
    await ui.shot('panel-application');

    // An interface reads as its ends and opens its own details.
    const iface = ui.page.locator('#panel-relations section[data-key="<FROM"], #panel-relations section[data-key="<TO"], #panel-relations section[data-key="<VIA"]').locator('li button.link').first();
    const name = (await iface.textContent())!;
    expect(name).toMatch(/^.+ → .+/);
    await iface.click();
    await ui.page.waitForFunction(text => document.querySelector('#panel-title')?.textContent === text, name);
    expect(await ui.page.locator('#what-if').count()).toBe(0); // an interface cannot fail on its own: not offered
    expect(ui.take().responses).toEqual([]);
  });
});

describe('organisations by name', () => {
  it('when two organisations are chosen, then every page names them, never by their slug', async () => {
    await ui.open('#/explorer');
    await ui.page.evaluate(() => sessionStorage.setItem('roer.organisations', 'gemeente-roerdam,gemeente-lange-keten'));
    // [page, what shows it is complete, whether it names organisations at all]
    const pages: [string, string, boolean][] = [['explorer', '#map-heading', true], ['explorer?view=graph', '#graph', false], ['exposure', '#exposure-table', true], ['calendar', '#calendar-table', false], ['spof', '#spof-table', true],
      ['report?subject=org%3Agemeente-roerdam', '.report-head', true], [`explorer?focus=${enc(chainUid(app(3)))}`, '#panel-relations', true],
      [`explorer?impact=${enc('supplier:reserve')}`, '#what-if-answer', true], ['import', '#import-history table', false]];
    for (const [page, complete, named] of pages) {
      await ui.open(`#/${page}`);
      await ui.page.waitForSelector(complete);
      const text = await ui.page.evaluate(() => document.body.innerText);
      expect([page, SLUG.exec(text)?.[0] ?? null]).toEqual([page, null]);
      if (named) expect([page, /Gemeente (Roerdam|Lange Keten)/.test(text)]).toEqual([page, true]);
    }
    await expect(ui.page.textContent('#organisation summary')).resolves.toBe('2 organisaties');
    await ui.page.click('#organisation summary');
    expect(await texts('#organisation .org-list label')).toEqual(['Gemeente Lange Keten', 'Gemeente Roerdam']);
    await ui.page.evaluate(() => sessionStorage.removeItem('roer.organisations'));
    expect(ui.take().responses).toEqual([]);
  });
});
