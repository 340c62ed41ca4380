// ArchiModel → Landscape through ONE type table. Every element and relationship of the model is kept
// (mapped onto a Roer node, or as a generic Element; relationships as RELATES_TO); the dependency
// semantics are derived from the table. The ArchiMate trap: "A serves B" means B depends on A.
import { withoutRoerCriticality } from './criticality.js';
import { factOf, interfaceValue, isTableSourceKey, viaIdentifier } from './fact-words.js';
import { type JurisdictionCode, jurisdictionOf } from '../../jurisdiction.js';
import { InputError } from '../../../server/errors.js';
import { COLUMNS, ContractRow, Criticality, InterfaceRow, Jurisdiction, Landscape, type LinkRow, PlatformType, YesNo, slug, uid } from '../../model.js';
import type { ArchiElement, ArchiModel, ArchiRelationship } from './read.js';

type Kind = 'Application' | 'ReferenceComponent' | 'Platform' | 'Supplier' | 'BusinessFunction' | 'Element' | 'Contract';

/**
 * The type table. ApplicationComponent becomes a ReferenceComponent when its `GEMMA type` property says
 * so; BusinessActor/BusinessRole become a Supplier only with a supplier role (see isSupplier);
 * everything not listed is kept as a generic Element and counted in the report.
 */
export const ELEMENT_KINDS: Record<string, Kind> = {
  ApplicationComponent: 'Application',
  Node: 'Platform',
  SystemSoftware: 'Platform',
  Device: 'Platform',
  TechnologyService: 'Platform',
  BusinessActor: 'Supplier',
  BusinessRole: 'Supplier',
  BusinessFunction: 'BusinessFunction',
};

/** Which end depends on the other: for "A serves B", the target B depends on the source A. */
export const DEPENDENT_END: Record<string, 'source' | 'target'> = {
  Serving: 'target',
  Flow: 'target',
  Triggering: 'target',
  Realization: 'target',
  Assignment: 'target',
  // A reads or writes B: A needs B.
  Access: 'source',
};

const SUPPLIER_WORD = /^(leverancier|leveranciers|supplier|suppliers|vendor|vendors|aanbieder|aanbieders)$/i;
const ROLE_KEYS = new Set(['gemma type', 'organisatietype', 'rol', 'role', 'type', 'roer type', 'roer']);
const isReferenceComponent = (e: Pick<ArchiElement, 'properties'>) =>
  e.properties.some(p => p.key.toLowerCase() === 'gemma type' && p.value.trim().toLowerCase() === 'referentiecomponent');

export type MapOptions = {
  /** The organisation whose landscape this model describes; without one (a catalogue such as GEMMA), application components and platforms stay generic. */
  organisation?: string;
  /** Scope of generic element uids; defaults to the organisation, else `shared`. */
  scope?: string;
};
export type SkippedRelationship = { id: string; type: string; reason: string };
export type MapReport = {
  format: ArchiModel['format'];
  model: string;
  elements: number;
  relationships: number;
  views: number;
  /** Elements per Roer kind they became. */
  mapped: Record<string, number>;
  /** ArchiMate types kept as generic Elements, with their counts. */
  unmapped: Record<string, number>;
  /** Roer relationships derived from the model, per type. */
  derived: Record<string, number>;
  /** Relationships Roer cannot store (on another relationship, or to an unknown concept). */
  skipped: SkippedRelationship[];
  warnings: string[];
};

