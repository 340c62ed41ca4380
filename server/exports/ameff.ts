// AMEFF 3.0 (Open Group ArchiMate Model Exchange File Format) export of one or more organisations'
// landscapes, with views an architect can open in Archi (ameff-views.ts: per organisation a landscape by
// business function and a supplier view). Written so that importing it again (importers/sources/archimate)
// gives back the same graph:
// model concepts keep their ArchiMate ids, types and properties; Roer facts that no model relationship
// explains become ArchiMate relationships the type table maps back onto the same facts. Interfaces become
// Flows and contracts Contract elements that carry Roer's fields as properties, so both come back too.
import type { Driver } from 'neo4j-driver';
import {
  CONTRACT_ROLES, OPEN_STANDARDS, ROER_CONTRACT_ID, ROER_FACT, ROER_ID, ROER_INTERFACE_ID, ROER_ROLE, contractFields, criticalityOf, hasOtherOrganisationType, hasSupplierMarker, isReferenceComponent, isSupplierWord, openStandardsOf, personalDataOf, platformProps, productProps, roerIdOf,
  supplierProps,
} from '../../importers/sources/archimate/map.js';
import type { ArchiProperty } from '../../importers/sources/archimate/read.js';
import { type ArchiView, GENERATED_VIEW } from '../../importers/sources/archimate/views.js';
import { ContractRow, type Criticality } from '../../importers/model.js';
import { criticalityProperty, isRoerCriticality } from '../../importers/sources/archimate/criticality.js';
import { InputError } from '../errors.js';
import { read } from '../neo4j.js';
import { organisationList, organisationNames } from '../names.js';
import { type Language, propertyValueName, relationName } from '../labels.js';
import { contractTitle } from '../reports/contract-name.js';
import { sourceName } from '../reports/source-name.js';
import { query } from '../queries.js';
import { organisationScope } from './scope.js';
import { importedViews } from './model-views.js';
import { escapeXml } from './xml.js';
import { factWord, interfaceKey, tableSourceKey, viaValue } from '../../importers/sources/archimate/fact-words.js';
import { contractPropertyName, contractPropertyValue } from './ameff-contract-words.js';
import { type AnalysisView, architectViews } from './ameff-views.js';

export type AmeffExportOptions = {
  organisations: string[];
  /** Only these nodes (e.g. an analysis result) instead of the organisations' whole landscapes; the organisations still name the diagrams. */
  uids?: string[];
  name?: string;
  language?: string;
  /** The views of an analysis result (ameff-views.ts) instead of the landscape views. */
  analysis?: AnalysisView[];
};

type NodeRow = { uid: string; label: string; props: Record<string, unknown>; standards: string[] };
type RelRow = { from: string; to: string; type: string; props: Record<string, unknown> };
type InterfaceExportRow = { uid: string; props: Record<string, unknown>; from: string; to: string; via: string | null };
type ContractExportRow = { uid: string; props: Record<string, unknown>; supplier: string; applications: string[]; supplierName: string | null; applicationNames: string[] };
type ModelRow = { source: string; modelId: string; name: string; documentation: string | null; properties: string; views: string };
type Concept = { id: string; archimateId?: string; uid: string; label: string; type: string; name: string; documentation?: string; properties: ArchiProperty[]; folder: string[]; organisation?: string };
type Relationship = { id: string; archimateId?: string; type: string; source: string; target: string; name: string; documentation?: string; properties: ArchiProperty[]; accessType?: string; folder?: string[] };

