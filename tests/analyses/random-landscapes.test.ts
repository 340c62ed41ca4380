// Property tests end to end: random landscapes are loaded into Neo4j and the impact sets and
// articulation points the analyses report are compared with a brute-force reading of the raw rows.
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { getAnalysis } from '../../server/analyses/index.js';
import { Landscape } from '../../importers/model.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { loadLandscape } from './fixture.js';

const ORGS = ['gm1', 'gm2'];

const randomLandscape = fc
  .record({
    suppliers: fc.array(fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }), { minLength: 1, maxLength: 4 }),
    platforms: fc.array(fc.record({ supplier: fc.nat(9), runsOn: fc.nat(9), hasRunsOn: fc.boolean() }), { maxLength: 4 }),
    applications: fc.array(fc.record({ org: fc.nat(1), supplier: fc.nat(9), hasSupplier: fc.boolean(), platform: fc.nat(9), hasPlatform: fc.boolean() }), { minLength: 2, maxLength: 12 }),
    interfaces: fc.array(fc.record({ from: fc.nat(99), to: fc.nat(99), via: fc.nat(99), hasVia: fc.boolean() }), { maxLength: 16 }),
  })
  .map(spec => {
    const suppliers = spec.suppliers.map((group, i) => ({ id: `s${i}`, name: `Supplier ${i}`, group: group === undefined ? undefined : `Group ${group}` }));
    // A platform only runs on an earlier one: hosting chains, no cycles.
    const platforms = spec.platforms.map((p, i) => ({
      id: `p${i}`, name: `Platform ${i}`, supplier: suppliers[p.supplier % suppliers.length].id, runsOn: p.hasRunsOn && i > 0 ? `p${p.runsOn % i}` : undefined,
    }));
    const applications = spec.applications.map((a, i) => ({
      id: `a${i}`, organisation: ORGS[a.org], name: `App ${i}`,
      supplier: a.hasSupplier ? suppliers[a.supplier % suppliers.length].id : undefined,
      platform: a.hasPlatform && platforms.length > 0 ? platforms[a.platform % platforms.length].id : undefined,
    }));
    const interfaces = spec.interfaces.flatMap((f, i) => {
      const from = applications[f.from % applications.length];
      const sameOrg = applications.filter(a => a.organisation === from.organisation);
      const to = sameOrg[f.to % sameOrg.length];
      const via = sameOrg[f.via % sameOrg.length];
      return [{ id: `i${i}`, organisation: from.organisation, from: from.id, to: to.id, via: f.hasVia ? via.id : undefined }];
    });
    return Landscape.parse({ suppliers, platforms, applications, interfaces });
  });

/** Hop distance of every node that fails with `node`, by relaxing the rules of docs/data-model.md on the raw rows until nothing changes. */
function bruteImpact(landscape: Landscape, node: string): Map<string, number> {
  const app = (org: string, id: string) => `app:${org}/${id}`;
  const distance = new Map<string, number>();
  const relax = (uid: string, d: number) => {
    if (d < (distance.get(uid) ?? Infinity)) {
      distance.set(uid, d);
      return true;
    }
    return false;
  };
  const suppliersOf = node.startsWith('group:')
    ? landscape.suppliers.filter(s => s.group && `group:${s.group.toLowerCase().replace(/ /g, '-')}` === node).map(s => s.id)
    : node.startsWith('supplier:') ? [node.slice('supplier:'.length)] : [];
  if (suppliersOf.length === 0) distance.set(node, 0);
  for (const a of landscape.applications) if (a.supplier && suppliersOf.includes(a.supplier)) relax(app(a.organisation, a.id), 1);
  for (const p of landscape.platforms) if (p.supplier && suppliersOf.includes(p.supplier)) relax(`platform:${p.id}`, 1);
  for (let changed = true; changed; ) {
    changed = false;
    const at = (uid: string) => distance.get(uid) ?? Infinity;
    for (const p of landscape.platforms) if (p.runsOn) changed = relax(`platform:${p.id}`, at(`platform:${p.runsOn}`) + 1) || changed;
    for (const a of landscape.applications) if (a.platform) changed = relax(app(a.organisation, a.id), at(`platform:${a.platform}`) + 1) || changed;
    for (const i of landscape.interfaces) {
      const [from, to] = [app(i.organisation, i.from), app(i.organisation, i.to)];
      changed = relax(to, at(from) + 1) || changed;
      if (i.via) {
        const via = app(i.organisation, i.via);
        changed = relax(from, at(via) + 1) || changed;
        changed = relax(to, at(via) + 1) || changed;
      }
    }
  }
  distance.delete(node);
  return new Map([...distance].filter(([, d]) => Number.isFinite(d)));
}

