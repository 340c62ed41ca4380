// An analysis result as an AMEFF model (GET /api/analyses/:name?format=ameff): the elements the
// result names, the relationships among them, and a view an architect opens in Archi. Impact and
// what-if: the failing node red in the first column, what fails with it in a column per hop, lighter
// further away, each connected to a related element one hop nearer; the business functions touched
// last. Single points of failure: per organisation, the ranked candidates by kind, articulation points
// red, the bridges drawn in red.
import type { Driver } from 'neo4j-driver';
import type { AnalysisResult } from '../analyses/types.js';
import { InputError } from '../errors.js';
import type { Language } from '../labels.js';
import { organisationList, organisationNames } from '../names.js';
import { exportAmeff } from './ameff.js';
import { type AnalysisGroup, type AnalysisView, HOP_FILL, type Rgb } from './ameff-views.js';

export const AMEFF_ANALYSES = new Set(['single-points-of-failure', 'impact', 'what-if']);

type Named = { uid: string; name: string };
type HopRow = { uid: string; name: string; hops: number; organisation?: string | null };
type FunctionRow = { uid: string; organisation: string; lostAllSupport?: boolean };
type SpofRow = { uid: string; kind: string; organisation: string; articulationPoint: boolean; failedCriticalApplications: number; failedApplications: number };
type Bridge = { organisation: string; from: string; to: string };

const LOST: Rgb = [240, 128, 128];
const WORDS = {
  nl: {
    failing: 'Valt uit', replacement: 'Neemt het over', hops: (n: number) => (n === 1 ? '1 stap verder' : `${n} stappen verder`), functions: 'Bedrijfsfuncties',
    impact: (name: string) => `Impact: uitval van ${name}`,
    whatIf: (name: string, other?: string) => (other ? `Wat als ${name} wordt vervangen door ${other}` : `Wat als ${name} wegvalt`),
    hopNote: (name: string, count: number) =>
      `${name} valt uit (rood). ${count} applicaties en platforms vallen mee uit, per kolom één afhankelijkheidsstap verder, lichter gekleurd naarmate ze verder weg liggen; ` +
      'een lijn verbindt het met iets in een eerdere kolom waar het mee samenhangt (waar die lijn geen ander vak kruist). Bedrijfsfuncties: rood = alle ondersteuning weg, oranje = minder ondersteuning.',
    replaceNote: (name: string, other: string, count: number) =>
      `${name} (rood) wordt vervangen door ${other} (groen). ${count} applicaties hangen ervan af, per kolom één afhankelijkheidsstap verder.`,
    spof: (org: string) => `Kwetsbare schakels – ${org}`,
    spofNote: (org: string) =>
      `Wat in ${org} het meest meeneemt als het uitvalt, gerangschikt (eerst de meeste bedrijfskritische applicaties en bedrijfsfuncties). ` +
      'Rood = scharnierpunt (zonder dit valt het koppelingennetwerk uiteen); oranje = neemt bedrijfskritische applicaties mee; rode lijnen = enige koppeling tussen twee delen (brug).',
    kinds: { application: 'Applicaties', intermediary: 'Makelaars en intermediairs', platform: 'Platforms', supplier: 'Leveranciers' } as Record<string, string>,
  },
  en: {
    failing: 'Fails', replacement: 'Takes over', hops: (n: number) => (n === 1 ? '1 step further' : `${n} steps further`), functions: 'Business functions',
    impact: (name: string) => `Impact: ${name} fails`,
    whatIf: (name: string, other?: string) => (other ? `What if ${name} is replaced by ${other}` : `What if ${name} goes`),
    hopNote: (name: string, count: number) =>
      `${name} fails (red). ${count} applications and platforms fail with it, one dependency step further per column, lighter the further away; ` +
      'a line joins it to something it is related to in an earlier column (where that line crosses no other box). Business functions: red = all support lost, orange = less support.',
    replaceNote: (name: string, other: string, count: number) =>
      `${name} (red) is replaced by ${other} (green). ${count} applications depend on it, one dependency step further per column.`,
    spof: (org: string) => `Single points of failure – ${org}`,
    spofNote: (org: string) =>
      `What takes the most down with it in ${org}, ranked (most business-critical applications and business functions first). ` +
      'Red = articulation point (without it the interface network falls apart); orange = takes business-critical applications down; red lines = the only interface between two parts (bridge).',
    kinds: { application: 'Applications', intermediary: 'Brokers and intermediaries', platform: 'Platforms', supplier: 'Suppliers' } as Record<string, string>,
  },
};

const hopFill = (hops: number) => HOP_FILL[Math.min(Math.max(hops, 0), HOP_FILL.length - 1)];