const ELEMENT_TYPES = new Set(
  ('BusinessActor BusinessRole BusinessCollaboration BusinessInterface BusinessProcess BusinessFunction BusinessInteraction BusinessEvent ' +
    'BusinessService BusinessObject Contract Representation Product ApplicationComponent ApplicationCollaboration ApplicationInterface ' +
    'ApplicationFunction ApplicationInteraction ApplicationProcess ApplicationEvent ApplicationService DataObject Node Device SystemSoftware ' +
    'TechnologyCollaboration TechnologyInterface Path CommunicationNetwork TechnologyFunction TechnologyProcess TechnologyInteraction ' +
    'TechnologyEvent TechnologyService Artifact Equipment Facility DistributionNetwork Material Stakeholder Driver Assessment Goal Outcome ' +
    'Principle Requirement Constraint Meaning Value Resource Capability CourseOfAction WorkPackage Deliverable ImplementationEvent Plateau ' +
    'Gap Grouping Location AndJunction OrJunction').split(' '),
);
const RELATIONSHIP_TYPES = new Set(['Composition', 'Aggregation', 'Assignment', 'Realization', 'Serving', 'Access', 'Influence', 'Triggering', 'Flow', 'Specialization', 'Association']);
// Anything else (an Algorithm from the algorithm register, for one) is a Grouping. ArchiMate 3.1 has no
// algorithm element, and the GEMMA and NORA models (../shared/reference-data) name algorithms only in the
// text of principles and requirements, never as an element type. ApplicationFunction would claim the
// behaviour of one application component; a register entry is a set of facts about an algorithm that several
// applications may carry, which is what a Grouping is for ("concepts that belong together based on some
// common characteristic", ArchiMate 3.1 §5.5.1).
const DEFAULT_TYPE: Record<string, string> = {
  Application: 'ApplicationComponent', ReferenceComponent: 'ApplicationComponent', BusinessFunction: 'BusinessFunction', Supplier: 'BusinessActor', Platform: 'Node', Element: 'Grouping',
};

