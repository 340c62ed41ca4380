// Common Ground maturity: how far each organisation exchanges data over open standard APIs and
// retrieves base registrations at the source instead of copying them into every application. A score
// 0–100 per organisation with every component explained (weights: common-ground-weights.json), the
// interfaces that would raise it most when moved to an open standard API, a ranking and the spread of
// scores across organisations, and where reference components place applications on GEMMA's layers.
// Definitions: README.md here (§9). Computed on the cached snapshot.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { isOpenStandard } from '../../importers/open-standards.js';
import { slug } from '../../importers/model.js';
import { once } from '../once.js';
import { fromRoot } from '../paths.js';
import { fetchLandscape, type InterfaceFact, isCritical, type Landscape, nameOf, organisationNameOf, round } from './landscape.js';
import { Integer, Organisations } from './params.js';
import type { AnalysisDefinition, Row } from './types.js';
import { Boundary, fetchSnapshot } from './boundary.js';

export const CATEGORIES = ['openApi', 'olderOpen', 'otherOpen', 'proprietary', 'unknown'] as const;
export type Category = (typeof CATEGORIES)[number];
export const COMPONENTS = ['openInterfaces', 'dataAtSource'] as const;
export type Component = (typeof COMPONENTS)[number];

const Weight = z.number().min(0).max(1000);
const Credit = z.number().min(0).max(1);
export const CommonGroundWeights = z.strictObject({
  $comment: z.string().optional(),
  weights: z.strictObject({ openInterfaces: Weight, dataAtSource: Weight }).refine(w => w.openInterfaces + w.dataAtSource > 0, 'at least one weight above 0'),
  credit: z.strictObject({ openApi: Credit, olderOpen: Credit, otherOpen: Credit, proprietary: Credit, unknown: Credit }),
});
export type CommonGroundWeights = z.infer<typeof CommonGroundWeights>;

export const commonGroundWeights: CommonGroundWeights = CommonGroundWeights.parse(JSON.parse(readFileSync(fromRoot('server', 'analyses', 'common-ground-weights.json'), 'utf8')));

// Standards by their slug (`ZGW API v1.5` → `zgw-api-v1-5`). Open standard APIs: the ZGW APIs (and
// their single APIs), Haal Centraal, FSC (formerly NLX), the REST API Design Rules (NL API Strategie,
// "NLGov REST API"), Digikoppeling's REST profile. Older open standards: StUF and the message-based
// Digikoppeling profiles (ebMS, WUS), Digilevering and Digimelding, GBA-V.
const OPEN_API = [
  /^zgw\b/, /^zaakgericht-werken-api/, /^(zaken|documenten|catalogi|besluiten|notificaties|autorisaties|klantinteracties|contactmomenten|verzoeken|objecten)-api/,
  /^haal-centraal/, /^fsc\b/, /^federatieve-service-connectiviteit/, /^nlx\b/, /(^|-)api-design-rules/, /^nl-?api-strategie/, /^nl-?gov-rest-api/, /^digikoppeling-rest/,
];
const OLDER_OPEN = [/^stuf\b/, /^digikoppeling(-ebms|-wus)?($|-v?\d)/, /^digikoppeling-(ebms|wus)\b/, /^ebms\b/, /^wus\b/, /^digilevering\b/, /^digimelding\b/, /^gba-v\b/];

/** The kind of standard an interface uses, from its name as imported (`null` or blank: unknown). */
export function categoryOf(standard: string | null): Category {
  const name = slug(standard ?? '');
  if (!name) return 'unknown';
  if (OPEN_API.some(re => re.test(name))) return 'openApi';
  if (OLDER_OPEN.some(re => re.test(name))) return 'olderOpen';
  return isOpenStandard(standard!) ? 'otherOpen' : 'proprietary';
}

