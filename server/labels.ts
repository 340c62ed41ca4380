// The graph's names in the users' words, Dutch and English: node kinds, relationships (read from either
// end) and properties. One catalogue for the documents the API writes (PDF, XLSX, CSV) and for the web
// UI, which bundles this file (web/src/i18n.ts): the same relation is called the same everywhere.
// Pure data and functions, no Node imports, so the browser bundle can take it as it is.

import { formatNumber } from './format.js';

export type Language = 'nl' | 'en';
type Words = Record<Language, string>;

export const KIND_NAMES: Record<string, Words> = {
  Organisation: { nl: 'Organisatie', en: 'Organisation' },
  Application: { nl: 'Applicatie', en: 'Application' },
  Supplier: { nl: 'Leverancier', en: 'Supplier' },
  SupplierGroup: { nl: 'Leveranciersgroep', en: 'Supplier group' },
  Platform: { nl: 'Platform', en: 'Platform' },
  Interface: { nl: 'Koppeling', en: 'Interface' },
  Contract: { nl: 'Contract', en: 'Contract' },
  ReferenceComponent: { nl: 'Referentiecomponent', en: 'Reference component' },
  BusinessFunction: { nl: 'Bedrijfsfunctie', en: 'Business function' },
  Standard: { nl: 'Standaard', en: 'Standard' },
  Element: { nl: 'Modelelement', en: 'Model element' },
  ReleaseCycle: { nl: 'Releasecyclus', en: 'Release cycle' },
  Component: { nl: 'Softwarecomponent', en: 'Software component' },
};

/** The kind of fact each table of a delivery holds (an import's counts and changes are per table). */
export const TABLE_KINDS: Record<string, string> = { applications: 'Application', suppliers: 'Supplier', platforms: 'Platform', interfaces: 'Interface', contracts: 'Contract', algorithms: 'Algorithm' };

/** Many of a kind: "99 van de 196 contracten". */
export const KIND_PLURALS: Record<string, Words> = {
  Organisation: { nl: 'organisaties', en: 'organisations' },
  Application: { nl: 'applicaties', en: 'applications' },
  Supplier: { nl: 'leveranciers', en: 'suppliers' },
  SupplierGroup: { nl: 'leveranciersgroepen', en: 'supplier groups' },
  Platform: { nl: 'platformen', en: 'platforms' },
  Interface: { nl: 'koppelingen', en: 'interfaces' },
  Contract: { nl: 'contracten', en: 'contracts' },
  ReferenceComponent: { nl: 'referentiecomponenten', en: 'reference components' },
  BusinessFunction: { nl: 'bedrijfsfuncties', en: 'business functions' },
  Standard: { nl: 'standaarden', en: 'standards' },
  Element: { nl: 'modelelementen', en: 'model elements' },
  ReleaseCycle: { nl: 'releasecycli', en: 'release cycles' },
  Component: { nl: 'softwarecomponenten', en: 'software components' },
};

/**
 * Each relationship as read from its start node (`out`: "Zaaksysteem draait op Rekencentrum") and
 * from its end node (`in`: "Rekencentrum host Zaaksysteem"). A dependency from an interface's flow
 * reads as the data it carries: the application depended on delivers data to the one depending.
 */
export const RELATION_NAMES: Record<string, { out: Words; in: Words }> = {
  USES: { out: { nl: 'gebruikt', en: 'uses' }, in: { nl: 'in gebruik bij', en: 'used by' } },
  SUPPLIES: { out: { nl: 'levert', en: 'supplies' }, in: { nl: 'geleverd door', en: 'supplied by' } },
  PART_OF: { out: { nl: 'hoort bij concern', en: 'part of group' }, in: { nl: 'omvat', en: 'includes' } },
  PROVIDES: { out: { nl: 'biedt platform', en: 'provides platform' }, in: { nl: 'aangeboden door', en: 'provided by' } },
  RUNS_ON: { out: { nl: 'draait op', en: 'runs on' }, in: { nl: 'huisvest', en: 'hosts' } },
  REALISES: { out: { nl: 'vervult', en: 'realises' }, in: { nl: 'vervuld door', en: 'realised by' } },
  SUPPORTS: { out: { nl: 'ondersteunt', en: 'supports' }, in: { nl: 'ondersteund door', en: 'supported by' } },
  IMPLEMENTS: { out: { nl: 'ondersteunt standaard', en: 'implements standard' }, in: { nl: 'ondersteund door', en: 'implemented by' } },
  FROM: { out: { nl: 'van', en: 'from' }, in: { nl: 'levert gegevens via', en: 'sends data through' } },
  TO: { out: { nl: 'naar', en: 'to' }, in: { nl: 'ontvangt gegevens via', en: 'receives data through' } },
  VIA: { out: { nl: 'via', en: 'via' }, in: { nl: 'tussenstation in', en: 'intermediary in' } },
  USES_STANDARD: { out: { nl: 'volgt standaard', en: 'follows standard' }, in: { nl: 'gevolgd door koppeling', en: 'followed by interface' } },
  DEPENDS_ON: { out: { nl: 'is afhankelijk van', en: 'depends on' }, in: { nl: 'nodig voor', en: 'needed by' } },
  HOLDS: { out: { nl: 'heeft contract', en: 'holds contract' }, in: { nl: 'contract van', en: 'contract of' } },
  WITH: { out: { nl: 'met leverancier', en: 'with supplier' }, in: { nl: 'heeft contract', en: 'has contract' } },
  COVERS: { out: { nl: 'dekt', en: 'covers' }, in: { nl: 'gedekt door', en: 'covered by' } },
  RELATES_TO: { out: { nl: 'relatie met', en: 'relates to' }, in: { nl: 'relatie van', en: 'related from' } },
  CONTAINS: { out: { nl: 'bevat component', en: 'contains component' }, in: { nl: 'component van', en: 'component of' } },
};

/** A dependency by its kind (DEPENDS_ON {kind}), read from the application depended on. */
export const DEPENDENCY_NAMES: Record<string, { out: Words; in: Words }> = {
  flow: { out: { nl: 'krijgt gegevens van', en: 'gets data from' }, in: { nl: 'levert gegevens aan', en: 'delivers data to' } },
  via: { out: { nl: 'koppelt via', en: 'connects through' }, in: { nl: 'tussenstation voor', en: 'intermediary for' } },
};

