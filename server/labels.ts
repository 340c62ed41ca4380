// The graph's names in the users' words, Dutch and English: node kinds, relationships (read from either
// end) and properties. One catalogue for the documents the API writes (PDF, XLSX, CSV) and for the web
// UI, which bundles this file (web/src/i18n.ts): the same relation is called the same everywhere.
// Pure data and functions, no Node imports, so the browser bundle can take it as it is.

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
  RUNS_ON: { out: { nl: 'draait op', en: 'runs on' }, in: { nl: 'host', en: 'hosts' } },
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
  end: { nl: 'Einddatum', en: 'End' },
  noticeMonths: { nl: 'Opzegtermijn (maanden)', en: 'Notice (months)' },
  noticeDeadline: { nl: 'Uiterste opzegdatum', en: 'Notice deadline' },
  autoRenew: { nl: 'Stilzwijgend verlengd', en: 'Renews automatically' },
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
};

/** Coded values in words, per property: criticality, a platform's type, a jurisdiction. */
export const VALUE_NAMES: Record<string, Record<string, Words>> = {
  criticality: {
    low: { nl: 'laag', en: 'low' },
    medium: { nl: 'midden', en: 'medium' },
    high: { nl: 'hoog', en: 'high' },
    critical: { nl: 'kritiek', en: 'critical' },
  },
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
};

export const kindName = (kind: string, language: Language): string => KIND_NAMES[kind]?.[language] ?? kind;

/** A property's coded value in words (`criticality` `high` → "hoog"); other values as they are. */
export const valueName = (property: string, value: unknown, language: Language): string =>
  VALUE_NAMES[property]?.[String(value)]?.[language] ?? (value === null || value === undefined ? '' : String(value));

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