export const REGISTRATIONS = ['BRP', 'BAG', 'HR', 'WOZ', 'BRK', 'BRT', 'BGT'] as const;
export type Registration = (typeof REGISTRATIONS)[number];
// In names of standards, applications and reference components (HR alone is left out: it also means personnel).
const REGISTRATION_WORDS: [Registration, RegExp][] = [
  ['BRP', /\bbrp\b|basisregistratie personen|\bgba(-v)?\b|persoonsregistratie/],
  ['BAG', /\bbag\b|\bimbag\b|adressen en gebouwen/],
  ['HR', /handelsregister|\bnhr\b|haal centraal hr\b/],
  ['WOZ', /\bwoz\b|stuf-woz/],
  ['BRK', /\bbrk\b|kadaster/],
  ['BRT', /\bbrt\b|basisregistratie topografie/],
  ['BGT', /\bbgt\b|grootschalige topografie/],
];
const registrationsIn = (text: string): Registration[] => {
  const lower = text.toLowerCase();
  return REGISTRATION_WORDS.filter(([, re]) => re.test(lower)).map(([r]) => r);
};

// GEMMA's five layers, from the reference component's name (GEMMA's names end in -component, -registratie, …).
export const LAYERS = ['interaction', 'process', 'integration', 'services', 'data'] as const;
export type Layer = (typeof LAYERS)[number] | 'unplaced';
const LAYER_WORDS: [Layer, RegExp][] = [
  ['integration', /makelaar|service ?bus|\besb\b|integratie|gateway|koppel|\bfsc\b|\bnlx\b|berichten/],
  ['data', /registratie|register|\bbrp\b|\bbag\b|document|\bdms\b|archief|depot|datawarehouse|\bgis\b|geo|opslag|gegevens/],
  ['interaction', /website|portaal|formulier|klantcontact|klantinteractie|\bkcc\b|loket|kanaal|chat|telefon|raadsinformatie|publicatie/],
  ['services', /\bapi\b|dienst|identity|\biam\b|authenticatie|toegang|notificatie|service/],
  ['process', /zaak|afhandel|proces|workflow|vergunning|handhaving|sociaal|belasting|heffing|subsidie|melding|planning|crisis|schuld|vervoer|afval|parkeer|inkoop|financ|personeel|beheer|vastgoed|burgerzaken/],
];
export const layerOf = (referenceComponent: string): Layer => LAYER_WORDS.find(([, re]) => re.test(referenceComponent.toLowerCase()))?.[0] ?? 'unplaced';

export type Classified = {
  uid: string; organisation: string; standard: string | null; category: Category;
  from: string | null; to: string | null; registrations: Registration[]; mode: 'copy' | 'retrieval' | null;
};

const registrationMemo = new WeakMap<Landscape, Map<string, Registration[]>>();
// Per snapshot and standard as written: the country's 250,000 interfaces use a few hundred.
const standardMemo = new WeakMap<Landscape, Map<string, { category: Category; registrations: Registration[] }>>();
/** The base registrations an application is the source of: by its name and its reference components. */
function sourceOf(landscape: Landscape, uid: string | null): Registration[] {
  if (!uid) return [];
  return once(once(registrationMemo, landscape, () => new Map()), uid, () => {
    const application = landscape.applications.get(uid);
    if (!application) return [];
    return [...new Set([application.name, ...application.referenceComponents.map(rc => nameOf(landscape, rc))].flatMap(registrationsIn))].sort();
  });
}

/**
 * An interface's kind of standard; the base registrations it carries (named by its standard, or its
 * `from` application is their source); and how the receiving application gets them: retrieval over an
 * open standard API (Haal Centraal and the like), else a copy (StUF sync, file transfer, batch, unknown).
 */