/** Applications whose removal splits their organisation's interface graph further. */
function bruteArticulationPoints(landscape: Landscape): string[] {
  const points: string[] = [];
  for (const org of ORGS) {
    const vertices = landscape.applications.filter(a => a.organisation === org).map(a => a.id);
    const links = landscape.interfaces.filter(i => i.organisation === org).flatMap(i => (i.via ? [[i.from, i.via], [i.via, i.to]] : [[i.from, i.to]]));
    const count = (skip?: string) => {
      const seen = new Set<string>();
      let components = 0;
      for (const v of vertices) {
        if (v === skip || seen.has(v)) continue;
        components++;
        const stack = [v];
        seen.add(v);
        while (stack.length) {
          const x = stack.pop()!;
          for (const [a, b] of links) {
            if (a === skip || b === skip) continue;
            const other = a === x ? b : b === x ? a : undefined;
            if (other !== undefined && !seen.has(other)) {
              seen.add(other);
              stack.push(other);
            }
          }
        }
      }
      return components;
    };
    const base = count();
    for (const v of vertices) if (count(v) > base) points.push(`app:${org}/${v}`);
  }
  return points.sort();
}

describe('analyses on random landscapes', () => {
  let driver: Driver;
  beforeAll(() => (driver = testDriver()));
  afterAll(() => driver.close());

  it('when random landscapes are loaded, then impact sets, hops and articulation points agree with brute force', async () => {
    const impact = getAnalysis('impact')!;
    const spof = getAnalysis('single-points-of-failure')!;
    await fc.assert(
      fc.asyncProperty(randomLandscape, fc.nat(1000), async (landscape, pick) => {
        await resetDatabase(driver);
        await loadLandscape(driver, landscape);
        const candidates = [
          ...landscape.applications.map(a => `app:${a.organisation}/${a.id}`),
          ...landscape.platforms.map(p => `platform:${p.id}`),
          ...landscape.suppliers.map(s => `supplier:${s.id}`),
          ...[...new Set(landscape.suppliers.flatMap(s => (s.group ? [`group:${s.group.toLowerCase().replace(/ /g, '-')}`] : [])))],
        ];
        const node = candidates[pick % candidates.length];
        const { rows } = await impact.run(driver, impact.params.parse({ node, maxHops: '1000' }));
        expect(new Map(rows.map(row => [row.uid as string, row.hops as number]))).toEqual(bruteImpact(landscape, node));
        for (const row of rows) expect((row.path as string[]).at(-1)).toBe(node);

        const { rows: rows2, summary } = await spof.run(driver, spof.params.parse({ limit: '0' }));
        expect((summary as any).articulationPoints.map((p: any) => p.uid).sort()).toEqual(bruteArticulationPoints(landscape));
        for (const row of rows2) {
          const failed = [...bruteImpact(landscape, row.uid as string).keys()].filter(uid => uid.startsWith(`app:${row.organisation}/`)).length;
          expect([row.uid, row.failedApplications]).toEqual([row.uid, failed + (String(row.uid).startsWith('app:') ? 1 : 0)]);
        }
      }),
      { numRuns: 15 },
    );
  });
});
