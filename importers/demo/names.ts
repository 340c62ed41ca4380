// Fictional vocabulary for the demo generator. Supplier brands are Dutch birds and made-up
// words, municipality names are invented compounds: none is meant to name a real company or
// municipality. GEMMA reference components and business functions are the real public terms.

/** Brand roots for invented suppliers. */
export const BRANDS = [
  'Grutto', 'Kievit', 'Tureluur', 'Wulp', 'Plevier', 'Meerkoet', 'Fuut', 'Roerdomp', 'Lepelaar', 'Kluut',
  'Zwaluw', 'Merel', 'Spreeuw', 'Putter', 'Sijs', 'Kwartel', 'Patrijs', 'Sperwer', 'Buizerd', 'Torenvalk',
  'Kauw', 'Roek', 'Pimpelmees', 'Winterkoning', 'Goudvink', 'Nachtegaal', 'Zanglijster', 'Boomklever', 'Vlaamse Gaai', 'Wielewaal',
  'Roerdal', 'Veenhoek', 'Dijkhuis', 'Polderweide', 'Slootkant', 'Molenwiek', 'Kribbe', 'Zandplaat', 'Kwelder', 'Duinrand',
  'Waterlelie', 'Lisdodde', 'Pijlkruid', 'Dotterbloem', 'Klaproos', 'Korenbloem', 'Boterbloem', 'Zegge', 'Biezen', 'Riethoek',
  'Tjalk', 'Botter', 'Schouw', 'Praam', 'Aak', 'Klipper', 'Hoogaars', 'Bolpraam', 'Punter', 'Skûtsje',
] as const;

/** Kinds of supplier, appended to a brand. */
export const SUPPLIER_KINDS = [
  'Software', 'Informatica', 'Systemen', 'Data', 'ICT', 'Automatisering', 'Digitaal', 'Solutions', 'Online', 'Advies', 'Techniek', 'Publiek',
] as const;

export const QUALIFIERS = ['Noord', 'Zuid', 'Oost', 'West', 'Midden', 'Holland', 'Benelux', 'Nederland'] as const;

/** Parent companies (supplier groups). */
export const GROUPS = [
  'Polderwerk Groep', 'Noorderlicht Holding', 'Rijnvallei Software Groep', 'Deltavaart Beheer', 'Kustlicht Holding', 'Veluwezoom Groep',
] as const;

export const MUNICIPALITY_PREFIXES = [
  'Roer', 'Kwakel', 'Sneeuw', 'Kraaien', 'Vlinder', 'Klaver', 'Hazel', 'Mossel', 'Ganzen', 'Otter',
  'Wilgen', 'Linden', 'Berken', 'Essen', 'Elzen', 'Hulst', 'Vlier', 'Brem', 'Heide', 'Mieren',
  'Zwanen', 'Reigers', 'Kievits', 'Uilen', 'Bijen', 'Vossen', 'Dassen', 'Egel', 'Hinde', 'Mol',
] as const;
export const MUNICIPALITY_SUFFIXES = ['dam', 'wijk', 'veen', 'hoven', 'berg', 'horst', 'broek', 'stede', 'kerk', 'zijl', 'meer', 'dorp', 'oord', 'waard', 'hage'] as const;

/** A GEMMA reference component with a few words for product names, its business functions and usual standards. */
export type Component = {
  name: string;
  words: string[];
  functions: string[];
  standards: string[];
  criticality: 'low' | 'medium' | 'high' | 'critical';
  personalData: number;
  /** Weight as an interface end: core registrations are hubs. */
  hub: number;
};