export function classify(landscape: Landscape, i: InterfaceFact): Classified {
  const { category, registrations: named } = once(once(standardMemo, landscape, () => new Map()), i.standard ?? '', () => ({ category: categoryOf(i.standard), registrations: registrationsIn(i.standard ?? '') }));
  const source = sourceOf(landscape, i.from);
  const registrations = source.length === 0 ? named : named.length === 0 ? source : [...new Set([...named, ...source])].sort();
  const carries = registrations.length > 0 && i.to !== null && i.to !== i.from;
  return {
    uid: i.uid, organisation: i.organisation, standard: i.standard, category, from: i.from, to: i.to,
    registrations, mode: carries ? (category === 'openApi' ? 'retrieval' : 'copy') : null,
  };
}

export type ComponentScore = { component: Component; applies: boolean; value: number | null; raw: number; total: number; weight: number; contribution: number };

type Tally = {
  organisation: string; interfaces: number; credit: number; counts: Record<Category, number>;
  /** Receiving application uid → its copy and retrieval interfaces of base registration data, and the registrations. */
  receivers: Map<string, { copies: number; retrievals: number; registrations: Set<Registration> }>;
};

/** The score from a tally: each component's value 0..1, weight and contribution; null when nothing applies. */
export function scoreOf(t: Tally, w: CommonGroundWeights = commonGroundWeights): { score: number | null; components: ComponentScore[]; weightSum: number } {
  const receivers = [...t.receivers.values()];
  const atSource = receivers.filter(r => r.copies === 0).length;
  const parts: Omit<ComponentScore, 'contribution'>[] = [
    { component: 'openInterfaces', applies: t.interfaces > 0, value: t.interfaces > 0 ? t.credit / t.interfaces : null, raw: t.credit, total: t.interfaces, weight: w.weights.openInterfaces },
    { component: 'dataAtSource', applies: receivers.length > 0, value: receivers.length > 0 ? atSource / receivers.length : null, raw: atSource, total: receivers.length, weight: w.weights.dataAtSource },
  ];
  const weightSum = parts.filter(p => p.applies).reduce((sum, p) => sum + p.weight, 0);
  const components = parts.map(p => ({ ...p, value: p.value === null ? null : round(p.value, 4), raw: round(p.raw, 2), contribution: p.applies && weightSum > 0 ? round((100 * p.weight * p.value!) / weightSum, 2) : 0 }));
  const score = weightSum > 0 ? round(parts.reduce((sum, p) => sum + (p.applies ? (100 * p.weight * p.value!) / weightSum : 0), 0), 1) : null;
  return { score, components, weightSum };
}

const tally = (organisation: string): Tally => ({ organisation, interfaces: 0, credit: 0, counts: { openApi: 0, olderOpen: 0, otherOpen: 0, proprietary: 0, unknown: 0 }, receivers: new Map() });

/** Histogram bins of ten points: 0–9, 10–19, …, 90–100. */
export function distribution(scores: number[]): { from: number; to: number; organisations: number }[] {
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: 10 * i, to: i === 9 ? 100 : 10 * i + 9, organisations: 0 }));
  for (const score of scores) bins[Math.min(9, Math.floor(score / 10))].organisations++;
  return bins;
}

export type Move = {
  organisation: string; uid: string; id: string; from: string | null; to: string | null; fromName: string | null; toName: string | null;
  standard: string | null; category: Category; registrations: Registration[]; mode: 'copy' | 'retrieval' | null; gain: number;
  /** For equal gains (README §9): business-critical applications at its ends, and the interfaces those ends have. */
  criticalApplications: number; endInterfaces: number;
};

type Basis = {
  byOrganisation: Map<string, Tally>; classified: Classified[]; scores: Map<string, ReturnType<typeof scoreOf>>;
  receivers: Row[]; layers: Map<Layer, Set<string>>; placed: number;
  /** Application uid → the interfaces it is an end of. */
  degree: Map<string, number>;
};
const basisMemo = new WeakMap<Landscape, WeakMap<CommonGroundWeights, Basis>>();

/**
 * What every answer on a snapshot shares, whatever its limit and list: each interface classified, the
 * tallies and scores per organisation, the receiving applications (copies first) and the GEMMA layers.
 * Made once per snapshot and weights (the country's 250,000 interfaces: most of the work); read only.
 */