/** The organisations' landscapes (or the chosen nodes) as an AMEFF 3.0 document (valid against archimate3_Diagram.xsd). */
export async function exportAmeff(driver: Driver, options: AmeffExportOptions): Promise<string> {
  const organisations = [...new Set(options.organisations.map(org => org.trim()).filter(Boolean))];
  if (organisations.length === 0) throw new InputError('Name at least one organisation to export (noem minstens één organisatie)');
  // Only what lies within the organisations' scope (scope.ts), also for a selection.
  const scope = await organisationScope(driver, organisations);
  const inScope = new Set(scope.uids);
  const chosen = options.uids ? [...new Set(options.uids)].filter(uid => inScope.has(uid)) : scope.uids;
  const nodes = await read<NodeRow>(driver, query('archimate/export-nodes-by-uid').text, { uids: chosen });
  const nodeUids = nodes.map(n => n.uid);
  // Interfaces and contracts of the organisations whose ends are in the export (only the chosen contracts for a selection).
  const interfaces = nodes.length ? await read<InterfaceExportRow>(driver, query('archimate/export-interfaces').text, { organisations, uids: nodeUids }) : [];
  const contracts = nodes.length
    ? await read<ContractExportRow>(driver, query('archimate/export-contracts').text, { organisations, uids: nodeUids, selected: options.uids ? [...new Set(options.uids)] : null })
    : [];
  const rels = nodes.length
    ? await read<RelRow>(driver, query('archimate/export-relationships').text, { uids: [...nodeUids, ...contracts.map(c => c.uid)], relationships: scope.relationships })
    : [];
  const lang = options.language ?? 'nl';
  const language: Language = lang === 'en' ? 'en' : 'nl';
  // The model is called after the organisations' names, not their ids ("Roer: Gemeente Roerdam").
  const organisationName = await organisationNames(driver);
  // Where a row came from, in words ("Gemeente Roerdam (demo)"): the sources that assert it, none of another organisation's.
  const known = new Map((await organisationList(driver)).map(row => [row.id, row.name]));
  const foreign = new Set(scope.foreign);
  const origin = (runs: unknown) => {
    const sources = [...new Set((Array.isArray(runs) ? runs : []).map(stamp => String(stamp).split('#')[0]))].filter(source => source && !foreign.has(source));
    return sources.map(source => sourceName(source, language, id => known.get(id))).join(', ') || propertyValueName('code', 'unknown', language);
  };
  // The models imported for the organisations: their views are drawn again (not for a selection, which shows a part).
  const models = options.uids ? [] : await read<ModelRow>(driver, query('archimate/export-models').text, { organisations });
  const single = models.length === 1 ? models[0] : undefined;

  const ids = new Set<string>();
  const freshId = (preferred: string | undefined, fallback: string) => {
    let id = preferred && /^[A-Za-z_][\w.-]*$/.test(preferred) && !ids.has(preferred) ? preferred : `id-${fallback.replace(/[^A-Za-z0-9_.-]+/g, '-')}`;
    for (let n = 2; ids.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    ids.add(id);
    return id;
  };

  const concepts = new Map<string, Concept>();
  for (const node of nodes) concepts.set(node.uid, toConcept(node, freshId, language, origin));
  for (const contract of contracts) concepts.set(contract.uid, contractConcept(contract, freshId, language));
  // An exported interface is its own Flow; its dependency pairs (DEPENDS_ON with `interface`) come back from it.
  const exported = new Set(interfaces.map(i => i.uid));
  const relationships = toRelationships(rels.filter(r => !(r.type === 'DEPENDS_ON' && exported.has(r.props.interface as string))), concepts, freshId, language);
  relationships.push(...interfaceFlows(interfaces, concepts, freshId, language), ...contractAssociations(contracts, rels, concepts, freshId, language));
  markSuppliers(concepts, relationships);

  const propertyKeys = new Map<string, string>();
  const propId = (key: string) => {
    if (!propertyKeys.has(key)) propertyKeys.set(key, `propid-${propertyKeys.size + 1}`);
    return propertyKeys.get(key)!;
  };
  const properties = (list: ArchiProperty[], indent: string) =>
    list.length === 0
      ? []
      : [
          `${indent}<properties>`,
          ...list.map(p => `${indent}  <property propertyDefinitionRef="${propId(p.key)}"><value xml:lang="${lang}">${escapeXml(p.value)}</value></property>`),
          `${indent}</properties>`,
        ];
  const named = (name: string, documentation: string | undefined, indent: string, required: boolean) => [
    ...(name || required ? [`${indent}<name xml:lang="${lang}">${escapeXml(name)}</name>`] : []),
    ...(documentation ? [`${indent}<documentation xml:lang="${lang}">${escapeXml(documentation)}</documentation>`] : []),
  ];

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://www.opengroup.org/xsd/archimate/3.0/ http://www.opengroup.org/xsd/archimate/3.1/archimate3_Diagram.xsd" ' +
      `identifier="${freshId(single?.modelId, `roer-${organisations.join('-')}`)}">`,
    // One imported model: its own name, documentation and properties, so that it comes back as it went in.
    ...(single && !options.name
      ? [...named(single.name, single.documentation ?? undefined, '  ', true), ...properties(JSON.parse(single.properties) as ArchiProperty[], '  ')]
      : named(options.name ?? `Roer: ${organisations.map(organisationName).join(', ')}`, 'Export uit Roer (ICT-landschap en leveranciersafhankelijkheden)', '  ', true)),
  ];
  if (concepts.size) {
    lines.push('  <elements>');
    for (const c of concepts.values()) {
      lines.push(`    <element identifier="${c.id}" xsi:type="${c.type}">`, ...named(c.name, c.documentation, '      ', true), ...properties(c.properties, '      '), '    </element>');
    }
    lines.push('  </elements>');
  }
  if (relationships.length) {
    lines.push('  <relationships>');
    for (const r of relationships) {
      const access = r.type === 'Access' && r.accessType ? ` accessType="${escapeXml(r.accessType)}"` : '';
      const body = [...named(r.name, r.documentation, '      ', false), ...properties(r.properties, '      ')];
      const open = `    <relationship identifier="${r.id}" source="${r.source}" target="${r.target}" xsi:type="${r.type}"${access}`;
      lines.push(...(body.length ? [`${open}>`, ...body, '    </relationship>'] : [`${open}/>`]));
    }
    lines.push('  </relationships>');
  }
  // The views, as a list: the imported models' own first, then the ones Roer draws.
  const elementIds = new Map([...concepts.values()].filter(c => c.archimateId).map(c => [c.archimateId!, c.id]));
  const relationshipIds = new Map(relationships.filter(r => r.archimateId).map(r => [r.archimateId!, r.id]));
  const viewList = [
    // An analysis result is its own views only.
    ...(options.analysis ? [] : models.flatMap(model => importedViews(JSON.parse(model.views) as ArchiView[], { element: elementIds, relationship: relationshipIds, freshId, lang, properties }))),
    ...(await architectViews(driver, {
      organisations, concepts: [...concepts.values()], relationships, facts: rels, freshId, lang, selection: !!options.uids, analysis: options.analysis,
      marker: properties([GENERATED_VIEW], '      '),
    })),
  ];
  lines.push(...organizations([...concepts.values(), ...relationships.map(r => ({ id: r.id, folder: r.folder ?? [] })), ...viewList], lang));
  // After the views are made: they may name properties too.
  const definitions = () => [
    ...(propertyKeys.size ? ['  <propertyDefinitions>'] : []),
    ...[...propertyKeys].map(([key, id]) => `    <propertyDefinition identifier="${id}" type="string"><name xml:lang="${lang}">${escapeXml(key)}</name></propertyDefinition>`),
    ...(propertyKeys.size ? ['  </propertyDefinitions>'] : []),
  ];
  lines.push(...definitions());
  if (viewList.length) lines.push('  <views>', '    <diagrams>', ...viewList.flatMap(view => view.lines), '    </diagrams>', '  </views>');
  lines.push('</model>');
  return `${lines.join('\n')}\n`;
}