/** Every municipality has exactly one of each of these (a few competing products each). */
export const CORE_COMPONENTS: Component[] = [
  { name: 'Basisregistratie Personen', words: ['BRP', 'Burgerzaken', 'Persoonsregistratie'], functions: ['Burgerzaken'], standards: ['StUF-BG', 'Haal Centraal BRP', 'Digilevering'], criticality: 'critical', personalData: 1, hub: 14 },
  { name: 'Zaaksysteem', words: ['Zaken', 'Zaakregie', 'Zaakdossier'], functions: ['Dienstverlening', 'Vergunningverlening'], standards: ['ZGW API', 'StUF-ZKN', 'CMIS'], criticality: 'critical', personalData: 1, hub: 16 },
  { name: 'Documentmanagementsysteem', words: ['DMS', 'Documenten', 'Archiefkast'], functions: ['Archief', 'Informatievoorziening'], standards: ['CMIS', 'StUF-DMS', 'PDF/A'], criticality: 'high', personalData: 1, hub: 9 },
  { name: 'Financieel systeem', words: ['Financiën', 'Grootboek', 'Boekhouding'], functions: ['Financiën'], standards: ['e-Factuur', 'SEPA', 'XBRL'], criticality: 'high', personalData: 0, hub: 8 },
  { name: 'Belastingsysteem', words: ['Belastingen', 'Heffingen', 'WOZ'], functions: ['Belastingen'], standards: ['StUF-WOZ', 'StUF-TAX'], criticality: 'high', personalData: 1, hub: 6 },
  { name: 'Sociaal domein systeem', words: ['Sociaal Domein', 'Wmo & Jeugd', 'Participatie'], functions: ['Sociaal domein'], standards: ['iWMO', 'iJW', 'Suwinet'], criticality: 'critical', personalData: 1, hub: 8 },
  { name: 'GIS', words: ['Geo', 'Kaartviewer', 'GIS'], functions: ['Ruimtelijke ordening', 'Openbare ruimte'], standards: ['WMS', 'WFS', 'NEN 3610'], criticality: 'medium', personalData: 0, hub: 5 },
  { name: 'Basisregistratie Adressen en Gebouwen', words: ['BAG', 'Adressen', 'Gebouwen'], functions: ['Ruimtelijke ordening'], standards: ['IMBAG', 'StUF-BG'], criticality: 'high', personalData: 0, hub: 6 },
  { name: 'Klantcontactsysteem', words: ['KCC', 'Klantcontact', 'Contactcentrum'], functions: ['Dienstverlening'], standards: ['ZGW API', 'SAML'], criticality: 'high', personalData: 1, hub: 6 },
  { name: 'Personeelsinformatiesysteem', words: ['HR', 'Personeel', 'Salaris'], functions: ['HR'], standards: ['SETU'], criticality: 'high', personalData: 1, hub: 3 },
  { name: 'Vergunningensysteem', words: ['Vergunningen', 'Omgevingsloket', 'VTH'], functions: ['Vergunningverlening'], standards: ['STOP/TPOD', 'DSO'], criticality: 'high', personalData: 1, hub: 5 },
  { name: 'Identity and access management', words: ['IAM', 'Toegang', 'Identiteit'], functions: ['Informatievoorziening'], standards: ['SAML 2.0', 'OpenID Connect'], criticality: 'critical', personalData: 1, hub: 4 },
];