/** The failing node, then a column per hop (each chained to the one before), then the business functions. */
function hopView(name: string, note: string, failing: { uid: string; label: string }[], rows: HopRow[], functions: FunctionRow[], words: typeof WORDS.nl): AnalysisView {
  const hops = [...new Set(rows.map(r => r.hops))].sort((a, b) => a - b);
  const groups: AnalysisGroup[] = [
    ...failing.map(f => ({ label: f.label, items: [{ uid: f.uid, fill: f.label === words.replacement ? ([201, 231, 183] as Rgb) : HOP_FILL[0] }] })),
    ...hops.map(h => ({ label: words.hops(h), chained: true, items: rows.filter(r => r.hops === h).sort((a, b) => a.name.localeCompare(b.name, 'nl')).map(r => ({ uid: r.uid, fill: hopFill(h) })) })),
  ];
  const seen = new Set<string>();
  const fns = functions.filter(f => !seen.has(f.uid) && seen.add(f.uid)).map(f => ({ uid: f.uid, fill: f.lostAllSupport === false ? HOP_FILL[2] : LOST }));
  if (fns.length) groups.push({ label: words.functions, items: fns });
  return { name, note, groups, links: [] };
}

/** The AMEFF document for an analysis result, or a 400 for an analysis that has no view. */
export async function analysisAmeff(driver: Driver, analysis: string, result: AnalysisResult, organisations: string[] | null, language: Language, title: string): Promise<string> {
  if (!AMEFF_ANALYSES.has(analysis)) throw new InputError(`format=ameff is only available for ${[...AMEFF_ANALYSES].join(', ')} / ArchiMate-export kan alleen voor ${[...AMEFF_ANALYSES].join(', ')}`);
  const words = WORDS[language];
  const summary = (result.summary ?? {}) as Record<string, unknown>;
  let uids: string[];
  let views: AnalysisView[];
  let named: string[] = [];
  if (analysis === 'single-points-of-failure') {
    const rows = result.rows as SpofRow[];
    const bridges = (summary.bridges ?? []) as Bridge[];
    const nameOf = await organisationNames(driver);
    uids = rows.map(r => r.uid);
    named = rows.map(r => r.organisation);
    views = [...new Set(named)].map(org => {
      const own = rows.filter(r => r.organisation === org);
      const fill = (r: SpofRow): Rgb | undefined => (r.articulationPoint ? HOP_FILL[0] : r.failedCriticalApplications > 0 ? HOP_FILL[1] : r.failedApplications > 1 ? HOP_FILL[3] : undefined);
      return {
        name: words.spof(nameOf(org)), note: words.spofNote(nameOf(org)), linkColour: [204, 0, 0] as Rgb,
        groups: ['application', 'intermediary', 'platform', 'supplier'].map(kind => ({ label: words.kinds[kind], items: own.filter(r => r.kind === kind).map(r => ({ uid: r.uid, fill: fill(r) })) })),
        links: bridges.filter(b => b.organisation === org).map(b => [b.from, b.to] as [string, string]),
      };
    });
  } else if (analysis === 'impact') {
    const node = summary.node as Named;
    const rows = result.rows as HopRow[];
    const functions = (summary.businessFunctions ?? []) as FunctionRow[];
    uids = [node.uid, ...rows.map(r => r.uid), ...functions.map(f => f.uid)];
    named = [...rows.map(r => r.organisation ?? ''), ...functions.map(f => f.organisation)];
    views = [hopView(words.impact(node.name), words.hopNote(node.name, rows.length), [{ uid: node.uid, label: words.failing }], rows, functions, words)];
  } else {
    const remove = summary.remove as Named;
    const replaceWith = summary.replaceWith as Named | null;
    const rows = result.rows as HopRow[];
    const functions = (summary.businessFunctionsLost ?? []) as FunctionRow[];
    uids = [remove.uid, ...(replaceWith ? [replaceWith.uid] : []), ...rows.map(r => r.uid), ...functions.map(f => f.uid)];
    named = [...rows.map(r => r.organisation ?? ''), ...functions.map(f => f.organisation)];
    const failing = [{ uid: remove.uid, label: words.failing }, ...(replaceWith ? [{ uid: replaceWith.uid, label: words.replacement }] : [])];
    const note = replaceWith ? words.replaceNote(remove.name, replaceWith.name, rows.length) : words.hopNote(remove.name, rows.length);
    views = [hopView(words.whatIf(remove.name, replaceWith?.name), note, failing, rows, functions, words)];
  }
  // The organisations asked for; else those the result names; else all (the export needs at least one).
  let scope = organisations ?? [...new Set(named.filter(Boolean))].sort();
  if (scope.length === 0) scope = (await organisationList(driver)).map(o => o.id);
  if (scope.length === 0) throw new InputError('No organisation in the database to export / Geen organisatie om te exporteren');
  return exportAmeff(driver, { organisations: scope, uids, name: `Roer: ${title}`, language, analysis: views });
}
