import { noFilters, toElements, visibleNodeIds } from '../../web/src/elements.js';
import type { Graph } from '../../web/src/types.js';

const graph = (): Graph => ({
  nodes: [
    { id: 'org:gm1', kind: 'Organisation', label: 'Gemeente 1' },
    { id: 'app:gm1/zaak', kind: 'Application', label: 'Zaaksysteem', criticality: 'high', organisation: 'gm1', referenceComponents: ['Zaaksysteem', 'DMS'] },
    { id: 'app:gm1/brp', kind: 'Application', label: 'BRP-koppeling', criticality: 'critical', organisation: 'gm1' },
    { id: 'app:gm1/web', kind: 'Application', label: 'Website', criticality: 'low', organisation: 'gm1' },
    { id: 'supplier:acme', kind: 'Supplier', label: 'Acme B.V.' },
    { id: 'supplier:beta', kind: 'Supplier', label: 'Beta' },
    { id: 'group:acme-holding', kind: 'SupplierGroup', label: 'Acme Holding' },
    { id: 'platform:rc', kind: 'Platform', label: 'Rekencentrum', jurisdiction: 'NL' },
    { id: 'platform:cloud', kind: 'Platform', label: 'Cloud', jurisdiction: 'US' },
    { id: 'function:vergunningen', kind: 'BusinessFunction', label: 'Vergunningen' },
  ],
  edges: [
    { source: 'org:gm1', target: 'app:gm1/zaak', type: 'USES' },
    { source: 'org:gm1', target: 'app:gm1/brp', type: 'USES' },
    { source: 'org:gm1', target: 'app:gm1/web', type: 'USES' },
    { source: 'supplier:acme', target: 'app:gm1/zaak', type: 'SUPPLIES' },
    { source: 'supplier:acme', target: 'app:gm1/brp', type: 'SUPPLIES' },
    { source: 'supplier:beta', target: 'app:gm1/web', type: 'SUPPLIES' },
    { source: 'supplier:acme', target: 'group:acme-holding', type: 'PART_OF' },
    { source: 'app:gm1/zaak', target: 'platform:rc', type: 'RUNS_ON' },
    { source: 'app:gm1/web', target: 'platform:cloud', type: 'RUNS_ON' },
    { source: 'app:gm1/zaak', target: 'function:vergunningen', type: 'SUPPORTS' },
    { id: 'dep-1', source: 'app:gm1/zaak', target: 'app:gm1/brp', type: 'DEPENDS_ON', kind: 'flow' },
    { source: 'app:gm1/zaak', target: 'app:gm1/missing', type: 'DEPENDS_ON' },
  ],
});

describe('toElements', () => {
  it('when a graph is mapped, then every node becomes one node element with its kind, label and flat data', () => {
    const elements = toElements(graph());
    const nodes = elements.filter(e => e.group === 'nodes');
    expect(nodes.map(n => n.data.id).sort()).toEqual(graph().nodes.map(n => n.id).sort());
    const zaak = nodes.find(n => n.data.id === 'app:gm1/zaak')!;
    expect(zaak.data).toMatchObject({ kind: 'Application', label: 'Zaaksysteem', criticality: 'high', criticalityRank: 3, referenceComponents: 'Zaaksysteem|DMS' });
  });

  it('when an edge points at a node that is not in the graph, then it is dropped and the rest get stable ids', () => {
    const edges = toElements(graph()).filter(e => e.group === 'edges');
    expect(edges).toHaveLength(11);
    expect(edges.map(e => e.data.id)).toContain('dep-1');
    expect(edges.map(e => e.data.id)).toContain('supplier:acme-SUPPLIES-app:gm1/zaak');
    expect(edges.find(e => e.data.id === 'dep-1')!.data).toMatchObject({ source: 'app:gm1/zaak', target: 'app:gm1/brp', type: 'DEPENDS_ON', kind: 'flow' });
  });

  it('when nodes have compound parents and positions, then parents come first and positions are copied', () => {
    const elements = toElements(
      { nodes: [{ id: 'a', kind: 'Application', label: 'A', parent: 'agg' }, { id: 'agg', kind: 'Aggregate', label: 'Acme', count: 12 }], edges: [] },
      { a: { x: 5, y: 7 } },
    );
    expect(elements.map(e => e.data.id)).toEqual(['agg', 'a']);
    expect(elements[0]).toMatchObject({ classes: 'compound', data: { label: 'Acme (12)' } });
    expect(elements[1]).toMatchObject({ data: { parent: 'agg' }, position: { x: 5, y: 7 } });
  });
});

describe('visibleNodeIds', () => {
  it('when no filter is set, then every node is visible', () => {
    expect(visibleNodeIds(graph(), noFilters()).size).toBe(graph().nodes.length);
  });

  it('when filtering on criticality, then only applications are dropped', () => {
    const visible = visibleNodeIds(graph(), { ...noFilters(), criticality: ['high', 'critical'] });
    expect([...visible].filter(id => id.startsWith('app:')).sort()).toEqual(['app:gm1/brp', 'app:gm1/zaak']);
    expect(visible.has('supplier:beta')).toBe(true);
  });

  it('when filtering on a supplier, then its applications and what they touch remain', () => {
    const visible = visibleNodeIds(graph(), { ...noFilters(), supplier: 'supplier:beta' });
    expect([...visible].sort()).toEqual(['app:gm1/web', 'org:gm1', 'platform:cloud', 'supplier:beta']);
  });

  it('when filtering on a supplier group, then the applications of its suppliers remain', () => {
    const visible = visibleNodeIds(graph(), { ...noFilters(), supplier: 'group:acme-holding' });
    expect([...visible].filter(id => id.startsWith('app:')).sort()).toEqual(['app:gm1/brp', 'app:gm1/zaak']);
    expect(visible.has('group:acme-holding')).toBe(true);
  });

  it('when combining a business function and a node kind, then both apply', () => {
    const visible = visibleNodeIds(graph(), { ...noFilters(), businessFunction: 'function:vergunningen', kinds: ['Application', 'BusinessFunction'] });
    expect([...visible].sort()).toEqual(['app:gm1/zaak', 'function:vergunningen']);
  });

  it('when filtering on jurisdiction, then platforms elsewhere disappear', () => {
    const visible = visibleNodeIds(graph(), { ...noFilters(), jurisdiction: ['NL'] });
    expect(visible.has('platform:rc')).toBe(true);
    expect(visible.has('platform:cloud')).toBe(false);
  });
});