function toConcept(node: NodeRow, freshId: (preferred: string | undefined, fallback: string) => string, lang: Language, origin: (runs: unknown) => string): Concept {
  const p = node.props;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const original: ArchiProperty[] = text(p.archimateProperties) ? JSON.parse(p.archimateProperties as string) : [];
  let type = text(p.archimateType) ?? DEFAULT_TYPE[node.label] ?? 'Grouping';
  if (type === 'Junction') type = 'AndJunction';
  const properties = [...original];
  if (!ELEMENT_TYPES.has(type)) {
    properties.push({ key: 'ArchiMate type', value: type });
    type = 'Grouping';
  }
  const id = freshId(text(p.archimateId), node.uid);
  const folder = text(p.archimateFolder) ? (p.archimateFolder as string).split('/') : [];
  // Write what the importer needs to rebuild the same row, only where the model does not already say it.
  const add = (key: string, value: string) => properties.push({ key, value });
  const roerId = text(p.id);
  // An imported row, not a model element: every field Roer holds, in words, since a reader cannot guess
  // Roer's defaults. A model element gets only what its own properties do not already say, so that a
  // round trip gives back the model's properties as they were.
  const row = !text(p.archimateId);
  if ((node.label === 'Application' || node.label === 'Platform' || node.label === 'Supplier') && roerId && (roerIdOf({ properties }) ?? id) !== roerId) add(ROER_ID, roerId);
  if (node.label === 'Application') {
    // Always, "midden" included: another reader does not know that Roer reads a missing one as medium.
    const own = properties.find(isRoerCriticality) ?? properties.find(q => /^(kriticiteit|bedrijfskritisch)$/i.test(q.key));
    if (p.criticality && !(own && criticalityOf({ properties: [own] }) === p.criticality)) properties.push(criticalityProperty(p.criticality as Criticality, lang));
    if (typeof p.personalData === 'boolean' && (row || personalDataOf({ properties }) !== p.personalData)) add('Persoonsgegevens', p.personalData ? 'ja' : 'nee');
    const standards = [...node.standards].sort((a, b) => a.localeCompare(b));
    if (standards.length && openStandardsOf({ properties }).join('|') !== standards.join('|')) add(OPEN_STANDARDS, standards.join(' | '));
  }
  if (node.label === 'Application' || node.label === 'Platform') {
    const derived = productProps({ properties });
    if (text(p.product) && derived.product !== p.product) add('Pakket', String(p.product));
    if (text(p.version) && derived.version !== p.version) add('Versie', String(p.version));
  }
  if (node.label === 'Platform') {
    const derived = { type: 'on-premise', jurisdiction: 'NL', ...platformProps({ properties }) };
    // In the words the UI uses ("SaaS (software als dienst)", "Verenigde Staten"), which the importer reads back.
    if (p.type && (row || derived.type !== p.type)) add('Platformtype', propertyValueName('type', p.type, lang));
    if (p.jurisdiction && (row || derived.jurisdiction !== p.jurisdiction)) add('Jurisdictie', propertyValueName('jurisdiction', p.jurisdiction, lang));
  }
  if (node.label === 'Supplier') {
    const derived = supplierProps({ properties });
    if (text(p.group) && derived.group !== p.group) add('Concern', String(p.group));
    if (text(p.country) && derived.country !== p.country) add('Land', String(p.country));
    if (text(p.groupJurisdiction) && derived.groupJurisdiction !== p.groupJurisdiction) add('Concernjurisdictie', propertyValueName('jurisdiction', p.groupJurisdiction, lang));
  }
  if (node.label === 'ReferenceComponent' && !isReferenceComponent({ properties })) add('GEMMA type', 'Referentiecomponent');
  // Where the row came from, which also tells a re-import to make the row again (map.ts isTableRow).
  if (row && ['Application', 'Platform', 'Supplier', 'ReferenceComponent', 'BusinessFunction'].includes(node.label)) add(tableSourceKey(lang), origin(p.runs));
  return {
    id, archimateId: text(p.archimateId), uid: node.uid, label: node.label, type, name: text(p.name) ?? '', documentation: text(p.documentation) || undefined, properties, folder,
    organisation: text(p.organisation),
  };
}