function basisOf(landscape: Landscape, w: CommonGroundWeights): Basis {
  return once(once(basisMemo, landscape, () => new WeakMap()), w, () => {
    const byOrganisation = new Map<string, Tally>();
    for (const application of landscape.applications.values()) once(byOrganisation, application.organisation, tally);
    const classified: Classified[] = [];
    const degree = new Map<string, number>();
    for (const i of landscape.interfaces) {
      for (const end of new Set([i.from, i.to])) if (end) degree.set(end, (degree.get(end) ?? 0) + 1);
      const c = classify(landscape, i);
      classified.push(c);
      const t = once(byOrganisation, i.organisation, tally);
      t.interfaces++;
      t.counts[c.category]++;
      t.credit += w.credit[c.category];
      if (c.mode) {
        const receiver = once(t.receivers, c.to!, () => ({ copies: 0, retrievals: 0, registrations: new Set<Registration>() }));
        if (c.mode === 'copy') receiver.copies++; else receiver.retrievals++;
        for (const r of c.registrations) receiver.registrations.add(r);
      }
    }
    const scores = new Map([...byOrganisation].map(([organisation, t]) => [organisation, scoreOf(t, w)]));
    const receivers: Row[] = [];
    for (const t of byOrganisation.values()) {
      for (const [uid, r] of t.receivers) {
        receivers.push({ organisation: t.organisation, uid, name: nameOf(landscape, uid), registrations: [...r.registrations].sort(), mode: r.copies > 0 ? 'copy' : 'retrieval', copyInterfaces: r.copies, retrievalInterfaces: r.retrievals });
      }
    }
    receivers.sort((a, b) => Number(b.mode === 'copy') - Number(a.mode === 'copy') || Number(b.copyInterfaces) - Number(a.copyInterfaces) || String(a.organisation).localeCompare(String(b.organisation)) || String(a.name).localeCompare(String(b.name), 'nl'));

    const layers = new Map<Layer, Set<string>>([...LAYERS, 'unplaced' as const].map(layer => [layer, new Set()]));
    let placed = 0;
    // Per list of reference components: the snapshot shares one list between applications of a product.
    const layersOf = new Map<string[], Set<Layer>>();
    for (const application of landscape.applications.values()) {
      const own = once(layersOf, application.referenceComponents, () => new Set(application.referenceComponents.map(rc => layerOf(nameOf(landscape, rc))).filter(layer => layer !== 'unplaced')));
      if (own.size === 0) layers.get('unplaced')!.add(application.uid);
      else placed++;
      for (const layer of own) layers.get(layer)!.add(application.uid);
    }
    return { byOrganisation, classified, scores, receivers, layers, placed, degree };
  });
}

