// Read endpoints for the explorer: the graph, one node's details, search and the organisations.
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { lockInOfNode, weightsCacheKey } from '../analyses/lock-in.js';
import { today } from '../analyses/params.js';
import { type ContractDates, withCurrentTerm } from '../analyses/contract-term.js';
import { cached } from '../analyses/snapshot-cache.js';
import type { AnalysisDefinition } from '../analyses/types.js';
import { NotFoundError } from '../errors.js';
import { FAILING_KINDS } from '../analyses/landscape.js';
import { interfaceName, organisationName } from '../labels.js';
import { toGraphml } from '../exports/graphml.js';
import { GraphQuery, graphView, readerProps } from '../graph-view.js';
import { sendJsonOnce, withOriginal } from '../shared-json.js';
import { organisationList } from '../names.js';
import { int, read } from '../neo4j.js';
import { query } from '../queries.js';
import { searchEntities } from '../search.js';
import type { AppContext } from './context.js';
import { addRoute } from './registry.js';

export const SearchQuery = z.object({
  q: z.string().trim().min(1, 'q is required / zoekterm ontbreekt').max(200),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Words of a search that count; more narrow nothing a person can see, and each costs the index time. */
export const MAX_SEARCH_WORDS = 6;

/** Dutch legal forms as typed without dots; written with dots they are initials, dropped as single letters. */
const LEGAL_FORMS = new Set(['bv', 'nv', 'vof', 'cv']);

/**
 * The user's text as a Lucene query: words only (every Lucene operator character is dropped, and
 * anything left is escaped anyway), each word exact, as a prefix, or fuzzy (from 4 letters); the boosts
 * rank exact over prefix over fuzzy, or "zaak" would list "Aak Software" above "Zaaksysteem". Repeated
 * words count once, and only the first MAX_SEARCH_WORDS count. Two typos per word (from 8 letters) are
 * allowed only in a search of one or two words: Lucene builds an automaton per fuzzy word, and ten of
 * them with two edits took 0.3–0.9 s on the demo municipality.
 */
export function luceneQuery(text: string): string {
  const all = [...new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean))];
  // Single letters are initials ("B.V.", "N.V."), which the index holds as one word ("b.v"): as words of
  // their own they matched nothing, so "Plevier Software B.V." found nothing.
  // A legal form typed without its dots ("bv") is not the index's word ("b.v"): it would find nothing.
  const meaningful = all.filter(word => word.length > 1 && !LEGAL_FORMS.has(word));
  const words = (meaningful.length ? meaningful : all)
    .slice(0, MAX_SEARCH_WORDS)
    .map(word => word.replace(/[+\-&|!(){}[\]^"~*?:\\/]/g, '\\$&'));
  const edits = (word: string) => (word.length >= 8 && words.length <= 2 ? 2 : 1);
  return words.map(word => `(${word}^5 OR ${word}*^3${word.length >= 4 ? ` OR ${word}~${edits(word)}^0.5` : ''})`).join(' AND ');
}

type Neighbour = { direction: 'in' | 'out'; type: string; uid: string; kind: string; name: string; properties: Record<string, unknown> };
type Detail = { kind: string; properties: Record<string, unknown>; outgoing: Neighbour[]; incoming: Neighbour[] };
type InterfaceEnds = { uid: string; id: string | null; name: string | null; from: string | null; to: string | null; via: string | null; standard: string | null };

/**
 * The use case behind GET /api/nodes/:uid; kept in the snapshot cache (per day and lock-in weights)
 * while the database is unchanged: the details panel opens the same nodes again and again.
 */
export async function nodeDetail(driver: Driver, analyses: AnalysisDefinition[], uid: string) {
  const withLockIn = analyses.some(candidate => candidate.name === 'lock-in');
  const key = `node:${JSON.stringify([uid, withLockIn, today(), withLockIn ? weightsCacheKey() : null])}`;
  const detail = await cached(driver, key, () => loadNodeDetail(driver, analyses, uid), value => 2_000 + 300 * Object.values(value.neighbours).reduce((sum, list) => sum + list.length, 0) + 400 * value.contracts.length);
  return withOriginal({ ...detail, neighbours: { ...detail.neighbours }, contracts: [...detail.contracts] }, detail);
}

async function loadNodeDetail(driver: Driver, analyses: AnalysisDefinition[], uid: string) {
  const [detail] = await read<Detail>(driver, query('views/node-detail').text, { uid });
  if (!detail) throw new NotFoundError(`No node with uid '${uid}' / Geen knoop '${uid}'`);
  const properties = readerProps(detail.properties, ['uid']);
  // Interfaces have ids, not names: they are named after their ends (labels.ts interfaceName).
  const interfaceUids = [...detail.outgoing, ...detail.incoming].filter(n => n.kind === 'Interface').map(n => n.uid);
  if (detail.kind === 'Interface') interfaceUids.push(uid);
  const found = interfaceUids.length ? await read<InterfaceEnds>(driver, query('views/interface-ends').text, { uids: [...new Set(interfaceUids)] }) : [];
  const ends = new Map(found.map(row => [row.uid, row]));
  const named = (id: string, name: string) => {
    const end = ends.get(id);
    return end ? { name: interfaceName(end.id ?? id, end.name, end), interface: { from: end.from, to: end.to, via: end.via, standard: end.standard } } : { name, interface: undefined };
  };
  const neighbours: Record<string, (Omit<Neighbour, 'type' | 'direction'> & { interface?: ReturnType<typeof named>['interface'] })[]> = {};
  for (const neighbour of [...detail.outgoing, ...detail.incoming]) {
    const key = neighbour.direction === 'out' ? `${neighbour.type}>` : `<${neighbour.type}`;
    const { name, interface: interfaceEnds } = named(neighbour.uid, neighbour.name);
    (neighbours[key] ??= []).push({ uid: neighbour.uid, kind: neighbour.kind, name, properties: readerProps(neighbour.properties), ...(interfaceEnds ? { interface: interfaceEnds } : {}) });
  }
  for (const list of Object.values(neighbours)) list.sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const [contracts, lockIn] = await Promise.all([
    // The date that counts first: a notice deadline, or the end of a contract that does not renew by itself.
    read(driver, query('views/node-contracts').text, { uid }).then(rows => rows.map(row => withCurrentTerm(row as ContractDates & { uid: string }, today())).sort((a, b) => String(a.noticeDeadline ?? a.end ?? '').localeCompare(String(b.noticeDeadline ?? b.end ?? '')) || a.uid.localeCompare(b.uid))),
    detail.kind === 'Application' || detail.kind === 'Supplier' ? lockInOf(analyses, driver, uid, properties) : undefined,
  ]);
  const own = named(uid, String(properties.name ?? ''));
  return {
    uid, kind: detail.kind, properties: own.interface ? { ...properties, name: own.name } : properties, ...(own.interface ? { interface: own.interface } : {}),
    // The controls a page may offer on this node: what-if follows only what can fail (impact), and a report needs that or an organisation.
    offers: { whatIf: isFailingKind(detail.kind), report: detail.kind === 'Organisation' || isFailingKind(detail.kind) },
    neighbours, contracts, ...(lockIn ? { lockIn } : {}),
  };
}

const isFailingKind = (kind: string) => (FAILING_KINDS as readonly string[]).includes(kind);

/**
 * The lock-in analysis' row for this application or supplier, when that analysis is installed:
 * only this node is scored, on the cached snapshot (not the whole analysis per click).
 */
async function lockInOf(analyses: AnalysisDefinition[], driver: Driver, uid: string, properties: Record<string, unknown>) {
  if (!analyses.some(candidate => candidate.name === 'lock-in')) return undefined;
  return lockInOfNode(driver, uid, typeof properties.organisation === 'string' ? properties.organisation : null);
}

export function registerGraphRoutes(router: Router, { driver, services, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/graph', summary: 'Nodes and edges for the explorer, aggregated for big graphs; GraphML with format=graphml', tag: 'graph', role: 'viewer', query: GraphQuery, produces: ['application/graphml+xml'], responses: [400, 404] },
    async ({ query: params }, _req, res) => {
      const view = await graphView(driver, params);
      if (params.format === 'graphml') return void res.attachment('roer-graph.graphml').type('application/graphml+xml; charset=utf-8').send(toGraphml(view));
      await sendJsonOnce(res, view);
    },
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/nodes/:uid', summary: 'One node: properties, neighbours per relationship, contracts with notice deadline, lock-in factors', tag: 'graph', role: 'viewer', params: z.object({ uid: z.string().min(1) }), responses: [404] },
    async ({ params }, _req, res) => sendJsonOnce(res, await nodeDetail(driver, services.analyses, params.uid)),
  );

  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/search', summary: 'Search on names and ids: the exact name first, then names starting with the text, then containing it, then words in another order or with a typo', tag: 'graph', role: 'viewer', query: SearchQuery, responses: [400] },
    async ({ query: params }) => {
      return { query: params.q, results: await searchEntities(driver, params.q, luceneQuery(params.q), params.limit) };
    },
  );

  addRoute(router, registry, { method: 'get', path: '/api/organisations', summary: 'Organisations with their numbers of applications and contracts', tag: 'graph', role: 'viewer' }, async (_input, _req, res) => {
    await sendJsonOnce(res, await organisationList(driver));
  });
}