/**
 * A Roer contract as an ArchiMate Contract, named as a report names it ("Grutto Software B.V. –
 * Zaaksysteem (c-0018)"): the model's own properties (when it came from a model) plus every contract
 * field the importer would not read back the same from them.
 */
function contractConcept(row: ContractExportRow, freshId: (preferred: string | undefined, fallback: string) => string, lang: Language): Concept {
  const p = row.props;
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const properties: ArchiProperty[] = text(p.archimateProperties) ? JSON.parse(p.archimateProperties as string) : [];
  const id = freshId(text(p.archimateId), row.uid);
  if (!text(p.archimateId) || id !== p.id) properties.push({ key: ROER_CONTRACT_ID, value: String(p.id) });
  const have = contractFields({ properties });
  const shape = ContractRow.shape as unknown as Record<string, { safeParse: (value: unknown) => { success: boolean; data?: unknown } }>;
  for (const field of ['start', 'end', 'noticeMonths', 'autoRenew', 'annualValue', 'exitPlan', 'dataPortability']) {
    const value = p[field];
    if (value === null || value === undefined) continue;
    // A missing property reads as the field's default (no exit plan, 0 months…): only what differs is
    // written, but for a contract that came from a row a yes/no is written either way ("Exitplan: nee"):
    // a reader cannot tell a missing one from an unknown one.
    const current = shape[field].safeParse(have[field]);
    if (current.success && current.data === value && !(typeof value === 'boolean' && !text(p.archimateId))) continue;
    properties.push({ key: contractPropertyName(field, lang), value: contractPropertyValue(value, lang) });
  }
  return {
    id, archimateId: text(p.archimateId), uid: row.uid, label: 'Contract', type: 'Contract',
    name: contractTitle({ id: String(p.id), suppliers: row.supplierName ? [row.supplierName] : [], applications: row.applicationNames }, lang),
    documentation: text(p.documentation) || undefined, properties,
    folder: text(p.archimateFolder) ? (p.archimateFolder as string).split('/') : [], organisation: text(p.organisation),
  };
}

/**
 * Each interface as a Flow from its `from` to its `to` application, with its id, standard and intermediary
 * as properties, named in words unless it has a name of its own: "levert gegevens aan (StUF-BG, via Makelaar)".
 */