/** The long tail: every other application realises one of these. */
export const TAIL_COMPONENTS: Component[] = [
  { name: 'Website', words: ['Web', 'Site', 'Portaal'], functions: ['Dienstverlening'], standards: ['HTTPS', 'HSTS'], criticality: 'medium', personalData: 0.2, hub: 2 },
  { name: 'E-formulieren', words: ['Formulieren', 'eLoket', 'Aanvragen'], functions: ['Dienstverlening'], standards: ['DigiD', 'eHerkenning', 'ZGW API'], criticality: 'medium', personalData: 1, hub: 2 },
  { name: 'Raadsinformatiesysteem', words: ['Raad', 'Vergaderen', 'Besluiten'], functions: ['Bestuursondersteuning'], standards: ['ODF', 'PDF/A'], criticality: 'low', personalData: 0.3, hub: 1 },
  { name: 'E-depot', words: ['e-Depot', 'Archief', 'Bewaren'], functions: ['Archief'], standards: ['MDTO', 'TMLO'], criticality: 'medium', personalData: 0.6, hub: 1 },
  { name: 'Beheer openbare ruimte', words: ['BOR', 'Buitenruimte', 'Assets'], functions: ['Openbare ruimte'], standards: ['IMGeo', 'BGT'], criticality: 'medium', personalData: 0.1, hub: 2 },
  { name: 'Meldingen openbare ruimte', words: ['Meldingen', 'Signalen', 'MOR'], functions: ['Openbare ruimte', 'Dienstverlening'], standards: ['Digimelding'], criticality: 'medium', personalData: 0.5, hub: 1 },
  { name: 'Parkeersysteem', words: ['Parkeren', 'Vergunningparkeren', 'Handhaving'], functions: ['Openbare ruimte'], standards: ['REST'], criticality: 'medium', personalData: 0.7, hub: 1 },
  { name: 'Afvalinzameling', words: ['Afval', 'Containers', 'Inzameling'], functions: ['Afval'], standards: [], criticality: 'low', personalData: 0.4, hub: 1 },
  { name: 'Leerlingenvervoer', words: ['Leerlingenvervoer', 'Vervoer', 'Onderwijs'], functions: ['Onderwijs'], standards: [], criticality: 'medium', personalData: 1, hub: 1 },
  { name: 'Inkoop en contractbeheer', words: ['Inkoop', 'Contracten', 'Aanbesteden'], functions: ['Financiën'], standards: ['e-Factuur', 'UBL'], criticality: 'low', personalData: 0.1, hub: 1 },
  { name: 'Subsidiesysteem', words: ['Subsidies', 'Regelingen', 'Beschikken'], functions: ['Financiën', 'Sociaal domein'], standards: [], criticality: 'low', personalData: 0.6, hub: 1 },
  { name: 'Handhavingssysteem', words: ['Handhaving', 'Toezicht', 'Boa'], functions: ['Veiligheid', 'Vergunningverlening'], standards: [], criticality: 'medium', personalData: 0.9, hub: 1 },
  { name: 'Kwaliteitsmonitor', words: ['Monitor', 'Dashboard', 'Rapportage'], functions: ['Informatievoorziening'], standards: ['OpenAPI'], criticality: 'low', personalData: 0.1, hub: 1 },
  { name: 'Datawarehouse', words: ['Datawarehouse', 'Analyse', 'BI'], functions: ['Informatievoorziening'], standards: ['CSV', 'OpenAPI'], criticality: 'medium', personalData: 0.6, hub: 3 },
  { name: 'Kantoorautomatisering', words: ['Werkplek', 'Kantoor', 'Mail'], functions: ['Informatievoorziening'], standards: ['SMTP', 'ODF'], criticality: 'high', personalData: 0.5, hub: 2 },
  { name: 'Planning en roostering', words: ['Planning', 'Rooster', 'Agenda'], functions: ['HR', 'Dienstverlening'], standards: ['iCalendar'], criticality: 'low', personalData: 0.6, hub: 1 },
  { name: 'Burgerzaken overig', words: ['Reisdocumenten', 'Rijbewijzen', 'Verkiezingen'], functions: ['Burgerzaken'], standards: ['StUF-BG'], criticality: 'high', personalData: 1, hub: 2 },
  { name: 'Schuldhulpverlening', words: ['Schuldhulp', 'Budgetbeheer', 'Inkomen'], functions: ['Sociaal domein'], standards: ['Suwinet'], criticality: 'high', personalData: 1, hub: 1 },
  { name: 'Crisisbeheersing', words: ['Crisis', 'Alarmering', 'Veiligheid'], functions: ['Veiligheid'], standards: [], criticality: 'high', personalData: 0.3, hub: 1 },
  { name: 'Vastgoedbeheer', words: ['Vastgoed', 'Panden', 'Onderhoud'], functions: ['Openbare ruimte', 'Financiën'], standards: [], criticality: 'low', personalData: 0.1, hub: 1 },
];

/** Infrastructure applications that other interfaces go through. */
export const BROKER: Component = { name: 'Berichtenmakelaar', words: ['Makelaar', 'Berichtenbus', 'Koppelvlak'], functions: ['Informatievoorziening'], standards: ['StUF', 'Digikoppeling', 'ZGW API'], criticality: 'critical', personalData: 1, hub: 0 };
export const ESB: Component = { name: 'Enterprise Service Bus', words: ['ESB', 'Integratieplatform', 'Servicebus'], functions: ['Informatievoorziening'], standards: ['Digikoppeling', 'SOAP', 'REST'], criticality: 'critical', personalData: 1, hub: 0 };

/** Interface standards: open ones via the broker, a mix elsewhere. */
export const BROKER_STANDARDS = ['StUF-BG', 'StUF-ZKN', 'ZGW API', 'Digikoppeling', 'StUF-DMS', 'Haal Centraal BRP'] as const;
export const DIRECT_STANDARDS = ['ZGW API', 'REST API Design Rules', 'OpenAPI', 'Digikoppeling', 'StUF-BG', 'eigen koppeling', 'eigen koppeling', 'bestandsuitwisseling', 'bestandsuitwisseling', 'ODBC-koppeling', 'SFTP-batch'] as const;