export function mapModel(model: ArchiModel, options: MapOptions = {}): { landscape: Landscape; report: MapReport } {
  const organisation = options.organisation;
  const scope = options.scope ?? organisation ?? 'shared';
  const warnings = [...model.warnings];
  const byId = new Map(model.elements.map(e => [e.id, e]));
  const relationshipIds = new Set(model.relationships.map(r => r.id));

  // Suppliers: an actor or role with a supplier property, assigned to a supplier role, or filed under "Leveranciers".
  const supplierRoles = new Set(model.elements.filter(e => e.type === 'BusinessRole' && SUPPLIER_WORD.test(e.name.trim())).map(e => e.id));
  const assignedToSupplierRole = new Set(
    model.relationships.filter(r => r.type === 'Assignment' && supplierRoles.has(r.target)).map(r => r.source),
  );
  // A role named just "Leverancier" is the role itself, not a supplier; the actors assigned to it are,
  // unless their own organisation type says otherwise (a municipality that also offers software).
  const isSupplier = (e: ArchiElement) =>
    !supplierRoles.has(e.id) && (hasSupplierMarker(e) || (assignedToSupplierRole.has(e.id) && !hasOtherOrganisationType(e)));

  const kindOf = new Map<string, Kind>();
  const uidOf = new Map<string, string>();
  const namedTaken = new Map<string, string>();
  const landscape: Required<Omit<Landscape, 'organisations' | 'releaseCycles' | 'components'>> & Pick<Landscape, 'organisations'> = { suppliers: [], platforms: [], applications: [], interfaces: [], contracts: [], elements: [], relations: [], links: [] };
  const mapped: Record<string, number> = {};
  const unmapped: Record<string, number> = {};

  // What an element becomes, before the loop, so contracts can see their suppliers and applications.
  const isApplication = (e: ArchiElement | undefined) => !!organisation && e?.type === 'ApplicationComponent' && !isReferenceComponent(e);
  const isSupplierElement = (e: ArchiElement | undefined) => !!e && ELEMENT_KINDS[e.type] === 'Supplier' && isSupplier(e);
  const appRoerId = (e: ArchiElement) => roerIdOf(e) ?? e.id;
  // Roer's own contracts (marked with `Roer contract id`) take their associations with them; a foreign contract keeps them as model relationships.
  const consumed = new Set<string>();
  const contracts = new Set<string>();
  /** Reference components and business functions that came from spreadsheet rows: an application row names them. */
  const tableNamed = new Map<string, string>();

  for (const e of model.elements) {
    if (e.type === 'Contract' && organisation) {
      const contract = contractOf(e, model.relationships, byId, { organisation, isApplication, isSupplierElement, appRoerId }, warnings);
      if (contract && !contracts.has(uid.contract(organisation, contract.row.id))) {
        const key = uid.contract(organisation, contract.row.id);
        contracts.add(key);
        landscape.contracts.push(contract.row);
        kindOf.set(e.id, 'Contract');
        uidOf.set(e.id, key);
        mapped.Contract = (mapped.Contract ?? 0) + 1;
        if (contract.roer) for (const id of contract.associations) consumed.add(id);
        else {
          landscape.elements.push({
            id: e.id, uid: key, type: e.type, name: e.name, organisation, properties: e.properties, folder: e.folder,
            ...(e.documentation ? { documentation: e.documentation } : {}),
          });
        }
        continue;
      }
    }
    let kind: Kind = ELEMENT_KINDS[e.type] ?? 'Element';
    if (kind === 'Application' && isReferenceComponent(e)) kind = 'ReferenceComponent';
    // A catalogue without an organisation (GEMMA) has no applications or platforms of its own.
    if ((kind === 'Application' || kind === 'Platform') && !organisation) kind = 'Element';
    if (kind === 'Supplier' && !isSupplier(e)) kind = 'Element';
    if ((kind === 'ReferenceComponent' || kind === 'BusinessFunction') && !e.name.trim()) kind = 'Element';
    let key: string;
    if (kind === 'ReferenceComponent' || kind === 'BusinessFunction') {
      key = kind === 'ReferenceComponent' ? uid.referenceComponent(e.name) : uid.businessFunction(e.name);
      // Roer keeps one reference component / business function per name; a second one stays generic.
      const taken = namedTaken.get(key);
      if (taken) {
        warnings.push(`${e.type} '${e.name}' (${e.id}) has the same name as ${taken}; kept as a generic element`);
        kind = 'Element';
      } else namedTaken.set(key, e.id);
    }
    const name = e.name.trim() || e.id;
    const roerId = roerIdOf(e) ?? e.id;
    const extra = {};
    switch (kind) {
      case 'Application':
        key = uid.application(organisation!, roerId);
        landscape.applications.push({
          id: roerId, organisation: organisation!, name, referenceComponents: [], businessFunctions: [], openStandards: openStandardsOf(e), extra,
          criticality: criticalityOf(e), personalData: personalDataOf(e), ...productProps(e),
        });
        break;
      case 'Platform':
        key = uid.platform(roerId);
        landscape.platforms.push({ id: roerId, name, type: 'on-premise', jurisdiction: 'NL', extra, ...platformProps(e) } as never);
        break;
      case 'Supplier':
        key = uid.supplier(roerId);
        landscape.suppliers.push({ id: roerId, name, extra, ...supplierProps(e) });
        break;
      case 'Element':
        key = uid.element(scope, e.id);
        unmapped[e.type] = (unmapped[e.type] ?? 0) + 1;
        break;
    }
    mapped[kind] = (mapped[kind] ?? 0) + 1;
    kindOf.set(e.id, kind);
    uidOf.set(e.id, key!);
    // A spreadsheet row Roer exported comes back as that row, without an ArchiMate identity of its own.
    if (isTableRow(e) && kind !== 'Element') {
      if (kind === 'ReferenceComponent' || kind === 'BusinessFunction') tableNamed.set(e.id, e.name.trim());
      continue;
    }
    landscape.elements.push({
      id: e.id, uid: key!, type: e.type, name: e.name, organisation, properties: kind === 'Application' ? withoutRoerCriticality(e.properties) : e.properties, folder: e.folder,
      ...(e.documentation ? { documentation: e.documentation } : {}),
      ...(kind === 'Element' || kind === 'ReferenceComponent' || kind === 'BusinessFunction' ? { label: kind } : {}),
    });
  }

  const skipped: SkippedRelationship[] = [];
  const kept: ArchiRelationship[] = [];
  const interfaces = new Set<string>();
  const applicationRows = new Map(landscape.applications.map(a => [uid.application(a.organisation, a.id), a]));
  for (const r of model.relationships) {
    if (consumed.has(r.id)) continue;
    if (tableFact(r, { uidOf, tableNamed, applicationRows, links: landscape.links })) continue;
    const row = interfaceOf(r, byId, { organisation, isApplication, appRoerId }, warnings);
    if (row && !interfaces.has(row.id)) {
      // An interface Roer exported: the interface itself (with its dependency pairs), not a bare dependency.
      interfaces.add(row.id);
      landscape.interfaces.push(row);
      mapped.Interface = (mapped.Interface ?? 0) + 1;
      continue;
    }
    const missing = [r.source, r.target].find(end => !byId.has(end));
    if (missing) {
      const reason = relationshipIds.has(missing)
        ? `connects to relationship ${missing}; Roer stores relationships between elements only`
        : `refers to ${missing}, which is not in the model`;
      skipped.push({ id: r.id, type: r.type, reason });
      continue;
    }
    kept.push(r);
    landscape.relations.push({
      id: r.id, type: r.type, from: uidOf.get(r.source)!, to: uidOf.get(r.target)!, name: r.name, properties: r.properties,
      ...(r.documentation ? { documentation: r.documentation } : {}), ...(r.accessType ? { accessType: r.accessType } : {}),
      ...(r.folder.length ? { folder: r.folder } : {}),
    });
  }

  const links = deriveLinks(kept, kindOf, uidOf, byId);
  landscape.links.push(...links);
  const derived: Record<string, number> = {};
  for (const link of links) derived[link.type] = (derived[link.type] ?? 0) + 1;

  const parsed = Landscape.safeParse(landscape);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${model.name || 'model'}: ${issue.path.join('.')}: ${issue.message}`, parsed.error.issues);
  }
  return {
    landscape: parsed.data,
    report: {
      format: model.format, model: model.name, elements: model.elements.length, relationships: model.relationships.length, views: model.views,
      mapped, unmapped, derived, skipped, warnings,
    },
  };
}

/**
 * Roer's export marks the concepts it made from imported rows with where they came from (fact-words.ts
 * tableSourceKey; older exports wrote `Roer bron: tabel`), and the relationships it made from their facts
 * with the fact (ROER_FACT: the Roer type).
 */
export const ROER_FACT = 'Roer feit';
const isTableRow = (e: Pick<ArchiElement, 'properties'>) =>
  e.properties.some(p => isTableSourceKey(p.key) && p.value.trim() !== '') || property(e, 'Roer bron')?.trim() === 'tabel';

/**
 * A relationship Roer's export made from a spreadsheet fact → that fact again (a link, or a name in the
 * application's row), not a model relationship. False when it is not one (or its ends are not known).
 */
function tableFact(
  r: ArchiRelationship,
  context: { uidOf: Map<string, string>; tableNamed: Map<string, string>; applicationRows: Map<string, Landscape['applications'][number]>; links: LinkRow[] },
): boolean {
  const fact = factOf(property(r, ROER_FACT));
  const [source, target] = [context.uidOf.get(r.source), context.uidOf.get(r.target)];
  if (!fact || !source || !target) return false;
  if (fact === 'SUPPLIES' || fact === 'PROVIDES') context.links.push({ type: fact, from: source, to: target });
  else if (fact === 'RUNS_ON') context.links.push({ type: 'RUNS_ON', from: target, to: source });
  else if ((fact === 'REALISES' || fact === 'SUPPORTS') && context.applicationRows.has(source) && context.tableNamed.has(r.target)) {
    const row = context.applicationRows.get(source)!;
    (fact === 'REALISES' ? row.referenceComponents : row.businessFunctions).push(context.tableNamed.get(r.target)!);
  } else if (fact === 'REALISES' || fact === 'SUPPORTS') context.links.push({ type: fact, from: source, to: target });
  else return false;
  return true;
}

export const ROER_INTERFACE_ID = 'Roer interface id';
export const ROER_CONTRACT_ID = 'Roer contract id';
/** How Roer's export tells an association "contract with supplier" from "contract covers application". */
export const ROER_ROLE = 'Roer rol';
export const CONTRACT_ROLES = { supplier: 'leverancier', covers: 'dekt' } as const;

type Ends = {
  organisation?: string;
  isApplication: (e: ArchiElement | undefined) => boolean;
  appRoerId: (e: ArchiElement) => string;
};
const property = (e: Pick<ArchiElement, 'properties'>, key: string) => e.properties.find(p => p.key.toLowerCase() === key.toLowerCase())?.value;

/** A Flow between two applications that carries `Roer interface id` → the interface it was exported from. */
function interfaceOf(r: ArchiRelationship, byId: Map<string, ArchiElement>, ends: Ends, warnings: string[]): InterfaceRow | undefined {
  const id = property(r, ROER_INTERFACE_ID)?.trim();
  if (r.type !== 'Flow' || !id || !ends.organisation) return undefined;
  const [from, to] = [byId.get(r.source), byId.get(r.target)];
  if (!ends.isApplication(from) || !ends.isApplication(to)) {
    warnings.push(`Flow ${r.id} (${ROER_INTERFACE_ID} ${id}) does not connect two applications; kept as a model relationship`);
    return undefined;
  }
  const viaText = interfaceValue(r.properties, 'via')?.trim();
  const named = viaText ? viaIdentifier(viaText) : undefined;
  const viaRef = named && byId.has(named) ? named : viaText;
  const via = viaRef ? byId.get(viaRef) : undefined;
  if (viaRef && !ends.isApplication(via)) {
    warnings.push(`Flow ${r.id} (${ROER_INTERFACE_ID} ${id}): via ${viaRef} is not an application in the model; kept as a model relationship`);
    return undefined;
  }
  const parsed = InterfaceRow.safeParse({
    id, organisation: ends.organisation, from: ends.appRoerId(from!), to: ends.appRoerId(to!), standard: interfaceValue(r.properties, 'standard'),
    via: via ? ends.appRoerId(via) : undefined, extra: {},
  });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  warnings.push(`Flow ${r.id} (${ROER_INTERFACE_ID} ${id}): ${issue.path.join('.')}: expected ${issue.message}; kept as a model relationship`);
  return undefined;
}

/** Property keys per contract field: the field's own name and the spreadsheet's Dutch aliases (case, spaces, - and _ ignored). */
const norm = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, '');
const CONTRACT_KEYS: Record<string, string[]> = Object.fromEntries(
  Object.entries(COLUMNS.contracts)
    .filter(([field]) => !['id', 'organisation', 'supplier', 'applications'].includes(field))
    .map(([field, aliases]) => [field, [field, ...aliases, ...(field === 'end' ? ['enddate', 'einde'] : field === 'start' ? ['startdate'] : [])].map(norm)]),
);
/** The contract fields an element's properties give, by the field's own name first, then its aliases. */
export function contractFields(e: Pick<ArchiElement, 'properties'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, keys] of Object.entries(CONTRACT_KEYS)) {
    const found = keys.map(key => e.properties.find(p => norm(p.key) === key)).find(Boolean);
    if (found) out[field] = found.value;
  }
  return out;
}

/**
 * A Contract element → ContractRow: Roer's own (with `Roer contract id`), or a foreign one that has an
 * association with a supplier and an end date. Anything else stays a generic element.
 */
function contractOf(
  e: ArchiElement,
  relationships: ArchiRelationship[],
  byId: Map<string, ArchiElement>,
  ends: Ends & { organisation: string; isSupplierElement: (e: ArchiElement | undefined) => boolean },
  warnings: string[],
): { row: ContractRow; roer: boolean; associations: string[] } | undefined {
  const roerId = property(e, ROER_CONTRACT_ID)?.trim();
  const fields = contractFields(e);
  const associations = relationships.filter(r => r.type === 'Association' && (r.source === e.id || r.target === e.id) && r.source !== r.target);
  const other = (r: ArchiRelationship) => byId.get(r.source === e.id ? r.target : r.source);
  const role = (r: ArchiRelationship) => property(r, ROER_ROLE)?.trim().toLowerCase();
  const suppliers = associations.filter(r => (role(r) ?? CONTRACT_ROLES.supplier) === CONTRACT_ROLES.supplier && ends.isSupplierElement(other(r)));
  const covers = associations.filter(r => (role(r) ?? CONTRACT_ROLES.covers) === CONTRACT_ROLES.covers && ends.isApplication(other(r)));
  if (!roerId && (suppliers.length === 0 || !fields.end)) return undefined;
  const where = `Contract ${e.id}${e.name ? ` '${e.name}'` : ''}`;
  if (suppliers.length === 0) {
    warnings.push(`${where}: no association with a supplier; kept as a generic element`);
    return undefined;
  }
  const supplierIds = [...new Set(suppliers.map(r => roerIdOf(other(r)!) ?? other(r)!.id))];
  if (supplierIds.length > 1) warnings.push(`${where}: associated with ${supplierIds.length} suppliers; Roer keeps the first (${supplierIds[0]})`);
  const parsed = ContractRow.safeParse({
    id: roerId ?? e.id, organisation: ends.organisation, supplier: supplierIds[0], applications: [...new Set(covers.map(r => ends.appRoerId(other(r)!)))],
    ...fields, extra: {},
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    warnings.push(`${where}: property ${issue.path.join('.')}: expected ${issue.message}; kept as a generic element`);
    return undefined;
  }
  return { row: parsed.data, roer: !!roerId, associations: [...suppliers, ...covers].map(r => r.id) };
}

/** The Roer relationships the model implies (see DEPENDENT_END and the dependency semantics in docs/data-model.md). */
function deriveLinks(
  relationships: ArchiRelationship[],
  kindOf: Map<string, Kind>,
  uidOf: Map<string, string>,
  byId: Map<string, ArchiElement>,
): LinkRow[] {
  const links: LinkRow[] = [];
  const add = (type: LinkRow['type'], from: string, to: string, relation?: string, kind?: string) =>
    links.push({ type, from: uidOf.get(from)!, to: uidOf.get(to)!, ...(relation ? { relation } : {}), ...(kind ? { kind } : {}) });
  const servesFunction = new Map<string, string[]>();
  for (const r of relationships) {
    if (r.type === 'Serving' && byId.get(r.source)?.type === 'ApplicationService' && kindOf.get(r.target) === 'BusinessFunction') {
      servesFunction.set(r.source, [...(servesFunction.get(r.source) ?? []), r.target]);
    }
  }
  for (const r of relationships) {
    const [source, target] = [kindOf.get(r.source)!, kindOf.get(r.target)!];
    // Suppliers: whoever serves, is assigned to, realises or is associated with an application/platform supplies it.
    for (const [supplier, other, otherKind] of [[r.source, r.target, target], [r.target, r.source, source]] as const) {
      if (kindOf.get(supplier) !== 'Supplier' || (r.type !== 'Association' && supplier !== r.source)) continue;
      if (!['Serving', 'Assignment', 'Realization', 'Association'].includes(r.type)) continue;
      if (otherKind === 'Application') add('SUPPLIES', supplier, other);
      if (otherKind === 'Platform') add('PROVIDES', supplier, other);
    }
    if (source === 'Application' && target === 'ReferenceComponent' && (r.type === 'Realization' || r.type === 'Specialization')) add('REALISES', r.source, r.target);
    if (source === 'Application' && target === 'BusinessFunction' && r.type === 'Serving') add('SUPPORTS', r.source, r.target);
    if (source === 'Application' && r.type === 'Realization' && servesFunction.has(r.target)) {
      for (const fn of servesFunction.get(r.target)!) add('SUPPORTS', r.source, fn);
    }
    const end = DEPENDENT_END[r.type];
    if (!end) continue;
    const [dependent, provider] = end === 'target' ? [r.target, r.source] : [r.source, r.target];
    const [dependentKind, providerKind] = [kindOf.get(dependent), kindOf.get(provider)];
    if (dependent === provider) continue;
    if (dependentKind === 'Application' && providerKind === 'Application') add('DEPENDS_ON', dependent, provider, r.id, r.type.toLowerCase());
    else if ((dependentKind === 'Application' || dependentKind === 'Platform') && providerKind === 'Platform') add('RUNS_ON', dependent, provider);
  }
  return links;
}

/** A supplier by its own properties (`GEMMA type: Leverancier`, `Rol: Supplier`…) or its folder ("Leveranciers"). */
export const hasSupplierMarker = (e: Pick<ArchiElement, 'properties' | 'folder'>) =>
  e.properties.some(p => ROLE_KEYS.has(p.key.toLowerCase()) && SUPPLIER_WORD.test(p.value.trim())) ||
  e.folder.some(folder => SUPPLIER_WORD.test(folder.trim()));
export { isReferenceComponent };
export const isSupplierWord = (text: string) => SUPPLIER_WORD.test(text.trim());
/** `Organisatietype: Gemeente` and the like: an organisation that says it is something other than a supplier. */
export const hasOtherOrganisationType = (e: Pick<ArchiElement, 'properties'>) =>
  e.properties.some(p => /^(organisatietype|organisation type)$/i.test(p.key) && p.value.trim() !== '' && !SUPPLIER_WORD.test(p.value.trim()));

/** Roer's own id when the model carries one (Roer's export writes it for rows that came from spreadsheets). */
export const roerIdOf = (e: Pick<ArchiElement, 'properties'>) => e.properties.find(p => p.key === ROER_ID)?.value.trim() || undefined;
export const ROER_ID = 'Roer id';

/** The property Roer writes an application's open standards in, `A | B` (the spreadsheet's list form). */
export const OPEN_STANDARDS = 'Open standaarden';
/** The open standards an application's properties name, sorted and without repeats. */
export function openStandardsOf(e: Pick<ArchiElement, 'properties'>): string[] {
  const property = e.properties.find(p => /^(open ?standaarden|open ?standards)$/i.test(p.key.trim()));
  return [...new Set((property?.value ?? '').split('|').map(name => name.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

export function personalDataOf(e: Pick<ArchiElement, 'properties'>): boolean {
  const property = e.properties.find(p => /^(persoonsgegevens|personal data|personaldata|privacygevoelig)$/i.test(p.key));
  const parsed = YesNo(false).safeParse(property?.value);
  return parsed.success ? parsed.data : false;
}

export function supplierProps(e: Pick<ArchiElement, 'properties'>): { group?: string; country?: string; groupJurisdiction?: JurisdictionCode } {
  const out: { group?: string; country?: string; groupJurisdiction?: JurisdictionCode } = {};
  for (const p of e.properties) {
    if (/^(concern|groep|group|moederbedrijf)$/i.test(p.key) && p.value.trim()) out.group = p.value.trim();
    if (/^(land|country)$/i.test(p.key) && p.value.trim()) out.country = p.value.trim();
    // The group's jurisdiction: a jurisdiction or a country; a value that is neither is left out, as an unknown criticality is.
    const jurisdiction = /^(concern ?jurisdictie|jurisdictie concern|concern ?land|group ?jurisdiction|group ?country)$/i.test(p.key) ? jurisdictionOf(p.value) : null;
    if (jurisdiction) out.groupJurisdiction = jurisdiction;
  }
  return out;
}

export function criticalityOf(e: Pick<ArchiElement, 'properties'>) {
  // The first one Roer understands (a model's own "Bedrijfskritisch: ja" does not hide the one Roer wrote).
  for (const p of e.properties) {
    if (!/^(criticality|kritikaliteit|kriticiteit|bedrijfskritisch)$/i.test(p.key)) continue;
    const parsed = Criticality.safeParse(p.value);
    if (parsed.success && p.value.trim()) return parsed.data;
  }
  return 'medium';
}

export function platformProps(e: Pick<ArchiElement, 'properties'>): { type?: string; jurisdiction?: string; product?: string; version?: string } {
  const out: Record<string, string> = { ...productProps(e) };
  for (const p of e.properties) {
    const key = slug(p.key);
    // Only values Roer understands; anything else keeps the default rather than failing the model.
    const [type, jurisdiction] = [PlatformType.safeParse(p.value), Jurisdiction.safeParse(p.value)];
    if ((key === 'type' || key === 'hosting' || key === 'platformtype') && type.success) out.type = type.data;
    if ((key === 'jurisdiction' || key === 'jurisdictie') && jurisdiction.success) out.jurisdiction = jurisdiction.data;
  }
  return out;
}

/** The product (pakket) an application or platform is, and its version (versie), as properties name them (ICT-foto). */
export function productProps(e: Pick<ArchiElement, 'properties'>): { product?: string; version?: string } {
  const out: { product?: string; version?: string } = {};
  for (const p of e.properties) {
    const key = slug(p.key);
    if ((key === 'product' || key === 'pakket') && p.value.trim()) out.product = p.value.trim();
    if ((key === 'version' || key === 'versie') && p.value.trim()) out.version = p.value.trim();
  }
  return out;
}
