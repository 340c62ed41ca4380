// The answer for every organisation at once is the union of the answers per organisation: what the
// per-snapshot memos (sovereignty's facts, Common Ground's basis) must not change. On the demo region
// held in memory (no Neo4j), each organisation's snapshot cut as fetchLandscape cuts it: its own
// applications, interfaces and contracts, every platform and supplier.
import { commonGround } from '../../server/analyses/common-ground.js';
import type { Landscape } from '../../server/analyses/landscape.js';
import { sovereignty } from '../../server/analyses/sovereignty.js';
import type { Row } from '../../server/analyses/types.js';
import { demoSnapshot } from './demo-snapshot.js';

const region = demoSnapshot('region');
const organisations = [...new Set([...region.applications.values()].map(a => a.organisation))].sort();
const cut = (organisation: string): Landscape => ({
  ...region, organisations: [organisation],
  applications: new Map([...region.applications].filter(([, a]) => a.organisation === organisation)),
  interfaces: region.interfaces.filter(i => i.organisation === organisation),
  contracts: region.contracts.filter(c => c.organisation === organisation),
});
const byUid = (rows: Row[]) => [...rows].sort((a, b) => String(a.uid).localeCompare(String(b.uid)));

describe('an answer for every organisation is the union of the answers per organisation (demo region)', () => {
  it('when sovereignty is asked for all and for each, then the rows, tallies and what-if add up', () => {
    expect(organisations.length).toBe(10);
    const all = sovereignty({ ...region });
    // Asked twice on the same snapshot (the memoised facts), the answer is the same.
    expect(sovereignty(region)).toEqual(sovereignty(region));
    expect(all).toEqual(sovereignty(region));
    const each = organisations.map(organisation => sovereignty(cut(organisation)));
    const s = all.summary as any;
    expect(s.overall.exposed).toBeGreaterThan(0);
    expect(byUid(all.rows)).toEqual(byUid(each.flatMap(answer => answer.rows)));
    expect(s.byOrganisation).toEqual(each.flatMap(answer => (answer.summary as any).byOrganisation));
    expect(s.applicationsFailed).toBe(each.reduce((sum, answer) => sum + (answer.summary as any).applicationsFailed, 0));
    expect(s.criticalApplicationsFailed).toBe(each.reduce((sum, answer) => sum + (answer.summary as any).criticalApplicationsFailed, 0));
    expect(s.businessFunctionsLost).toEqual(each.flatMap(answer => (answer.summary as any).businessFunctionsLost));
    for (const answer of each) expect((answer.summary as any).nonEuParties).toEqual(s.nonEuParties);
  });

  it('when Common Ground is asked for all and for each, then each organisation scores the same and the receivers add up', () => {
    const all = commonGround({ ...region }, { limit: 3, list: 'organisations' });
    const each = organisations.map(organisation => commonGround(cut(organisation), { limit: 3, list: 'organisations' }));
    const withoutRank = (rows: Row[]) => rows.map(({ rank: _rank, ...row }) => row).sort((a, b) => String(a.organisation).localeCompare(String(b.organisation)));
    expect(withoutRank(all.rows)).toEqual(withoutRank(each.flatMap(answer => answer.rows)));
    const moves = (answer: { summary: Record<string, unknown> }) => (answer.summary as any).moves as { uid: string }[];
    expect(moves(all).map(m => m.uid).sort()).toEqual(each.flatMap(moves).map(m => m.uid).sort());
    expect((all.summary as any).overall.baseRegistrationReceivers).toBe(each.reduce((sum, answer) => sum + (answer.summary as any).overall.baseRegistrationReceivers, 0));
  });
});
