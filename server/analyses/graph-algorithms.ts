// Graph algorithms over subgraphs fetched in one query. Everything is iterative: a recursive
// depth-first search overflows the stack on landscapes with long chains (see notes/pitfalls.md).
//
// Why not Neo4j Graph Data Science: the open-source GDS is not a single jar on Maven Central (it
// has to be built from source), it is not installed on Aura Free or most managed servers, and an
// iterative Tarjan over the fetched subgraph needs ~70 ms for a million edges, far below the time
// the fetch itself takes. So Roer computes these in TypeScript and needs only plain Cypher.

/** An undirected edge between vertex indexes; parallel edges and self-loops are allowed. */
export type UndirectedEdge = readonly [number, number];

export type Biconnectivity = {
  /** Vertex indexes whose removal increases the number of connected components, ascending. */
  articulationPoints: number[];
  /** Indexes into `edges` of the edges whose removal increases the number of components, ascending. */
  bridges: number[];
};

/**
 * Articulation points and bridges (Tarjan/Hopcroft) with an explicit stack. Parallel edges are
 * told apart by their index, so two interfaces between the same pair of applications are never a
 * bridge; self-loops are ignored.
 */
export function biconnectivity(vertexCount: number, edges: readonly UndirectedEdge[]): Biconnectivity {
  // Compressed adjacency: for vertex v, slots start[v] .. start[v+1]-1 hold (neighbour, edge index).
  const degree = new Int32Array(vertexCount + 1);
  for (const [a, b] of edges) {
    if (a === b) continue;
    degree[a]++;
    degree[b]++;
  }
  const start = new Int32Array(vertexCount + 1);
  for (let v = 0; v < vertexCount; v++) start[v + 1] = start[v] + degree[v];
  const neighbour = new Int32Array(start[vertexCount]);
  const edgeOf = new Int32Array(start[vertexCount]);
  const fill = start.slice(0, vertexCount);
  edges.forEach(([a, b], index) => {
    if (a === b) return;
    neighbour[fill[a]] = b;
    edgeOf[fill[a]++] = index;
    neighbour[fill[b]] = a;
    edgeOf[fill[b]++] = index;
  });

  const discovered = new Int32Array(vertexCount).fill(-1);
  const low = new Int32Array(vertexCount);
  const parent = new Int32Array(vertexCount).fill(-1);
  const parentEdge = new Int32Array(vertexCount).fill(-1);
  const next = new Int32Array(vertexCount); // next adjacency slot to look at
  const isArticulation = new Uint8Array(vertexCount);
  const bridges: number[] = [];
  const stack = new Int32Array(vertexCount);
  let time = 0;

  for (let root = 0; root < vertexCount; root++) {
    if (discovered[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    discovered[root] = low[root] = time++;
    next[root] = start[root];
    let rootChildren = 0;
    while (top > 0) {
      const v = stack[top - 1];
      if (next[v] < start[v + 1]) {
        const slot = next[v]++;
        const w = neighbour[slot];
        const edge = edgeOf[slot];
        if (edge === parentEdge[v]) continue;
        if (discovered[w] === -1) {
          discovered[w] = low[w] = time++;
          parent[w] = v;
          parentEdge[w] = edge;
          next[w] = start[w];
          stack[top++] = w;
          if (v === root) rootChildren++;
        } else if (discovered[w] < low[v]) {
          low[v] = discovered[w];
        }
      } else {
        top--;
        const p = parent[v];
        if (p === -1) continue;
        if (low[v] < low[p]) low[p] = low[v];
        if (low[v] > discovered[p]) bridges.push(parentEdge[v]);
        if (p !== root && low[v] >= discovered[p]) isArticulation[p] = 1;
      }
    }
    if (rootChildren >= 2) isArticulation[root] = 1;
  }
  const articulationPoints: number[] = [];
  isArticulation.forEach((flag, v) => flag && articulationPoints.push(v));
  return { articulationPoints, bridges: bridges.sort((a, b) => a - b) };
}

export type Reached = { hops: number; previous: string | null };

/**
 * Breadth-first search from `starts` along `next` (e.g. "who depends on me"): every reached id
 * with its hop distance and the id it was first reached from, so one shortest path can be read
 * back with `pathTo`. Starts have hop 0; nothing beyond `maxHops` is visited.
 */
export function breadthFirst(
  starts: Iterable<string>,
  next: (id: string) => Iterable<string> | undefined,
  maxHops = Number.POSITIVE_INFINITY,
): Map<string, Reached> {
  const reached = new Map<string, Reached>();
  let frontier: string[] = [];
  for (const id of starts) {
    if (reached.has(id)) continue;
    reached.set(id, { hops: 0, previous: null });
    frontier.push(id);
  }
  for (let hops = 1; frontier.length > 0 && hops <= maxHops; hops++) {
    const following: string[] = [];
    for (const id of frontier) {
      for (const other of next(id) ?? []) {
        if (reached.has(other)) continue;
        reached.set(other, { hops, previous: id });
        following.push(other);
      }
    }
    frontier = following;
  }
  return reached;
}

/** The path from a start to `id` recorded by `breadthFirst`, start first. */
export function pathTo(reached: Map<string, Reached>, id: string): string[] {
  const path: string[] = [];
  for (let current: string | null = id; current !== null; current = reached.get(current)?.previous ?? null) path.push(current);
  return path.reverse();
}
