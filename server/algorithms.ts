// Algorithms from the Algoritmeregister and the review of their links: the list with what the
// register's text proposes (confidence, basis) and what people decided, the decisions themselves
// (AlgorithmReview nodes, kept apart from the imported facts so a re-import keeps them), and the
// algorithms that run on a set of applications, for impact, what-if and sovereignty.
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import { LIKELY } from '../importers/algorithm-match.js';
import { NotFoundError } from './errors.js';
import { read, write } from './neo4j.js';
import { query } from './queries.js';

export type Decision = 'confirmed' | 'rejected';
export type MatchState = 'open' | Decision;
export type AlgorithmMatch = {
  target: string; kind: 'Application' | 'Supplier'; name: string | null;
  /** How the register's text named it (null: not proposed by the text, only decided). */
  confidence: string | null; basis: string | null;
  state: MatchState; decidedBy: string | null; decidedAt: string | null;
};
export type AlgorithmEntry = {
  uid: string; id: string; name: string; organisation: string; organisationName: string;
  status: string; impactful: boolean; highRisk: boolean; publicationCategory: string | null; impactAssessment: string;
  purpose: string | null; url: string | null; registered: string | null;
  matches: AlgorithmMatch[];
};

type ListRow = {
  uid: string; props: Record<string, unknown>; organisation: string; organisationName: string | null;
  candidates: { target: string; kind: 'Application' | 'Supplier'; name: string | null; confidence: string; basis: string }[];
  decisions: { target: string; kind: 'Application' | 'Supplier' | null; name: string | null; decision: Decision; user: string; at: string; confidence: string | null }[];
};

const RANK: Record<string, number> = { exact: 0, normalised: 1, supplier: 2 };
const str = (value: unknown) => (typeof value === 'string' ? value : null);

export const AlgorithmsQuery = z.object({
  organisation: z.preprocess(v => (v === undefined || v === '' ? undefined : (Array.isArray(v) ? v : String(v).split(',')).map(s => String(s).trim()).filter(Boolean)), z.array(z.string().min(1).max(200)).max(500).optional())
    .describe('Organisation ids (several: comma-separated or repeated); none = every organisation'),
  application: z.string().trim().min(1).max(300).optional().describe('Only the algorithms linked (proposed or decided) to this application uid'),
});

/** The algorithms of the organisations, each with its proposed and decided links, open ones first within an algorithm. */
export async function listAlgorithms(driver: Driver, params: z.infer<typeof AlgorithmsQuery>): Promise<{ algorithms: AlgorithmEntry[]; unmatchedOrganisations: { name: string; algorithms: number }[] }> {
  const rows = await read<ListRow>(driver, query('algorithms/list').text, { organisations: params.organisation ?? null, application: params.application ?? null });
  const algorithms = rows.map(row => {
    const decided = new Map(row.decisions.map(d => [d.target, d]));
    const matches: AlgorithmMatch[] = row.candidates.map(c => {
      const d = decided.get(c.target);
      return { target: c.target, kind: c.kind, name: c.name, confidence: c.confidence, basis: c.basis, state: d?.decision ?? 'open', decidedBy: d?.user ?? null, decidedAt: d?.at ?? null };
    });
    // A decision on a link the text no longer proposes still stands.
    for (const d of row.decisions) {
      if (!row.candidates.some(c => c.target === d.target) && d.kind) matches.push({ target: d.target, kind: d.kind, name: d.name, confidence: null, basis: null, state: d.decision, decidedBy: d.user, decidedAt: d.at });
    }
    matches.sort((a, b) => (RANK[a.confidence ?? ''] ?? 3) - (RANK[b.confidence ?? ''] ?? 3) || (a.kind === b.kind ? 0 : a.kind === 'Application' ? -1 : 1) || String(a.name).localeCompare(String(b.name), 'nl'));
    const p = row.props;
    return {
      uid: row.uid, id: String(p.id), name: String(p.name), organisation: row.organisation, organisationName: row.organisationName ?? String(p.organisationName ?? row.organisation),
      status: String(p.status), impactful: p.impactful === true, highRisk: p.highRisk === true, publicationCategory: str(p.publicationCategory), impactAssessment: String(p.impactAssessment ?? 'unknown'),
      purpose: str(p.purpose), url: str(p.url), registered: str(p.registered), matches,
    };
  });
  const filtered = params.application
    ? algorithms.map(a => ({ ...a, matches: a.matches.filter(m => m.target === params.application) }))
    : algorithms;
  const unmatchedOrganisations = params.application ? [] : await read<{ name: string; algorithms: number }>(driver, query('algorithms/unmatched').text);
  return { algorithms: filtered, unmatchedOrganisations };
}