function interfaceFlows(interfaces: InterfaceExportRow[], concepts: Map<string, Concept>, freshId: (preferred: string | undefined, fallback: string) => string, lang: Language): Relationship[] {
  return interfaces.map(i => {
    const standard = typeof i.props.standard === 'string' && i.props.standard ? i.props.standard : undefined;
    const via = i.via ? concepts.get(i.via)! : undefined;
    const properties: ArchiProperty[] = [{ key: ROER_INTERFACE_ID, value: String(i.props.id) }];
    if (standard) properties.push({ key: interfaceKey('standard', lang), value: standard });
    if (via) properties.push({ key: interfaceKey('via', lang), value: viaValue(via.name, via.id) });
    const details = [standard, via && `${relationName('VIA', 'out', lang)} ${via.name}`].filter(Boolean).join(', ');
    const name = typeof i.props.name === 'string' && i.props.name !== i.props.id ? i.props.name : `${relationName('DEPENDS_ON', 'in', lang, 'flow')}${details ? ` (${details})` : ''}`;
    return { id: freshId(undefined, `flow-${i.uid}`), type: 'Flow', source: concepts.get(i.from)!.id, target: concepts.get(i.to)!.id, name, properties };
  });
}

/** "Contract with supplier" and "contract covers application" as named Associations, unless the model already relates them. */
function contractAssociations(contracts: ContractExportRow[], rels: RelRow[], concepts: Map<string, Concept>, freshId: (preferred: string | undefined, fallback: string) => string, lang: Language): Relationship[] {
  const pair = (a: string, b: string) => [a, b].sort().join('\u0000');
  const modelled = new Set(rels.filter(r => r.type === 'RELATES_TO').map(r => pair(r.from, r.to)));
  const out: Relationship[] = [];
  for (const c of contracts) {
    const ends: [string, string, string][] = [
      [c.supplier, CONTRACT_ROLES.supplier, relationName('WITH', 'out', lang)],
      ...c.applications.map(a => [a, CONTRACT_ROLES.covers, relationName('COVERS', 'out', lang)] as [string, string, string]),
    ];
    for (const [target, role, name] of ends) {
      if (modelled.has(pair(c.uid, target))) continue;
      out.push({
        id: freshId(undefined, `rel-${role}-${c.uid}-${target}`), type: 'Association', source: concepts.get(c.uid)!.id, target: concepts.get(target)!.id, name,
        properties: [{ key: ROER_ROLE, value: role }],
      });
    }
  }
  return out;
}

/** A supplier the importer would not recognise from its own properties, folder or role gets an explicit marker. */
function markSuppliers(concepts: Map<string, Concept>, relationships: Relationship[]) {
  const byId = new Map([...concepts.values()].map(c => [c.id, c]));
  for (const c of concepts.values()) {
    if (c.label !== 'Supplier' || hasSupplierMarker(c)) continue;
    const assigned = relationships.some(
      r => r.type === 'Assignment' && r.source === c.id && byId.get(r.target)?.type === 'BusinessRole' && isSupplierWord(byId.get(r.target)!.name),
    );
    if (!assigned || hasOtherOrganisationType(c)) c.properties.push({ key: 'Roer type', value: 'Leverancier' });
  }
}

