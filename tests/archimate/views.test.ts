// The views of the AMEFF export, as an architect opening the file in Archi sees them: per organisation
// a landscape grouped by business function and a supplier view, and a view of an analysis result
// (format=ameff on single points of failure, impact and what-if). Checked on the demo municipality and
// the small API fixture: XSD-valid, nested as the graph says, no overlapping boxes, every child inside
// its parent. Each view is also drawn to tests/artifacts/ameff-*.svg/.png to look at.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { importFiles } from '../../importers/import.js';
import { exportAmeff } from '../../server/exports/ameff.js';
import { crosses } from '../../server/exports/ameff-views.js';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { appFor, loadFixture, request } from '../server/support.js';
import { validateAgainstXsd } from './support.js';
import { type DrawnView, type ViewBox, allBoxes, drawnViews, geometryProblems, viewSvg } from './views.js';

const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');
const [APPLICATION, BUSINESS, TECHNOLOGY, RED] = ['rgb(181,255,255)', 'rgb(255,255,181)', 'rgb(201,231,183)', 'rgb(255,102,102)'];

/** Writes the view as SVG under tests/artifacts, for a person to look at (scripts/svg-to-png.sh makes a PNG of it). */
function draw(view: DrawnView, file: string) {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${file}.svg`), viewSvg(view));
}

const leavesOf = (group: ViewBox) => group.children.map(child => child.label).sort();
const groupNamed = (view: DrawnView, label: string) => view.boxes.find(box => box.label === label)!;

describe('AMEFF views', () => {
  let driver: Driver;
  let app: ReturnType<typeof appFor>;
  beforeAll(() => {
    driver = testDriver();
    app = appFor(driver);
  });
  afterAll(() => driver.close());

  describe('on the demo municipality', () => {
    // The machine is shared: the demo import alone can take minutes.
    beforeAll(async () => {
      await resetDatabase(driver);
      const files = readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));
      expect((await importFiles(driver, files, { source: 'demo:gemeente-roerdam', user: 'test' })).issues).toEqual([]);
    }, 600_000);

    it('when it is exported, then there is a landscape by business function and a supplier view, valid, nested as the graph says, without overlaps', async () => {
      const xml = await exportAmeff(driver, { organisations: ['gemeente-roerdam'] });
      validateAgainstXsd(xml);
      const views = drawnViews(xml);
      expect(views.map(v => v.name)).toEqual(['Applicatielandschap per bedrijfsfunctie – Gemeente Roerdam', 'Leveranciers en wat zij leveren – Gemeente Roerdam']);
      const [landscape, suppliers] = views;
      draw(landscape, 'ameff-demo-landscape');
      draw(suppliers, 'ameff-demo-suppliers');
      for (const view of views) expect(geometryProblems(view)).toEqual([]);

      // Every (function, application) pair of the graph once: the function a box, the applications in it.
      const pairs = await read<{ fn: string; app: string }>(
        driver,
        "MATCH (:Organisation {id: 'gemeente-roerdam'})-[:USES]->(a:Application)-[:SUPPORTS]->(f:BusinessFunction) RETURN f.name AS fn, a.name AS app ORDER BY fn, app",
      );
      const drawn = landscape.boxes.flatMap(group => group.children.map(child => ({ fn: group.label, app: child.label })));
      const order = (rows: { fn: string; app: string }[]) => rows.map(r => `${r.fn} > ${r.app}`).sort();
      expect(order(drawn)).toEqual(order(pairs));
      expect([landscape.boxes.length, drawn.length]).toEqual([15, 499]);
      expect(new Set(landscape.boxes.map(b => b.fill))).toEqual(new Set([BUSINESS]));
      expect(new Set(landscape.boxes.flatMap(b => b.children.map(c => c.fill)))).toEqual(new Set([APPLICATION]));
      // Labels fit: at least 160 wide and 55 high.
      expect(allBoxes(landscape.boxes).every(b => b.w >= 160 && b.h >= 55)).toBe(true);
      // Interfaces are drawn only inside a function (lines across the map would hide it), never containment.
      const parentOf = new Map(landscape.boxes.flatMap(group => group.children.map(child => [child.id, group.id])));
      expect(landscape.lines.length).toBeGreaterThan(0);
      expect(landscape.lines.every(l => parentOf.get(l.source) === parentOf.get(l.target))).toBe(true);
      // … and only where the line passes through no other box.
      const boxOf = new Map(allBoxes(landscape.boxes).map(b => [b.id, b]));
      const crossing = landscape.lines.filter(l => {
        const [a, b] = [boxOf.get(l.source)!, boxOf.get(l.target)!];
        const group = landscape.boxes.find(g => g.id === parentOf.get(l.source))!;
        return group.children.some(other => other !== a && other !== b && crosses(a, b, other));
      });
      expect(crossing).toEqual([]);

      // Suppliers hold the applications they supply and the platforms they provide.
      const supplied = await read<{ supplier: string; n: number }>(
        driver,
        `MATCH (:Organisation {id: 'gemeente-roerdam'})-[:USES]->(a:Application)
         OPTIONAL MATCH (a)-[:RUNS_ON*1..10]->(p:Platform)
         WITH collect(DISTINCT a) + collect(DISTINCT p) AS delivered
         UNWIND delivered AS d MATCH (s:Supplier)-[:SUPPLIES|PROVIDES]->(d) RETURN s.name AS supplier, count(*) AS n ORDER BY supplier`,
      );
      const sizes = suppliers.boxes.filter(b => b.type === 'Element').map(b => ({ supplier: b.label, n: b.children.length })).sort((a, b) => a.supplier.localeCompare(b.supplier));
      expect(sizes).toEqual([...supplied].sort((a, b) => a.supplier.localeCompare(b.supplier)));
      expect(new Set(suppliers.boxes.flatMap(b => b.children.map(c => c.fill)))).toEqual(new Set([APPLICATION, TECHNOLOGY]));
      expect(suppliers.lines).toEqual([]);
    });

    it.each([
      ['impact', 'node=supplier:s-0005'],
      ['what-if', 'remove=supplier:s-0005'],
      ['single-points-of-failure', 'limit=40'],
    ])('when %s is asked for as ameff, then the file is valid and its view highlights what fails, without overlaps', async (name, params) => {
      const response = await request(app).get(`/api/analyses/${name}?${params}&organisation=gemeente-roerdam&format=ameff`);
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/xml/);
      expect(response.headers['content-disposition']).toMatch(new RegExp(`roer-${name}-.*\\.xml`));
      validateAgainstXsd(response.text);
      const views = drawnViews(response.text);
      expect(views).toHaveLength(1);
      draw(views[0], `ameff-demo-${name}`);
      expect(geometryProblems(views[0])).toEqual([]);
      expect(allBoxes(views[0].boxes).some(b => b.fill === RED)).toBe(true);
    });
  });

  describe('on the small fixture', () => {
    beforeEach(async () => {
      await resetDatabase(driver);
      await loadFixture(driver);
    });

    it('when two organisations are exported, then each has its two views with only its own applications', async () => {
      const xml = await exportAmeff(driver, { organisations: ['gm1', 'gm2'], language: 'en' });
      validateAgainstXsd(xml);
      const views = drawnViews(xml);
      expect(views.map(v => v.name)).toEqual([
        'Application landscape by business function – gm1', 'Suppliers and what they deliver – gm1',
        'Application landscape by business function – gm2', 'Suppliers and what they deliver – gm2',
      ]);
      for (const view of views) expect(geometryProblems(view)).toEqual([]);
      const [landscape, suppliers, landscape2, suppliers2] = views;
      expect(landscape.boxes.map(b => [b.type, b.label, leavesOf(b)])).toEqual([
        ['Element', 'Dienstverlening', ['Zaaksysteem Noord']],
        ['Container', 'No business function', ['=HYPERLINK("http://evil")', 'Basisregistratie Personen', 'Makelaar']],
      ]);
      expect(suppliers.boxes.map(b => [b.label, leavesOf(b)])).toEqual([
        ['Acme B.V.', ['Makelaar', 'Zaaksysteem Noord']],
        ['Beta Software', ['=HYPERLINK("http://evil")', 'Basisregistratie Personen']],
        ['Hostco', ['Rekencentrum']],
      ]);
      expect(groupNamed(suppliers, 'Hostco').children[0].fill).toBe(TECHNOLOGY);
      expect(landscape2.boxes.map(b => [b.label, leavesOf(b)])).toEqual([['No business function', ['Zaakregie Zuid']]]);
      expect(suppliers2.boxes.map(b => [b.label, leavesOf(b)])).toEqual([['Acme B.V.', ['Zaakregie Zuid']]]);
      draw(suppliers, 'ameff-fixture-suppliers');
    });

    it('when the impact of a supplier is asked for as ameff, then the supplier is red and what fails with it is coloured by hop, connected to what it fails through', async () => {
      const response = await request(app).get('/api/analyses/impact?node=supplier:s1&format=ameff&lang=en');
      expect(response.status).toBe(200);
      validateAgainstXsd(response.text);
      const [view] = drawnViews(response.text);
      draw(view, 'ameff-fixture-impact');
      expect(view.name).toBe('Impact: Acme B.V. fails');
      expect(geometryProblems(view)).toEqual([]);
      const columns = view.boxes.filter(b => b.type === 'Container').map(b => [b.label, b.children.map(c => `${c.label} ${c.fill}`)]);
      expect(columns).toEqual([
        ['Fails', [`Acme B.V. ${RED}`]],
        ['1 step further', ['Makelaar rgb(255,166,107)', 'Zaakregie Zuid rgb(255,166,107)', 'Zaaksysteem Noord rgb(255,166,107)']],
        ['2 steps further', ['Basisregistratie Personen rgb(255,199,150)']],
        ['Business functions', ['Dienstverlening rgb(240,128,128)']],
      ]);
      // A line from each hop-1 application to the supplier, and from hop 2 to the application its interface (via the broker) goes to.
      const label = new Map(allBoxes(view.boxes).map(b => [b.id, b.label]));
      expect(view.lines.map(l => [label.get(l.source), label.get(l.target)].sort().join(' – ')).sort()).toEqual([
        'Acme B.V. – Makelaar', 'Acme B.V. – Zaakregie Zuid', 'Acme B.V. – Zaaksysteem Noord', 'Basisregistratie Personen – Zaaksysteem Noord',
      ]);
      expect(view.boxes.find(b => b.type === 'Label')!.label).toContain('Acme B.V. fails (red)');
    });

    it('when what-if and single points of failure are asked for as ameff, then each has a view of its own result; other analyses answer 400', async () => {
      const whatIf = await request(app).get('/api/analyses/what-if?remove=supplier:s3&organisation=gm1&format=ameff');
      expect(whatIf.status).toBe(200);
      validateAgainstXsd(whatIf.text);
      const [view] = drawnViews(whatIf.text);
      expect(view.name).toBe('Wat als Beta Software wegvalt');
      expect(view.boxes.filter(b => b.type === 'Container').map(b => [b.label, leavesOf(b)])).toEqual([
        ['Valt uit', ['Beta Software']],
        ['1 stap verder', ['=HYPERLINK("http://evil")', 'Basisregistratie Personen']],
        ['2 stappen verder', ['Zaaksysteem Noord']],
        ['Bedrijfsfuncties', ['Dienstverlening']],
      ]);

      const spof = await request(app).get('/api/analyses/single-points-of-failure?organisation=gm1&format=ameff');
      expect(spof.status).toBe(200);
      validateAgainstXsd(spof.text);
      const [points] = drawnViews(spof.text);
      draw(points, 'ameff-fixture-spof');
      expect(points.name).toBe('Kwetsbare schakels – gm1');
      expect(geometryProblems(points)).toEqual([]);
      // The broker joins the network: an articulation point, red; its two bridges drawn in red.
      const broker = allBoxes(points.boxes).find(b => b.label === 'Makelaar')!;
      expect(broker.fill).toBe(RED);
      expect(points.lines.length).toBeGreaterThan(0);
      expect(points.lines.every(l => l.colour === 'rgb(204,0,0)')).toBe(true);

      const listed = await request(app).get('/api/analyses');
      const formats = Object.fromEntries((listed.body as { name: string; formats: string[] }[]).map(a => [a.name, a.formats]));
      expect([formats.impact, formats['what-if'], formats['single-points-of-failure']].every(f => f.includes('ameff'))).toBe(true);
      expect(formats['supplier-exposure']).not.toContain('ameff');
      const refused = await request(app).get('/api/analyses/supplier-exposure?format=ameff');
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toMatch(/single-points-of-failure, impact, what-if/);
    });
  });
});