export function commonGround(landscape: Landscape, options: { limit: number; list: 'organisations' | 'interfaces' }, w: CommonGroundWeights = commonGroundWeights): { rows: Row[]; summary: Record<string, unknown> } {
  const { byOrganisation, classified, scores, receivers, layers, placed, degree } = basisOf(landscape, w);

  // Moving one interface to an open standard API: its credit rises to full; a copy becomes retrieval,
  // and its receiver gets all its base data at the source when it was its only copy.
  const gainOf = (c: Classified): number => {
    const t = byOrganisation.get(c.organisation)!;
    const { weightSum } = scores.get(c.organisation)!;
    if (weightSum === 0) return 0;
    let gain = (100 * w.weights.openInterfaces * (w.credit.openApi - w.credit[c.category])) / (weightSum * t.interfaces);
    if (c.mode === 'copy' && t.receivers.get(c.to!)!.copies === 1) gain += (100 * w.weights.dataAtSource) / (weightSum * t.receivers.size);
    return round(gain, 2);
  };
  const name = (uid: string | null) => (uid === null ? null : nameOf(landscape, uid));
  const ends = (c: Classified) => [...new Set([c.from, c.to])].filter((uid): uid is string => uid !== null);
  const critical = (uid: string) => { const a = landscape.applications.get(uid); return a !== undefined && isCritical(a); };
  const moveOf = (c: Classified, gain: number): Move => ({
    organisation: c.organisation, uid: c.uid, id: c.uid.slice(c.uid.indexOf('/') + 1), from: c.from, to: c.to, fromName: name(c.from), toName: name(c.to),
    standard: c.standard, category: c.category, registrations: c.registrations, mode: c.mode, gain,
    criticalApplications: ends(c).filter(critical).length, endInterfaces: ends(c).reduce((sum, uid) => sum + (degree.get(uid) ?? 0), 0),
  });
  // Equal gains: the move that also ends a copy of base registration data first, then the one with more
  // business-critical applications at its ends, then the one whose ends have more interfaces, then by name.
  const byGain = (a: Move, b: Move) => b.gain - a.gain || a.organisation.localeCompare(b.organisation)
    || Number(b.mode === 'copy') - Number(a.mode === 'copy') || b.criticalApplications - a.criticalApplications || b.endInterfaces - a.endInterfaces
    || `${a.fromName ?? ''} → ${a.toName ?? ''}`.localeCompare(`${b.fromName ?? ''} → ${b.toName ?? ''}`, 'nl') || a.uid.localeCompare(b.uid);
  // Per organisation: the best gain and how many interfaces reach it (when more than shown, the rule above chose).
  const top = new Map<string, { gain: number; interfaces: number }>();
  // The best `limit` per organisation, found without sorting every interface of the country.
  const best = new Map<string, Move[]>();
  for (const c of options.limit > 0 ? classified : []) {
    const gain = gainOf(c);
    if (gain <= 0) continue;
    const first = top.get(c.organisation);
    if (!first || gain > first.gain) top.set(c.organisation, { gain, interfaces: 1 });
    else if (gain === first.gain) first.interfaces++;
    const list = once(best, c.organisation, () => []);
    if (list.length >= options.limit && gain < list[list.length - 1].gain) continue;
    list.push(moveOf(c, gain));
    list.sort(byGain);
    if (list.length > options.limit) list.pop();
  }

  const ranked = [...byOrganisation.values()].map(t => ({ t, ...scores.get(t.organisation)! }))
    .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.t.organisation.localeCompare(b.t.organisation));
  const share = (n: number, total: number) => (total ? round((100 * n) / total) : 0);
  const organisationRows: Row[] = ranked.map(({ t, score, components }, index) => {
    const receivers = [...t.receivers.values()];
    const byCopy = receivers.filter(r => r.copies > 0).length;
    return {
      rank: score === null ? null : index + 1,
      organisation: t.organisation,
      organisationName: organisationNameOf(landscape, t.organisation),
      commonGroundScore: score,
      interfaces: t.interfaces,
      ...Object.fromEntries(CATEGORIES.flatMap(c => [[c, t.counts[c]], [`${c}Share`, share(t.counts[c], t.interfaces)]])),
      baseRegistrationReceivers: receivers.length,
      receiversByCopy: byCopy,
      receiversByRetrieval: receivers.length - byCopy,
      openInterfacesContribution: components[0].contribution,
      dataAtSourceContribution: components[1].contribution,
      components,
    };
  });

  const overall = tally('*');
  for (const t of byOrganisation.values()) {
    overall.interfaces += t.interfaces;
    overall.credit += t.credit;
    for (const c of CATEGORIES) overall.counts[c] += t.counts[c];
    for (const [uid, r] of t.receivers) overall.receivers.set(uid, r);
  }
  const scored = ranked.filter(r => r.score !== null).map(r => r.score!);
  const moves = [...best.values()].flat().sort(byGain);
  const rows = options.list === 'interfaces'
    ? classified.map(c => moveOf(c, gainOf(c)) as unknown as Row).sort((a, b) => byGain(a as unknown as Move, b as unknown as Move))
    : organisationRows;
  return {
    rows,
    summary: {
      overall: {
        organisations: byOrganisation.size,
        interfaces: overall.interfaces,
        ...Object.fromEntries(CATEGORIES.flatMap(c => [[c, overall.counts[c]], [`${c}Share`, share(overall.counts[c], overall.interfaces)]])),
        baseRegistrationReceivers: overall.receivers.size,
        receiversByCopy: [...overall.receivers.values()].filter(r => r.copies > 0).length,
        meanScore: scored.length ? round(scored.reduce((sum, s) => sum + s, 0) / scored.length, 1) : null,
        medianScore: scored.length ? median(scored) : null,
        applications: landscape.applications.size,
        applicationsPlaced: placed,
      },
      ...(options.list === 'interfaces' ? { byOrganisation: organisationRows } : {}),
      moves,
      // Organisations where more interfaces share the best gain than are shown: the tie rule chose (README §9).
      tiedMoves: [...top]
        .map(([organisation, t]) => ({ organisation, gain: t.gain, interfaces: t.interfaces, shown: (best.get(organisation) ?? []).filter(m => m.gain === t.gain).length }))
        .filter(t => t.interfaces > t.shown)
        .sort((a, b) => a.organisation.localeCompare(b.organisation)),
      receivers: receivers.slice(0, RECEIVERS_SHOWN).map(row => ({ ...row })),
      ...(receivers.length > RECEIVERS_SHOWN ? { receiversCut: { reason: 'limit', limit: RECEIVERS_SHOWN, shown: RECEIVERS_SHOWN, total: receivers.length } } : {}),
      layers: [...layers].map(([layer, uids]) => ({ layer, applications: uids.size })),
      distribution: distribution(scored),
      weights: w.weights,
      credit: w.credit,
    },
  };
}