function toRelationships(rels: RelRow[], concepts: Map<string, Concept>, freshId: (preferred: string | undefined, fallback: string) => string, lang: Language): Relationship[] {
  const out: Relationship[] = [];
  const modelled = new Set<string>();
  const pair = (a: string, b: string) => [a, b].sort().join('\u0000');
  const realises = new Map<string, string[]>();
  const serves = new Set<string>();
  for (const r of rels.filter(r => r.type === 'RELATES_TO')) {
    const p = r.props;
    modelled.add(pair(r.from, r.to));
    const type = RELATIONSHIP_TYPES.has(String(p.archimateType)) ? String(p.archimateType) : 'Association';
    if (type === 'Realization') realises.set(r.from, [...(realises.get(r.from) ?? []), r.to]);
    if (type === 'Serving') serves.add(`${r.from}\u0000${r.to}`);
    out.push({
      id: freshId(p.archimateId as string | undefined, `rel-${r.from}-${r.to}`), archimateId: p.archimateId as string | undefined, type, source: concepts.get(r.from)!.id, target: concepts.get(r.to)!.id,
      name: (p.name as string) ?? '', documentation: (p.documentation as string) || undefined, accessType: (p.accessType as string) || undefined,
      properties: p.archimateProperties ? JSON.parse(p.archimateProperties as string) : [],
      folder: typeof p.archimateFolder === 'string' && p.archimateFolder ? p.archimateFolder.split('/') : [],
    });
  }
  // Roer facts that no model relationship explains (spreadsheet imports, other sources).
  const written = new Set<string>();
  for (const r of rels.filter(r => r.type !== 'RELATES_TO')) {
    if (modelled.has(pair(r.from, r.to))) continue;
    if (r.type === 'SUPPORTS' && (realises.get(r.from) ?? []).some(service => serves.has(`${service}\u0000${r.to}`))) continue;
    // [ArchiMate type, source uid, target uid]: "A serves B" for "B depends on / runs on A".
    const [type, source, target] =
      r.type === 'DEPENDS_ON' ? [r.props.kind === 'flow' ? 'Flow' : 'Serving', r.to, r.from]
      : r.type === 'RUNS_ON' ? ['Serving', r.to, r.from]
      : r.type === 'SUPPLIES' || r.type === 'PROVIDES' ? ['Association', r.from, r.to]
      : r.type === 'REALISES' ? ['Specialization', r.from, r.to]
      : ['Serving', r.from, r.to]; // SUPPORTS
    const key = `${type}\u0000${source}\u0000${target}`;
    if (written.has(key)) continue;
    written.add(key);
    // The Roer fact it stands for, so that a re-import makes that fact again, not a model relationship (map.ts ROER_FACT).
    const properties = r.type === 'DEPENDS_ON' ? [] : [{ key: ROER_FACT, value: factWord(r.type, lang) }];
    out.push({ id: freshId(undefined, `rel-${type}-${source}-${target}`), type, source: concepts.get(source)!.id, target: concepts.get(target)!.id, name: factName(r, lang), properties });
  }
  return out;
}

/**
 * A Roer fact's relationship named as the UI reads it from the relationship's source, where that says more
 * than the ArchiMate type: "levert" and "biedt platform" (an Association says nothing by itself), "host" (a
 * platform serving an application), "ondersteunt", "vervult", "levert gegevens aan" (a flow) and
 * "tussenstation voor". A plain dependency is a Serving and nothing more, so it stays unnamed.
 */
function factName(r: RelRow, lang: Language): string {
  if (r.type !== 'DEPENDS_ON') return relationName(r.type, r.type === 'RUNS_ON' ? 'in' : 'out', lang);
  return r.props.kind === 'flow' || r.props.kind === 'via' ? relationName(r.type, 'in', lang, r.props.kind) : '';
}

/** Folders (AMEFF organizations) as the model had them; concepts without a folder go where Archi puts them. */
function organizations(concepts: { id: string; folder: string[] }[], lang: string): string[] {
  type Tree = { children: Map<string, Tree>; refs: string[] };
  const root: Tree = { children: new Map(), refs: [] };
  for (const c of concepts) {
    if (c.folder.length === 0) continue;
    let at = root;
    for (const label of c.folder) {
      if (!at.children.has(label)) at.children.set(label, { children: new Map(), refs: [] });
      at = at.children.get(label)!;
    }
    at.refs.push(c.id);
  }
  if (root.children.size === 0) return [];
  const render = (tree: Tree, indent: string): string[] => [
    ...[...tree.children].flatMap(([label, child]) => [`${indent}<item>`, `${indent}  <label xml:lang="${lang}">${escapeXml(label)}</label>`, ...render(child, `${indent}  `), `${indent}</item>`]),
    ...tree.refs.map(ref => `${indent}<item identifierRef="${ref}"/>`),
  ];
  return ['  <organizations>', ...render(root, '    '), '  </organizations>'];
}
