import fc from 'fast-check';
import { biconnectivity, breadthFirst, pathTo, type UndirectedEdge } from '../../server/analyses/graph-algorithms.js';

// Independent, straightforward versions: remove each vertex / edge and count components; relax
// distances until nothing changes.
function components(vertexCount: number, edges: readonly UndirectedEdge[], skipVertex = -1, skipEdge = -1): number {
  const parent = Array.from({ length: vertexCount }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  edges.forEach(([a, b], index) => {
    if (index === skipEdge || a === skipVertex || b === skipVertex) return;
    parent[find(a)] = find(b);
  });
  let count = 0;
  for (let v = 0; v < vertexCount; v++) if (v !== skipVertex && find(v) === v) count++;
  return count;
}

const bruteArticulationPoints = (n: number, edges: UndirectedEdge[]) => {
  const base = components(n, edges);
  return [...Array(n).keys()].filter(v => components(n, edges, v) > base);
};
const bruteBridges = (n: number, edges: UndirectedEdge[]) => {
  const base = components(n, edges);
  return edges.map((_, i) => i).filter(i => components(n, edges, -1, i) > base);
};

const graph = (maxVertices: number, maxEdges: number) =>
  fc.integer({ min: 1, max: maxVertices }).chain(n =>
    fc.record({
      n: fc.constant(n),
      edges: fc.array(fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })), { maxLength: maxEdges }),
    }));

describe('graph algorithms', () => {
  it('when compared with removing every vertex and edge on random multigraphs, then articulation points and bridges agree', () => {
    fc.assert(
      fc.property(graph(14, 30), ({ n, edges }) => {
        const result = biconnectivity(n, edges as UndirectedEdge[]);
        expect(result.articulationPoints).toEqual(bruteArticulationPoints(n, edges as UndirectedEdge[]));
        expect(result.bridges).toEqual(bruteBridges(n, edges as UndirectedEdge[]));
      }),
      { numRuns: 1000 },
    );
  });

  it('when a path graph is 200,000 vertices long, then the iterative search does not overflow the stack', () => {
    const n = 200_000;
    const edges: UndirectedEdge[] = Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const);
    const result = biconnectivity(n, edges);
    expect(result.articulationPoints.length).toBe(n - 2);
    expect(result.bridges.length).toBe(n - 1);
  });

  it('when a cycle closes the path, then nothing is an articulation point or a bridge', () => {
    const edges: UndirectedEdge[] = [[0, 1], [1, 2], [2, 3], [3, 0]];
    expect(biconnectivity(4, edges)).toEqual({ articulationPoints: [], bridges: [] });
    expect(biconnectivity(2, [[0, 1], [1, 0]])).toEqual({ articulationPoints: [], bridges: [] });
    expect(biconnectivity(3, [[0, 1], [1, 2], [1, 1]])).toEqual({ articulationPoints: [1], bridges: [0, 1] });
  });

  it('when compared with distance relaxation on random directed graphs, then breadth-first hops and paths agree', () => {
    fc.assert(
      fc.property(graph(15, 40), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 1, max: 6 }), ({ n, edges }, rawStart, maxHops) => {
        const start = String(rawStart % n);
        const next = new Map<string, string[]>();
        for (const [a, b] of edges) next.set(String(a), [...(next.get(String(a)) ?? []), String(b)]);
        const reached = breadthFirst([start], id => next.get(id), maxHops);

        const distance = new Map<string, number>([[start, 0]]);
        for (let round = 0; round < n; round++) {
          for (const [a, b] of edges) {
            const d = distance.get(String(a));
            if (d !== undefined && d + 1 <= maxHops && d + 1 < (distance.get(String(b)) ?? Infinity)) distance.set(String(b), d + 1);
          }
        }
        expect(new Map([...reached].map(([id, r]) => [id, r.hops]))).toEqual(distance);
        for (const [id, { hops }] of reached) {
          const path = pathTo(reached, id);
          expect(path[0]).toBe(start);
          expect(path.length).toBe(hops + 1);
          for (let i = 0; i + 1 < path.length; i++) expect(next.get(path[i])).toContain(path[i + 1]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
