// The demo landscape of a size as an analysis snapshot held in memory (no Neo4j): what the in-memory
// benches time the analyses on. Lists are shared as landscape.ts's interner shares them.
import { generateLandscape } from '../../importers/demo/generate.js';
import { uid } from '../../importers/model.js';
import { isOpenStandard } from '../../importers/open-standards.js';
import type { Landscape } from '../../server/analyses/landscape.js';

export function demoSnapshot(size: 'municipality' | 'region' | 'country'): Landscape {
  const l = generateLandscape({ size });
  const lists = new Map<string, string[]>();
  const shared = (list: string[]) => { const key = list.join('\u0000'); let v = lists.get(key); if (!v) lists.set(key, (v = list)); return v; };
  const apps = new Map(l.applications.map(a => [uid.application(a.organisation, a.id), {
    uid: uid.application(a.organisation, a.id), name: a.name, organisation: a.organisation, criticality: a.criticality, personalData: a.personalData,
    suppliers: shared(a.supplier ? [uid.supplier(a.supplier)] : []), platforms: shared(a.platform ? [uid.platform(a.platform)] : []),
    functions: shared(a.businessFunctions.map(uid.businessFunction)), referenceComponents: shared(a.referenceComponents.map(uid.referenceComponent)), dependsOn: [] as string[],
  }]));
  for (const i of l.interfaces) apps.get(uid.application(i.organisation, i.to))?.dependsOn.push(uid.application(i.organisation, i.from));
  const market = new Map<string, Set<string>>();
  for (const a of apps.values()) for (const rc of a.referenceComponents) for (const s of a.suppliers) (market.get(rc) ?? market.set(rc, new Set()).get(rc)!).add(s);
  const names = new Map<string, any>();
  for (const a of apps.values()) {
    for (const f of a.functions) names.set(f, { uid: f, name: f, kind: 'BusinessFunction', suppliers: [] });
    for (const r of a.referenceComponents) names.set(r, { uid: r, name: r, kind: 'ReferenceComponent', suppliers: [...market.get(r) ?? []] });
  }
  const landscape: Landscape = {
    organisations: null, applications: apps,
    platforms: new Map(l.platforms.map(p => [uid.platform(p.id), { uid: uid.platform(p.id), name: p.name, jurisdiction: p.jurisdiction, runsOn: p.runsOn ? [uid.platform(p.runsOn)] : [], providers: p.supplier ? [uid.supplier(p.supplier)] : [] }])),
    suppliers: new Map(l.suppliers.map(s => [uid.supplier(s.id), { uid: uid.supplier(s.id), name: s.name, normalizedName: null, group: s.group ? uid.supplierGroup(s.group) : null, groupName: s.group ?? null, country: s.country ?? null, groupJurisdiction: s.groupJurisdiction ?? null, groupCountry: null }])),
    interfaces: l.interfaces.map(i => ({ uid: uid.interface(i.organisation, i.id), organisation: i.organisation, standard: i.standard ?? null, openStandard: i.standard ? isOpenStandard(i.standard) : false, from: uid.application(i.organisation, i.from), to: uid.application(i.organisation, i.to), via: i.via ? uid.application(i.organisation, i.via) : null })),
    contracts: l.contracts.map(c => ({ uid: uid.contract(c.organisation, c.id), name: c.id, organisation: c.organisation, supplier: uid.supplier(c.supplier), end: c.end, noticeDeadline: c.end, noticeMonths: c.noticeMonths, autoRenew: c.autoRenew, annualValue: c.annualValue, exitPlan: c.exitPlan, dataPortability: c.dataPortability, covers: c.applications.map(a => uid.application(c.organisation, a)) })),
    names, organisationNames: new Map(), groups: new Map(l.suppliers.filter(s => s.group).map(s => [uid.supplierGroup(s.group!), s.group!])),
  };
  return landscape;
}