export const PROPERTY_NAMES: Record<string, Words> = {
  id: { nl: 'Id', en: 'Id' },
  uid: { nl: 'Sleutel', en: 'Key' },
  name: { nl: 'Naam', en: 'Name' },
  organisation: { nl: 'Organisatie', en: 'Organisation' },
  criticality: { nl: 'Kritikaliteit', en: 'Criticality' },
  personalData: { nl: 'Persoonsgegevens', en: 'Personal data' },
  supplier: { nl: 'Leverancier', en: 'Supplier' },
  group: { nl: 'Concern', en: 'Group' },
  country: { nl: 'Land', en: 'Country' },
  type: { nl: 'Soort', en: 'Type' },
  jurisdiction: { nl: 'Jurisdictie', en: 'Jurisdiction' },
  standard: { nl: 'Standaard', en: 'Standard' },
  openStandard: { nl: 'Open standaard', en: 'Open standard' },
  open: { nl: 'Open standaard', en: 'Open standard' },
  start: { nl: 'Begindatum', en: 'Start' },
  end: { nl: 'Einddatum', en: 'End date' },
  noticeMonths: { nl: 'Opzegtermijn (maanden)', en: 'Notice (months)' },
  noticeDeadline: { nl: 'Uiterste opzegdatum', en: 'Notice deadline' },
  // The clause ("verlengt"), not a renewal that happened: read as "already renewed" beside a deadline still ahead.
  autoRenew: { nl: 'Verlengt stilzwijgend', en: 'Renews automatically' },
  annualValue: { nl: 'Jaarwaarde', en: 'Annual value' },
  exitPlan: { nl: 'Exitplan', en: 'Exit plan' },
  dataPortability: { nl: 'Dataportabiliteit', en: 'Data portability' },
  normalizedName: { nl: 'Genormaliseerde naam', en: 'Normalised name' },
  sources: { nl: 'Bronnen', en: 'Sources' },
  documentation: { nl: 'Toelichting', en: 'Documentation' },
  archimateId: { nl: 'ArchiMate-id', en: 'ArchiMate id' },
  archimateType: { nl: 'ArchiMate-type', en: 'ArchiMate type' },
  archimateFolder: { nl: 'ArchiMate-map', en: 'ArchiMate folder' },
  gemmaId: { nl: 'GEMMA-id', en: 'GEMMA id' },
  gemmaType: { nl: 'GEMMA-type', en: 'GEMMA type' },
  formerNames: { nl: 'Eerdere namen', en: 'Former names' },
  product: { nl: 'Pakket', en: 'Product' },
  version: { nl: 'Versie', en: 'Version' },
  versionStatus: { nl: 'Versiestatus', en: 'Version status' },
  useStart: { nl: 'In gebruik sinds', en: 'In use since' },
  useEnd: { nl: 'In gebruik tot', en: 'In use until' },
  hosting: { nl: 'Hosting', en: 'Hosting' },
  bbnScore: { nl: 'BBN (basisbeveiligingsniveau)', en: 'BBN (baseline security level)' },
  ibpScore: { nl: 'IBP-score (informatiebeveiliging en privacy)', en: 'IBP score (information security and privacy)' },
  biv: { nl: 'BIV-classificatie', en: 'AIC rating' },
  organisationType: { nl: 'Soort organisatie', en: 'Kind of organisation' },
  // ICT-foto: release cycles (endoflife.date) and SBOM components
  cycle: { nl: 'Releasecyclus', en: 'Release cycle' },
  productNames: { nl: 'Productnamen', en: 'Product names' },
  releaseDate: { nl: 'Uitgebracht', en: 'Released' },
  eol: { nl: 'Einde ondersteuning', en: 'End of support' },
  eolReached: { nl: 'Ondersteuning beëindigd', en: 'Support ended' },
  support: { nl: 'Einde actieve ondersteuning', en: 'End of active support' },
  latest: { nl: 'Laatste versie', en: 'Latest version' },
  lts: { nl: 'Langetermijnondersteuning (LTS)', en: 'Long-term support (LTS)' },
  purl: { nl: 'Package-URL (purl)', en: 'Package URL (purl)' },
  publisher: { nl: 'Uitgever', en: 'Publisher' },
  cbsCode: { nl: 'CBS-gemeentecode', en: 'CBS municipality code' },
  oin: { nl: 'OIN', en: 'OIN' },
  kvk: { nl: 'KvK-nummer', en: 'Chamber of Commerce number' },
  website: { nl: 'Website', en: 'Website' },
};

export const kindName = (kind: string, language: Language): string => KIND_NAMES[kind]?.[language] ?? kind;
export const kindPlural = (kind: string, language: Language): string => KIND_PLURALS[kind]?.[language] ?? kind;

/** A relationship in words, read from the node at the given end; a flow or via dependency by its kind. */
export function relationName(type: string, direction: 'out' | 'in', language: Language, dependencyKind?: string | null): string {
  const named = (type === 'DEPENDS_ON' && dependencyKind ? DEPENDENCY_NAMES[dependencyKind] : undefined) ?? RELATION_NAMES[type];
  return named ? named[direction][language] : type;
}

/** A property name in words; a spreadsheet's extra column (`extra_beheer_team`) by its own header. */
export function propertyName(key: string, language: Language): string {
  const named = PROPERTY_NAMES[key]?.[language];
  if (named) return named;
  if (key.startsWith('extra_')) {
    const words = key.slice('extra_'.length).replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }
  return key;
}

/**
 * An organisation's name for people: its own name when it has one, else its id made readable
 * (`gemeente-roerdam` → "Gemeente Roerdam"; a code such as `gm0363` stays as it is).
 */