export const MatchesQuery = AlgorithmsQuery.pick({ organisation: true }).extend({
  state: z.enum(['open', 'confirmed', 'rejected', 'all']).default('all').describe('Only links in this state'),
});

/** Every proposed or decided link as one row: algorithm, target, confidence, state. */
export async function listMatches(driver: Driver, params: z.infer<typeof MatchesQuery>) {
  const { algorithms } = await listAlgorithms(driver, { organisation: params.organisation });
  return algorithms.flatMap(a => a.matches
    .filter(m => params.state === 'all' || m.state === params.state)
    .map(m => ({ algorithm: a.uid, algorithmName: a.name, organisation: a.organisation, organisationName: a.organisationName, ...m })));
}

export const DecisionBody = z.object({
  algorithm: z.string().trim().min(1).max(300).describe('uid of the algorithm, e.g. algorithm:12337864'),
  target: z.string().trim().min(1).max(300).describe('uid of the application or supplier'),
  decision: z.enum(['confirmed', 'rejected', 'open']).describe('confirmed / rejected; open withdraws a decision'),
});

/** Records (or, with `open`, withdraws) a decision; unknown algorithm or target: NotFoundError. */
export async function decide(driver: Driver, body: z.infer<typeof DecisionBody>, user: string): Promise<{ algorithm: string; target: string; state: MatchState }> {
  if (body.decision === 'open') {
    await write(driver, query('algorithms/undecide').text, { algorithm: body.algorithm, target: body.target });
    return { algorithm: body.algorithm, target: body.target, state: 'open' };
  }
  const rows = await write<{ decision: Decision }>(driver, query('algorithms/decide').text, { ...body, user, at: new Date().toISOString() });
  if (rows.length === 0) throw new NotFoundError(`No algorithm '${body.algorithm}' with an application or supplier '${body.target}' / Onbekend algoritme of onbekende applicatie of leverancier`);
  return { algorithm: body.algorithm, target: body.target, state: rows[0].decision };
}

export type RunningAlgorithm = {
  uid: string; name: string; organisation: string | null; organisationName: string; status: string; impactful: boolean; highRisk: boolean; url: string | null;
  /** confirmed when any of its links is; else likely (matched by name, not yet reviewed). */
  link: 'confirmed' | 'likely';
  applications: { uid: string; name: string; link: 'confirmed' | 'likely' }[];
};

/** The algorithms running on any of `applications`: confirmed links, and likely ones (exact or normalised name) nobody rejected. */
export async function algorithmsOn(driver: Driver, applications: Iterable<string>): Promise<RunningAlgorithm[]> {
  const uids = new Set(applications);
  if (uids.size === 0) return [];
  type Row = Omit<RunningAlgorithm, 'applications' | 'link'> & { application: string; applicationName: string; link: 'confirmed' | 'likely' };
  const rows = await read<Row>(driver, query('algorithms/running-on').text, { likely: LIKELY });
  const byUid = new Map<string, RunningAlgorithm>();
  for (const { application, applicationName, link, ...algorithm } of rows) {
    if (!uids.has(application)) continue;
    const entry = byUid.get(algorithm.uid) ?? { ...algorithm, impactful: algorithm.impactful === true, highRisk: algorithm.highRisk === true, link, applications: [] };
    entry.applications.push({ uid: application, name: applicationName, link });
    if (link === 'confirmed') entry.link = 'confirmed';
    byUid.set(algorithm.uid, entry);
  }
  return [...byUid.values()].sort((a, b) => Number(b.highRisk) - Number(a.highRisk) || Number(b.impactful) - Number(a.impactful) || a.organisationName.localeCompare(b.organisationName, 'nl') || a.name.localeCompare(b.name, 'nl'));
}

/** The answer's shape where analyses include it (OpenAPI). */
export const RunningAlgorithmSchema = z.object({
  uid: z.string(), name: z.string(), organisation: z.string().nullable(), organisationName: z.string(), status: z.string(),
  impactful: z.boolean().meta({ description: "The register's category says impactful or high-risk, or (without a category) an impact assessment was made" }),
  highRisk: z.boolean(), url: z.string().nullable(),
  link: z.enum(['confirmed', 'likely']).meta({ description: 'confirmed by a review; likely: matched by name, not reviewed' }),
  applications: z.array(z.object({ uid: z.string(), name: z.string(), link: z.enum(['confirmed', 'likely']) })),
});