/** Receiving applications listed in an answer (copies first); the country has tens of thousands. */
const RECEIVERS_SHOWN = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : round((sorted[mid - 1] + sorted[mid]) / 2, 1);
}

/** The score of each organisation in `organisations` (null: no interfaces and no base registration data received). */
export function commonGroundScores(landscape: Landscape, organisations: string[]): Map<string, number | null> {
  const rows = commonGround(landscape, { limit: 0, list: 'organisations' }).rows;
  const byOrganisation = new Map(rows.map(row => [String(row.organisation), row.commonGroundScore as number | null]));
  return new Map(organisations.map(organisation => [organisation, byOrganisation.get(organisation) ?? null]));
}

export const CommonGroundParams = z.object({
  organisation: Organisations,
  boundary: Boundary,
  limit: Integer(0, 1000, 10, 'Interfaces to move, per organisation / Te verplaatsen koppelingen per organisatie'),
  list: z.enum(['organisations', 'interfaces']).default('organisations')
    .meta({ description: 'Rows: the organisations ranked by score (default), or every interface with its kind of standard and the points moving it would gain / Rijen: organisaties op score, of elke koppeling' }),
});

export const commonGroundAnalysis: AnalysisDefinition<typeof CommonGroundParams> = {
  name: 'common-ground',
  title: 'Common Ground maturity / Common Ground-volwassenheid',
  description:
    'Per organisation a score 0–100 with its components (interfaces over open standard APIs — ZGW, Haal Centraal, FSC/NLX, REST API Design Rules — with older open standards such as StUF and Digikoppeling ebMS/WUS counting half; ' +
    'applications receiving base registration data by retrieval at the source rather than by copy), the shares per kind of standard, the applications receiving base registration data (BRP, BAG, HR, WOZ, BRK, BRT, BGT) by copy or retrieval, ' +
    'the interfaces that would raise the score most when moved to an open standard API (with the points gained), the ranking and distribution across organisations, and applications per GEMMA layer.',
  params: CommonGroundParams,
  async run(driver, params) {
    return commonGround(await fetchSnapshot(driver, params.organisation, params.boundary), { limit: params.limit, list: params.list });
  },
};