export function organisationName(id: string, name?: string | null): string {
  if (name && name !== id) return name;
  if (!/[-_]/.test(id)) return id;
  return id.split(/[-_]+/).filter(Boolean).map(word => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

/**
 * An interface for people: its own name when it has one, else its ends and standard
 * ("Zaaksysteem → BRP via Makelaar (StUF-BG)"); the same in both languages.
 */
export function interfaceName(id: string, name: string | null | undefined, ends: { from?: string | null; to?: string | null; via?: string | null; standard?: string | null }): string {
  if (name && name !== id) return name;
  if (!ends.from && !ends.to) return id;
  return `${ends.from ?? '?'} → ${ends.to ?? '?'}${ends.via ? ` via ${ends.via}` : ''}${ends.standard ? ` (${ends.standard})` : ''}`;
}

// ---- Words for tables, spreadsheets and reports ----------------------------------------------------
// Column headers of the analyses' rows and summaries (the keys the API returns) and the values
// people read in them (criticality, concentration band, lock-in factor, data-quality check). The
// PDF, XLSX and CSV exports and the report page all name a column from here.

export const COLUMN_NAMES: Record<string, Words> = {
  // A summary's note that a list was cut short (its pairs in words: cutWords).
  cut: { nl: 'Ingekort', en: 'Cut short' },
  name: { nl: 'Naam', en: 'Name' },
  kind: { nl: 'Soort', en: 'Kind' },
  level: { nl: 'Niveau', en: 'Level' },
  applications: { nl: 'Applicaties', en: 'Applications' },
  applicationsShare: { nl: 'Aandeel applicaties', en: 'Share of applications' },
  criticalApplications: { nl: 'Bedrijfskritische applicaties', en: 'Business-critical applications' },
  criticalApplicationsShare: { nl: 'Aandeel bedrijfskritisch', en: 'Share of business-critical' },
  businessFunctions: { nl: 'Bedrijfsfuncties', en: 'Business functions' },
  businessFunctionsShare: { nl: 'Aandeel bedrijfsfuncties', en: 'Share of business functions' },
  platforms: { nl: 'Platforms', en: 'Platforms' },
  platformsShare: { nl: 'Aandeel platforms', en: 'Share of platforms' },
  contractValue: { nl: 'Contractwaarde per jaar', en: 'Annual contract value' },
  contractValueShare: { nl: 'Aandeel contractwaarde', en: 'Share of contract value' },
  suppliers: { nl: 'Leveranciers', en: 'Suppliers' },
  supplierName: { nl: 'Leverancier', en: 'Supplier' },
  organisationName: { nl: 'Organisatie', en: 'Organisation' },
  score: { nl: 'Lock-in-score', en: 'Lock-in score' },
  topFactors: { nl: 'Grootste lock-in-factoren', en: 'Largest lock-in factors' },
  factor: { nl: 'Factor', en: 'Factor' },
  value: { nl: 'Waarde', en: 'Value' },
  weight: { nl: 'Gewicht', en: 'Weight' },
  contribution: { nl: 'Bijdrage aan de score', en: 'Contribution to the score' },
  articulationPoint: { nl: 'Scharnierpunt', en: 'Articulation point' },
  bridges: { nl: 'Bruggen', en: 'Bridges' },
  failedApplications: { nl: 'Applicaties geraakt (uit of zonder gegevens)', en: 'Applications hit (down or without data)' },
  failedCriticalApplications: { nl: 'Bedrijfskritische applicaties geraakt', en: 'Business-critical applications hit' },
  failedBusinessFunctions: { nl: 'Aantal bedrijfsfuncties geraakt (al hun applicaties uit of zonder gegevens)', en: 'Business functions hit (all their applications down or without data)' },
  lostBusinessFunctions: { nl: 'Bedrijfsfuncties geraakt', en: 'Which business functions are hit' },
  // Single points of failure said as the what-if says them: down directly, and the functions that therefore stop.
  directlyFailedApplications: { nl: 'Applicaties die direct uitvallen', en: 'Applications that fail directly' },
  stoppingBusinessFunctions: { nl: 'Bedrijfsfuncties die stoppen', en: 'Which business functions stop' },
  daysToNoticeDeadline: { nl: 'Dagen tot opzegdatum', en: 'Days to notice deadline' },
  daysToEnd: { nl: 'Dagen tot einddatum', en: 'Days to end date' },
  // A contract's current term (server/analyses/contract-term.ts): the end date as written, and whether it renewed.
  // "Einddatum" (end) is the end of the current term, after any renewal; these two say how it came about.
  contractEnd: { nl: 'Einddatum volgens contract', en: 'End date as written in the contract' },
  renewed: { nl: 'Einddatum verschoven door verlenging', en: 'End date moved by automatic renewal' },
  overdue: { nl: 'Opzegdatum verstreken', en: 'Notice deadline passed' },
  // The clause, not a renewal that happened (that is `renewed`). The property keeps its name: an
  // ArchiMate model exported by Roer carries it (exports/ameff-contract-words.ts).
  autoRenew: { nl: 'Verlengt stilzwijgend tenzij opgezegd', en: 'Renews automatically unless notice is given' },
  noticeDeadlinePassed: { nl: 'Opzegdatum verstreken', en: 'Notice deadline passed' },
  urgency: { nl: 'Status', en: 'Status' },
  check: { nl: 'Controle', en: 'Check' },
  severity: { nl: 'Ernst', en: 'Severity' },
  detail: { nl: 'Toelichting', en: 'Detail' },
  other: { nl: 'Lijkt op', en: 'Looks like' },
  // data-quality conflicts (server/analyses/data-quality.ts conflictRow)
  label: { nl: 'Soort', en: 'Kind' },
  otherName: { nl: 'Lijkt op', en: 'Looks like' },
  property: { nl: 'Gegeven', en: 'Fact' },
  valuesNames: { nl: 'Waarden per bron', en: 'Values by source' },
  winner: { nl: 'Bron die telt', en: 'Source that counts' },
  rule: { nl: 'Regel', en: 'Rule' },
  hops: { nl: 'Stappen', en: 'Steps' },
  path: { nl: 'Pad', en: 'Path' },
  pathNames: { nl: 'Afhankelijkheidspad', en: 'Dependency path' },
  failed: { nl: 'Valt uit', en: 'Fails' },
  lockInBefore: { nl: 'Lock-in voor', en: 'Lock-in before' },
  lockInAfter: { nl: 'Lock-in na', en: 'Lock-in after' },
  lockInChange: { nl: 'Verschil lock-in', en: 'Lock-in change' },
  affectedApplications: { nl: 'Geraakte applicaties', en: 'Affected applications' },
  supportingApplications: { nl: 'Ondersteunende applicaties', en: 'Supporting applications' },
  lostAllSupport: { nl: 'Stopt helemaal', en: 'Stops entirely' },
  interface: { nl: 'Koppeling', en: 'Interface' },
  from: { nl: 'Van', en: 'From' },
  to: { nl: 'Naar', en: 'To' },
  via: { nl: 'Via', en: 'Via' },
  fromName: { nl: 'Van', en: 'From' },
  toName: { nl: 'Naar', en: 'To' },
  viaName: { nl: 'Via', en: 'Via' },
  affectedApplicationNames: { nl: 'Applicaties die uitvallen', en: 'Applications down' },
  failedEnds: { nl: 'Uitgevallen kant', en: 'Failed end' },
  function: { nl: 'Bedrijfsfunctie', en: 'Business function' },
  total: { nl: 'Totaal', en: 'Total' },
  entities: { nl: 'Aantal leveranciers', en: 'Number of suppliers' },
  hhi: { nl: 'HHI', en: 'HHI' },
  cr1: { nl: 'CR1', en: 'CR1' },
  cr3: { nl: 'CR3', en: 'CR3' },
  band: { nl: 'Concentratie', en: 'Concentration' },
  largest: { nl: 'Grootste', en: 'Largest' },
  byOrganisation: { nl: 'Per organisatie', en: 'Per organisation' },
  byBusinessFunction: { nl: 'Per bedrijfsfunctie', en: 'Per business function' },
  overall: { nl: 'Alle organisaties samen', en: 'All organisations together' },
  organisations: { nl: 'Organisaties', en: 'Organisations' },
  before: { nl: 'voor', en: 'before' },
  after: { nl: 'na', en: 'after' },
  remove: { nl: 'Weggehaald', en: 'Removed' },
  replaceWith: { nl: 'Vervangen door', en: 'Replaced by' },
  node: { nl: 'Onderwerp', en: 'Subject' },
  maxHops: { nl: 'Maximaal aantal stappen', en: 'Maximum steps' },
  today: { nl: 'Peildatum', en: 'Reference date' },
  weights: { nl: 'Gewicht', en: 'Weight' },
  credit: { nl: 'Telt mee voor (0–1)', en: 'Counts for (0–1)' },
  endInterfaces: { nl: 'Koppelingen van de twee applicaties', en: 'Interfaces of the two applications' },
  tiedMoves: { nl: 'Gelijke winst', en: 'Equal gains' },
  remainingYearsCap: { nl: 'Resterende contractjaren voor de volle score', en: 'Remaining contract years for the full score' },
  dependantsCap: { nl: 'Afhankelijke applicaties voor de volle score', en: 'Dependants for the full score' },
  checks: { nl: 'Controles', en: 'Checks' },
  contracts: { nl: 'Contracten', en: 'Contracts' },
  windowFrom: { nl: 'Venster vanaf', en: 'Window from' },
  windowTo: { nl: 'Venster tot en met', en: 'Window up to and including' },
  overdueContracts: { nl: 'Contracten met verstreken opzegdatum', en: 'Contracts past their notice deadline' },
  interfacesBroken: { nl: 'Verbroken koppelingen', en: 'Broken interfaces' },
  interfacesWithoutData: { nl: 'Koppelingen die geen gegevens meer doorgeven', en: 'Interfaces that pass on no more data' },
  directBecause: { nl: 'Direct omdat het', en: 'Directly because it' },
  relation: { nl: 'Verband', en: 'Relation' },
  directApplications: { nl: 'Applicaties direct uit', en: 'Applications down directly' },
  effect: { nl: 'Gevolg', en: 'Effect' },
  hit: { nl: 'Van', en: 'Of' },
  contractsDirect: { nl: 'Contracten van wat direct uitvalt', en: 'Contracts of what fails directly' },
  businessFunctionsStopping: { nl: 'Bedrijfsfuncties die stoppen (direct)', en: 'Business functions that stop (directly)' },
  businessFunctionsWeakenedDirectly: { nl: 'Bedrijfsfuncties die direct verzwakken', en: 'Business functions weakened directly' },
  businessFunctionsMissingData: { nl: 'Bedrijfsfuncties die alleen gegevens missen', en: 'Business functions that only miss data' },
  // What fails, split by how it is hit (impact, what-if).
  direct: { nl: 'Direct geraakt', en: 'Hit directly' },
  applicationsDirect: { nl: 'Applicaties die direct uitvallen', en: 'Applications that fail directly' },
  criticalApplicationsDirect: { nl: 'Bedrijfskritische applicaties die direct uitvallen', en: 'Business-critical applications that fail directly' },
  applicationsThroughInterfaces: { nl: 'Applicaties die gegevens missen via koppelingen', en: 'Applications that miss data through interfaces' },
  businessFunctionsLost: { nl: 'Bedrijfsfuncties die stoppen', en: 'Business functions lost' },
  businessFunctionsWeakened: { nl: 'Bedrijfsfuncties die verzwakken', en: 'Business functions weakened' },
  articulationPoints: { nl: 'Scharnierpunten', en: 'Articulation points' },
  contract: { nl: 'Contract', en: 'Contract' },
  subject: { nl: 'Onderwerp', en: 'Subject' },
  // sovereignty
  exposed: { nl: 'Afhankelijk van buiten de EU', en: 'Exposed to non-EU law' },
  exposedShare: { nl: 'Aandeel afhankelijk van buiten de EU', en: 'Share exposed to non-EU law' },
  exposedCritical: { nl: 'Waarvan bedrijfskritisch', en: 'Of which business-critical' },
  exposedPersonalData: { nl: 'Waarvan met persoonsgegevens', en: 'Of which with personal data' },
  exposedContractValue: { nl: 'Contractwaarde afhankelijk van buiten de EU', en: 'Contract value exposed to non-EU law' },
  exposedContractValueShare: { nl: 'Aandeel contractwaarde buiten de EU', en: 'Share of contract value exposed' },
  exposedApplications: { nl: 'Afhankelijke applicaties', en: 'Exposed applications' },
  parties: { nl: 'Partijen buiten de EU', en: 'Non-EU parties' },
  chainNames: { nl: 'Keten', en: 'Chain' },
  chains: { nl: 'Aantal ketens', en: 'Number of chains' },
  exitReadiness: { nl: 'Exitgereedheid (0–100, hoger = beter)', en: 'Exit readiness (0–100, higher = better)' },
  interfaces: { nl: 'Koppelingen', en: 'Interfaces' },
  openInterfacesShare: { nl: 'Aandeel koppelingen met open standaard', en: 'Share of interfaces on open standards' },
  substitutes: { nl: 'Alternatieven in de EU', en: 'EU substitutes' },
  substituteExamples: { nl: 'Bijvoorbeeld', en: 'For example' },
  failsWhenNonEuUnavailable: { nl: 'Valt uit zonder partijen buiten de EU', en: 'Fails without non-EU parties' },
  lost: { nl: 'Stopt', en: 'Stops' },
  nonEuParties: { nl: 'Partijen buiten de EU', en: 'Non-EU parties' },
  applicationsFailed: { nl: 'Applicaties die uitvallen zonder partijen buiten de EU', en: 'Applications that fail without non-EU parties' },
  criticalApplicationsFailed: { nl: 'Bedrijfskritische applicaties die dan uitvallen', en: 'Business-critical applications that then fail' },
  basis: { nl: 'Grond', en: 'Basis' },
  // ICT-foto (out-of-support, advisory)
  supportStatus: { nl: 'Ondersteuning', en: 'Support' },
  versionFrom: { nl: 'Versie volgens', en: 'Version from' },
  cycle: { nl: 'Releasecyclus', en: 'Release cycle' },
  eol: { nl: 'Einde ondersteuning', en: 'End of support' },
  latest: { nl: 'Laatste versie van de cyclus', en: 'Latest version of the cycle' },
  releaseProduct: { nl: 'Product (endoflife.date)', en: 'Product (endoflife.date)' },
  component: { nl: 'Component (SBOM)', en: 'Component (SBOM)' },
  criticalDependants: { nl: 'Waarvan bedrijfskritisch', en: 'Of which business-critical' },
  dependantNames: { nl: 'Vallen mee uit', en: 'Fail with it' },
  unsupported: { nl: 'Zonder ondersteuning', en: 'Out of support' },
  ending: { nl: 'Ondersteuning stopt binnenkort', en: 'Support ends soon' },
  criticalFunctions: { nl: 'Bedrijfskritische functies', en: 'Business-critical functions' },
  affected: { nl: 'Getroffen applicaties', en: 'Affected applications' },
  down: { nl: 'Applicaties die uitvallen', en: 'Applications down' },
  functionsLost: { nl: 'Bedrijfsfuncties die stoppen', en: 'Business functions lost' },
  functionsWeakened: { nl: 'Bedrijfsfuncties die verzwakken', en: 'Business functions weakened' },
  // ICT-foto summaries (out-of-support, advisory)
  applicationsUnsupported: { nl: 'Applicaties zonder ondersteuning', en: 'Applications out of support' },
  applicationsEnding: { nl: 'Applicaties waarvan de ondersteuning binnenkort stopt', en: 'Applications whose support ends soon' },
  criticalApplicationsUnsupported: { nl: 'Bedrijfskritische applicaties zonder ondersteuning', en: 'Business-critical applications out of support' },
  personalDataApplicationsUnsupported: { nl: 'Applicaties met persoonsgegevens zonder ondersteuning', en: 'Applications with personal data out of support' },
  criticalFunctionsUnsupported: { nl: 'Bedrijfskritische functies geraakt', en: 'Business-critical functions hit' },
  criticalFunctionsEnding: { nl: 'Bedrijfskritische functies waar de ondersteuning binnenkort stopt', en: 'Business-critical functions whose support ends soon' },
  versionsKnown: { nl: 'Bekende versies', en: 'Versions known' },
  versionsWithoutCycle: { nl: 'Versies zonder bekende releasecyclus', en: 'Versions without a known release cycle' },
  releaseCycles: { nl: 'Releasecycli', en: 'Release cycles' },
  horizon: { nl: 'Vooruitgekeken tot', en: 'Looking ahead to' },
  months: { nl: 'Maanden vooruit', en: 'Months ahead' },
  range: { nl: 'Getroffen versies', en: 'Affected versions' },
  matches: { nl: 'Getroffen applicaties en platforms', en: 'Affected applications and platforms' },
  applicationsDown: { nl: 'Applicaties die uitvallen', en: 'Applications down' },
  criticalApplicationsDown: { nl: 'Bedrijfskritische applicaties die uitvallen', en: 'Business-critical applications down' },
  unknownVersion: { nl: 'Versie onbekend', en: 'Version unknown' },
  runsAffectedVersion: { nl: 'Draait de getroffen versie zelf', en: 'Runs the affected version itself' },
  critical: { nl: 'Bedrijfskritisch', en: 'Business-critical' },
  date: { nl: 'Peildatum', en: 'Reference date' },
  items: { nl: 'Applicaties en platforms met deze versie', en: 'Applications and platforms on this version' },
  applicationsDownCut: { nl: 'Ingekort', en: 'Cut' },
  totals: { nl: 'Totalen', en: 'Totals' },
  products: { nl: 'Producten', en: 'Products' },
  // Algorithms (Algoritmeregister) in impact, what-if and sovereignty summaries
  algorithmsStopping: { nl: 'Algoritmes die stoppen', en: 'Algorithms that stop' },
  algorithmsMissingData: { nl: 'Algoritmes die gegevens missen', en: 'Algorithms that miss data' },
  algorithmsOnExposed: { nl: 'Algoritmes op blootgestelde applicaties', en: 'Algorithms on exposed applications' },
  // common ground
  rank: { nl: 'Plaats', en: 'Rank' },
  commonGroundScore: { nl: 'Common Ground-score (0–100)', en: 'Common Ground score (0–100)' },
  openInterfaces: { nl: 'Koppelingen over open standaarden', en: 'Interfaces over open standards' },
  dataAtSource: { nl: 'Basisgegevens bij de bron', en: 'Base data at the source' },
  openApi: { nl: 'Open standaard-API', en: 'Open standard API' },
  openApiShare: { nl: 'Aandeel open standaard-API', en: 'Share open standard API' },
  olderOpen: { nl: 'Oudere open standaard', en: 'Older open standard' },
  olderOpenShare: { nl: 'Aandeel oudere open standaard', en: 'Share older open standard' },
  otherOpen: { nl: 'Andere open standaard', en: 'Other open standard' },
  otherOpenShare: { nl: 'Aandeel andere open standaard', en: 'Share other open standard' },
  proprietary: { nl: 'Eigen (gesloten) koppeling', en: 'Proprietary' },
  proprietaryShare: { nl: 'Aandeel gesloten', en: 'Share proprietary' },
  unknown: { nl: 'Standaard onbekend', en: 'Standard unknown' },
  unknownShare: { nl: 'Aandeel onbekend', en: 'Share unknown' },
  baseRegistrationReceivers: { nl: 'Applicaties die basisgegevens ontvangen', en: 'Applications receiving base registration data' },
  receiversByCopy: { nl: 'Waarvan met een kopie', en: 'Of which by copy' },
  receiversByRetrieval: { nl: 'Waarvan bevraagd bij de bron', en: 'Of which retrieved at the source' },
  openInterfacesContribution: { nl: 'Bijdrage open koppelingen', en: 'Contribution open interfaces' },
  dataAtSourceContribution: { nl: 'Bijdrage gegevens bij de bron', en: 'Contribution data at the source' },
  category: { nl: 'Soort standaard', en: 'Kind of standard' },
  registrations: { nl: 'Basisregistraties', en: 'Base registrations' },
  mode: { nl: 'Hoe', en: 'How' },
  gain: { nl: 'Winst op de score', en: 'Gain on the score' },
  copyInterfaces: { nl: 'Koppelingen met een kopie', en: 'Copy interfaces' },
  retrievalInterfaces: { nl: 'Koppelingen die bevragen', en: 'Retrieval interfaces' },
  layer: { nl: 'GEMMA-laag', en: 'GEMMA layer' },
  meanScore: { nl: 'Gemiddelde score', en: 'Mean score' },
  medianScore: { nl: 'Mediaan', en: 'Median score' },
  receiversCut: { nl: 'Ingekort', en: 'Cut' },
  applicationsPlaced: { nl: 'Applicaties op een laag geplaatst', en: 'Applications placed on a layer' },
  // Common Ground summary lists (sheets of its workbook)
  moves: { nl: 'Koppelingen om te verplaatsen', en: 'Interfaces to move' },
  receivers: { nl: 'Ontvangers van basisgegevens', en: 'Receivers of base data' },
  layers: { nl: 'GEMMA-lagen', en: 'GEMMA layers' },
  distribution: { nl: 'Verdeling van de scores', en: 'Distribution of scores' },
};

/** Common Ground's codes in words: kinds of standard, copy or retrieval, GEMMA layers, score components. */
export const CODE_NAMES: Record<string, Words> = {
  openApi: { nl: 'open standaard-API', en: 'open standard API' },
  olderOpen: { nl: 'oudere open standaard', en: 'older open standard' },
  otherOpen: { nl: 'andere open standaard', en: 'other open standard' },
  proprietary: { nl: 'eigen (gesloten) koppeling', en: 'proprietary' },
  unknown: { nl: 'onbekend', en: 'unknown' },
  copy: { nl: 'kopie', en: 'copy' },
  retrieval: { nl: 'bevragen bij de bron', en: 'retrieval at the source' },
  interaction: { nl: 'interactie', en: 'interaction' },
  process: { nl: 'proces', en: 'process' },
  integration: { nl: 'integratie', en: 'integration' },
  services: { nl: 'diensten', en: 'services' },
  data: { nl: 'gegevens', en: 'data' },
  unplaced: { nl: 'niet te plaatsen', en: 'not placed' },
  openInterfaces: { nl: 'Koppelingen over open standaarden', en: 'Interfaces over open standards' },
  dataAtSource: { nl: 'Basisgegevens bij de bron', en: 'Base data at the source' },
  // The contract calendar's urgency (server/analyses/contract-calendar.ts), most urgent first.
  actNow: { nl: 'Nu regelen: opzegdatum verstreken, bedrijfskritisch', en: 'Act now: notice deadline passed, business-critical' },
  noticeNow: { nl: 'Nu regelen: binnen 3 maanden opzeggen, bedrijfskritisch', en: 'Act now: give notice within 3 months, business-critical' },
  followUpNow: { nl: 'Nu regelen: loopt af, bedrijfskritisch', en: 'Act now: ends, business-critical' },
  endsSoon: { nl: 'Loopt binnenkort af', en: 'Ends soon' },
  noticePassed: { nl: 'Opzegdatum verstreken', en: 'Notice deadline passed' },
  noticeSoon: { nl: 'Binnen 3 maanden opzeggen', en: 'Give notice within 3 months' },
  noticeLater: { nl: 'Nog tijd om op te zeggen', en: 'Time left to give notice' },
  endsLater: { nl: 'Loopt later af: nog tijd', en: 'Ends later: time left' },
  ended: { nl: 'Beëindigd', en: 'Ended' },
  // Impact: why a row is down directly, what happens to a function, whose a contract is.
  suppliedBy: { nl: 'geleverd door', en: 'supplied by' },
  runsOn: { nl: 'draait op', en: 'runs on' },
  providedBy: { nl: 'aangeboden door', en: 'provided by' },
  stops: { nl: 'stopt', en: 'stops' },
  weakened: { nl: 'verzwakt', en: 'weakened' },
  missesData: { nl: 'mist gegevens', en: 'misses data' },
  own: { nl: 'van wat uitvalt zelf', en: 'of what fails itself' },
  direct: { nl: 'van een applicatie die direct uitvalt', en: 'of an application that fails directly' },
};

export const FACTOR_NAMES: Record<string, Words> = {
  closedInterfaces: { nl: 'Koppelingen zonder open standaard', en: 'Interfaces without an open standard' },
  noExitPlan: { nl: 'Geen exitplan', en: 'No exit plan' },
  noDataPortability: { nl: 'Geen afspraak over dataportabiliteit', en: 'No data-portability clause' },
  remainingContractYears: { nl: 'Resterende contractjaren', en: 'Remaining contract years' },
  autoRenewed: { nl: 'Stilzwijgend verlengd of niet meer op te zeggen', en: 'Renewed automatically, or too late to cancel' },
  supplierHosts: { nl: 'Leverancier levert ook de hosting', en: 'Supplier also hosts it' },
  dependants: { nl: 'Aantal afhankelijke applicaties', en: 'Number of dependants' },
  fewSubstitutes: { nl: 'Weinig alternatieven', en: 'Few substitutes' },
  outsideEu: { nl: 'Hosting onder recht van buiten de EU', en: 'Hosting under non-EU law' },
};

export const CRITICALITY_NAMES: Record<string, Words> = {
  low: { nl: 'laag', en: 'low' },
  medium: { nl: 'midden', en: 'medium' },
  high: { nl: 'hoog', en: 'high' },
  critical: { nl: 'kritiek', en: 'critical' },
};

/** Coded values in words, per property: criticality, a platform's type, a jurisdiction. */
export const VALUE_NAMES: Record<string, Record<string, Words>> = {
  criticality: CRITICALITY_NAMES,
  type: {
    'on-premise': { nl: 'eigen beheer (on-premise)', en: 'on premise' },
    'data-centre': { nl: 'rekencentrum', en: 'data centre' },
    saas: { nl: 'SaaS (software als dienst)', en: 'SaaS' },
    iaas: { nl: 'IaaS (cloudservers)', en: 'IaaS' },
  },
  jurisdiction: {
    NL: { nl: 'Nederland', en: 'the Netherlands' },
    EU: { nl: 'EU', en: 'EU' },
    US: { nl: 'Verenigde Staten', en: 'United States' },
    other: { nl: 'elders', en: 'elsewhere' },
  },
  supportStatus: {
    unsupported: { nl: 'zonder ondersteuning', en: 'out of support' },
    ending: { nl: 'stopt binnenkort', en: 'ends soon' },
    supported: { nl: 'ondersteund', en: 'supported' },
  },
  versionFrom: {
    version: { nl: 'eigen versie', en: 'own version' },
    sbom: { nl: 'component (SBOM)', en: 'component (SBOM)' },
  },
};

/** A property's coded value in words (`criticality` `high` → "hoog", `country` `NL` → "Nederland"); other values as they are. */
export const propertyValueName = (property: string, value: unknown, language: Language): string =>
  VALUE_NAMES[property]?.[String(value)]?.[language]
  ?? (property === 'country' && typeof value === 'string' && /^[A-Z]{2}$/.test(value) ? countryName(value, language) : undefined)
  ?? (value === null || value === undefined ? '' : String(value));

/** An ISO 3166 country code in words ("DE" → "Duitsland"), or the code when the runtime does not know it. */
function countryName(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** HHI bands (server/analyses/supplier-exposure.ts `band`). */
export const BAND_NAMES: Record<string, Words> = {
  unconcentrated: { nl: 'niet geconcentreerd', en: 'unconcentrated' },
  moderate: { nl: 'matig geconcentreerd', en: 'moderately concentrated' },
  high: { nl: 'sterk geconcentreerd', en: 'highly concentrated' },
};

export const CHECK_NAMES: Record<string, Words> = {
  'application-without-supplier': { nl: 'Applicatie zonder leverancier', en: 'Application without supplier' },
  'application-without-platform': { nl: 'Applicatie zonder platform', en: 'Application without platform' },
  'contract-covers-nothing': { nl: 'Contract zonder applicaties', en: 'Contract covering nothing' },
  'interface-to-unknown-application': { nl: 'Koppeling naar onbekende applicatie', en: 'Interface to an unknown application' },
  'critical-application-without-contract': { nl: 'Bedrijfskritische applicatie zonder lopend contract', en: 'Critical application without a running contract' },
  'duplicate-supplier': { nl: 'Leverancier lijkt dubbel', en: 'Supplier looks duplicated' },
  'conflicting-claim': { nl: 'Bronnen zeggen iets anders', en: 'Sources disagree' },
};

/** The rule by which a shared node keeps one source's value (data-quality `conflicting-claim`, cypher/load/nodes.cypher). */
export const CLAIM_RULE_NAMES: Record<string, Words> = {
  catalogue: { nl: 'de GEMMA-catalogus is leidend', en: 'the GEMMA catalogue is the authority on what it asserts' },
  'first-source': { nl: 'eerste bron: de bron die het als eerste aanleverde', en: 'first source: the source that asserted it first' },
};

export const SEVERITY_NAMES: Record<string, Words> = {
  error: { nl: 'fout', en: 'error' },
  warning: { nl: 'waarschuwing', en: 'warning' },
  info: { nl: 'ter informatie', en: 'for information' },
};

/** Analyses as a sheet or file is called (at most 31 characters: Excel's limit for a sheet name). */
export const ANALYSIS_NAMES: Record<string, Words> = {
  'supplier-exposure': { nl: 'Leveranciers', en: 'Suppliers' },
  'lock-in': { nl: 'Lock-in', en: 'Lock-in' },
  'single-points-of-failure': { nl: 'Kwetsbare punten', en: 'Single points of failure' },
  impact: { nl: 'Impact', en: 'Impact' },
  'contract-calendar': { nl: 'Contractkalender', en: 'Contract calendar' },
  'what-if': { nl: 'Wat als', en: 'What if' },
  'data-quality': { nl: 'Datakwaliteit', en: 'Data quality' },
  sovereignty: { nl: 'Soevereiniteit', en: 'Sovereignty' },
  'out-of-support': { nl: 'Versies zonder ondersteuning', en: 'Versions out of support' },
  advisory: { nl: 'Beveiligingsadvies', en: 'Security advisory' },
  'common-ground': { nl: 'Common Ground', en: 'Common Ground' },
  summary: { nl: 'Samenvatting', en: 'Summary' },
};

/** Jurisdictions (importers/jurisdiction.ts) as people say them. */
export const JURISDICTION_NAMES: Record<string, Words> = {
  NL: { nl: 'Nederland', en: 'the Netherlands' },
  EU: { nl: 'EU', en: 'EU' },
  US: { nl: 'VS', en: 'US' },
  other: { nl: 'buiten de EU', en: 'outside the EU' },
};

export const YES_NO: Record<'yes' | 'no', Words> = { yes: { nl: 'ja', en: 'yes' }, no: { nl: 'nee', en: 'no' } };

const CONTRIBUTION = /^(\w+)Contribution$/;

/**
 * A column header in words. Dotted columns of nested values read as their last part with the rest
 * between brackets: `contractValue.hhi` → "HHI (contractwaarde per jaar)"; a lock-in factor's
 * `<factor>Contribution` as "Bijdrage: <factor>".
 */
export function columnName(key: string, language: Language): string {
  const parts = key.split('.');
  if (parts.length > 1) {
    const last = parts.pop()!;
    const context = parts.map(part => lowerFirst(columnName(part, language))).join(' · ');
    return `${columnName(last, language)} (${context})`;
  }
  const named = COLUMN_NAMES[key]?.[language] ?? FACTOR_NAMES[key]?.[language];
  if (named) return named;
  const contribution = CONTRIBUTION.exec(key);
  if (contribution && FACTOR_NAMES[contribution[1]]) return `${language === 'nl' ? 'Bijdrage' : 'Contribution'}: ${lowerFirst(FACTOR_NAMES[contribution[1]][language])}`;
  if (CHECK_NAMES[key]) return CHECK_NAMES[key][language];
  return propertyName(key, language);
}

/** The first letter lower case when it starts a word, not an abbreviation ("EU", "API"). */
export const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

/** A node kind in words, also as some analyses write it (`platform`, `intermediary`). */
export function kindWords(kind: string, language: Language): string {
  if (kind === 'intermediary') return language === 'nl' ? 'Tussenstation (makelaar)' : 'Intermediary (broker)';
  return kindName(kind.charAt(0).toUpperCase() + kind.slice(1), language);
}

/** A kind as one lower-case noun after a name, "Grutto Software B.V. (leverancier)": "Tussenstation (makelaar)" would nest brackets, so its first word. */
export const kindNoun = (kind: string, language: Language): string => kindWords(kind, language).replace(/ \(.*\)$/, '').toLowerCase();

/** The word for a value of a named kind (criticality, band, factor, check, severity), or the value itself. */
export function valueName(catalogue: Record<string, Words>, value: unknown, language: Language): string {
  if (value === null || value === undefined) return '';
  return catalogue[String(value)]?.[language] ?? String(value);
}

// The Algoritmeregister (importers/algoritmeregister.ts): its algorithms, their links and properties.
Object.assign(KIND_NAMES, { Algorithm: { nl: 'Algoritme', en: 'Algorithm' } });
Object.assign(KIND_PLURALS, { Algorithm: { nl: 'algoritmes', en: 'algorithms' } });
Object.assign(RELATION_NAMES, {
  DEPLOYS: { out: { nl: 'zet algoritme in', en: 'deploys algorithm' }, in: { nl: 'ingezet door', en: 'deployed by' } },
  MAY_RUN_ON: { out: { nl: 'draait mogelijk op', en: 'may run on' }, in: { nl: 'mogelijk gebruikt door algoritme', en: 'may be used by algorithm' } },
  MAY_COME_FROM: { out: { nl: 'mogelijk geleverd door', en: 'may come from' }, in: { nl: 'levert mogelijk algoritme', en: 'may supply algorithm' } },
});
Object.assign(PROPERTY_NAMES, {
  organisationName: { nl: 'Organisatie volgens het register', en: 'Organisation in the register' },
  purpose: { nl: 'Doel', en: 'Purpose' },
  legalBasis: { nl: 'Juridische basis', en: 'Legal basis' },
  status: { nl: 'Status', en: 'Status' },
  impactAssessment: { nl: 'Impactassessment gedaan', en: 'Impact assessment made' },
  publicationCategory: { nl: 'Publicatiecategorie', en: 'Publication category' },
  impactful: { nl: 'Impactvol', en: 'Impactful' },
  highRisk: { nl: 'Hoog risico', en: 'High risk' },
  registered: { nl: 'Geregistreerd', en: 'Registered' },
  url: { nl: 'In het Algoritmeregister', en: 'In the Algoritmeregister' },
  supplierText: { nl: 'Leverancier volgens het register', en: 'Supplier in the register' },
  systemText: { nl: 'Systeem volgens het register', en: 'System in the register' },
});
Object.assign(VALUE_NAMES, {
  status: {
    'in-use': { nl: 'in gebruik', en: 'in use' },
    'in-development': { nl: 'in ontwikkeling', en: 'in development' },
    retired: { nl: 'buiten gebruik', en: 'retired' },
  },
  impactAssessment: { yes: { nl: 'ja', en: 'yes' }, no: { nl: 'nee', en: 'no' }, unknown: { nl: 'onbekend', en: 'unknown' } },
  publicationCategory: {
    'high-risk': { nl: 'hoog-risico AI-systeem', en: 'high-risk AI system' },
    impactful: { nl: 'impactvol algoritme', en: 'impactful algorithm' },
    other: { nl: 'overig algoritme', en: 'other algorithm' },
  },
});

/** A list cut short, in words: "104 van 522 getoond (grens 100)" / "… (tot 3 stappen ver)". */
export function cutWords(cut: { reason?: unknown; shown?: unknown; total?: unknown; limit?: unknown; maxHops?: unknown }, language: Language): string {
  const n = (value: unknown) => formatNumber(value, language) || String(value ?? '');
  const shown = language === 'nl' ? `${n(cut.shown)} van ${n(cut.total)} getoond` : `${n(cut.shown)} of ${n(cut.total)} shown`;
  if (cut.reason === 'limit' && cut.limit !== undefined) return `${shown} (${language === 'nl' ? `grens ${n(cut.limit)}` : `limit ${n(cut.limit)}`})`;
  if (cut.reason === 'maxHops' && cut.maxHops !== undefined) return `${shown} (${language === 'nl' ? `tot ${n(cut.maxHops)} stappen ver` : `up to ${n(cut.maxHops)} steps away`})`;
  return shown;
}
