// A deterministic fictional landscape: one municipality (the demo), a region of ten, or the whole
// country (342). The world (suppliers, products, platforms) is built once from the seed; each
// municipality then draws its applications, interfaces and contracts from its own PRNG stream, so
// municipalities can be generated one at a time (bounded memory) and in any order with equal output.
import type { ApplicationRow, ContractRow, Criticality, InterfaceRow, Landscape, PlatformRow, SupplierRow } from '../model.js';
import { slug } from '../model.js';
import { withProductVersions } from './product-versions.js';
import {
  BRANDS, BROKER, BROKER_STANDARDS, CORE_COMPONENTS, DIRECT_STANDARDS, ESB, GROUPS, MUNICIPALITY_PREFIXES, MUNICIPALITY_SUFFIXES,
  QUALIFIERS, SUPPLIER_KINDS, TAIL_COMPONENTS, type Component,
} from './names.js';

export type DemoSize = 'municipality' | 'region' | 'country';
export type GenerateOptions = { size: DemoSize; seed?: number; municipalities?: number };

export const DEFAULT_SEED = 20261129;
/** Contract dates are spread around this fixed day, so the output never depends on the clock. */
export const REFERENCE_DATE = '2026-11-29';

type Profile = {
  municipalities: number;
  suppliers: number;
  tailProducts: number;
  competitors: number;
  apps: [number, number];
  interfacesPerApp: number;
  contracts: [number, number];
  saasPlatforms: number;
  dataCentres: number;
  esbShare: number;
  /** Zipf exponent of the long tail's supplier market: higher means fewer suppliers per municipality. */
  marketSkew: number;
};

const PROFILES: Record<DemoSize, Profile> = {
  municipality: { municipalities: 1, suppliers: 120, tailProducts: 420, competitors: 3, apps: [395, 405], interfacesPerApp: 3.1, contracts: [195, 205], saasPlatforms: 4, dataCentres: 2, esbShare: 1, marketSkew: 1 },
  region: { municipalities: 10, suppliers: 220, tailProducts: 900, competitors: 4, apps: [300, 500], interfacesPerApp: 2.8, contracts: [150, 210], saasPlatforms: 5, dataCentres: 3, esbShare: 1, marketSkew: 1.1 },
  country: { municipalities: 342, suppliers: 1000, tailProducts: 2940, competitors: 5, apps: [300, 578], interfacesPerApp: 1.66, contracts: [100, 134], saasPlatforms: 6, dataCentres: 3, esbShare: 0.7, marketSkew: 1.3 },
};

export type Municipality = { id: string; name: string; platform: string };
type Hosting = 'saas' | 'data-centre' | 'on-premise' | 'none';
type Product = {
  id: string;
  name: string;
  supplier: string;
  component: Component;
  criticality: Criticality;
  personalData: boolean;
  standards: string[];
  hosting: Hosting;
  platform?: string;
  weight: number;
  hub: number;
};

export type World = {
  options: Required<GenerateOptions>;
  profile: Profile;
  suppliers: SupplierRow[];
  platforms: PlatformRow[];
  municipalities: Municipality[];
  brokers: Product[];
  esbs: Product[];
  core: Product[][];
  tail: Product[];
};

export type MunicipalityRows = { applications: ApplicationRow[]; interfaces: InterfaceRow[]; contracts: ContractRow[] };

/** The whole landscape in memory (a country is ≈150k applications: fine for tests and the bench). */
export function generateLandscape(options: GenerateOptions): Landscape {
  const world = createWorld(options);
  const landscape: Landscape = { suppliers: world.suppliers, platforms: world.platforms, applications: [], interfaces: [], contracts: [] };
  for (let m = 0; m < world.municipalities.length; m++) {
    const rows = generateMunicipality(world, m);
    for (const row of rows.applications) landscape.applications.push(row);
    for (const row of rows.interfaces) landscape.interfaces.push(row);
    for (const row of rows.contracts) landscape.contracts.push(row);
  }
  return landscape;
}

/** Suppliers, platforms, the product catalogue and the municipalities: everything shared. */
export function createWorld(options: GenerateOptions): World {
  const profile = PROFILES[options.size];
  const seed = options.seed ?? DEFAULT_SEED;
  const count = options.municipalities ?? profile.municipalities;
  if (!Number.isInteger(count) || count < 1 || count > MUNICIPALITY_PREFIXES.length * MUNICIPALITY_SUFFIXES.length) {
    throw new RangeError(`municipalities must be a whole number from 1 to ${MUNICIPALITY_PREFIXES.length * MUNICIPALITY_SUFFIXES.length}`);
  }
  const random = mulberry32(seed);

  const suppliers: SupplierRow[] = [
    { id: 's-nimbus', name: 'Nimbus Cloud Services Inc.', country: 'US', extra: {} },
    { id: 's-cumulus', name: 'Cumulus Compute LLC', country: 'US', extra: {} },
  ];
  const dataCentreNames = [['s-polderdata', 'Polderdata B.V.', 'Rekencentrum Polderdata Roerdal'], ['s-veenhoven', 'Veenhoven Hosting B.V.', 'Datacentrum Veenhoven'], ['s-kustlijn', 'Kustlijn Datacenters B.V.', 'Rekencentrum Kustlijn']];
  for (const [id, name] of dataCentreNames.slice(0, profile.dataCentres)) suppliers.push({ id, name, country: 'NL', extra: {} });
  const vendorCount = profile.suppliers - suppliers.length - 1;
  const vendors: SupplierRow[] = [];
  const groupLimit = profile.suppliers >= 500 ? 9 * 12 : 9 * 5;
  for (let i = 0; i < vendorCount; i++) vendors.push(vendor(i, groupLimit));
  // The same supplier entered twice with another spelling, so the import's name merge has work to do.
  const duplicate: SupplierRow = { id: `s-${pad(vendorCount + 1, 4)}`, name: vendors[1].name.replace(/ B\.V\.$/, ' BV').toUpperCase(), country: 'NL', extra: {} };
  suppliers.push(...vendors, duplicate);

  const clouds: PlatformRow[] = [
    { id: 'p-nimbus-eu-west', name: 'Nimbus Cloud EU-West', type: 'iaas', supplier: 's-nimbus', jurisdiction: 'US', extra: {} },
    { id: 'p-cumulus-europe', name: 'Cumulus Compute Europe', type: 'iaas', supplier: 's-cumulus', jurisdiction: 'US', extra: {} },
  ];
  const dataCentres: PlatformRow[] = dataCentreNames.slice(0, profile.dataCentres).map(([supplier, , name]) => ({
    id: `p-${slug(name)}`, name, type: 'data-centre', supplier, jurisdiction: 'NL', extra: {},
  }));
  const saas: PlatformRow[] = [{ id: 'p-nimbus-werkplek', name: 'Nimbus Werkplek Online', type: 'saas', supplier: 's-nimbus', jurisdiction: 'US', runsOn: 'p-nimbus-eu-west', extra: {} }];
  const hosts = [clouds[0], clouds[1], dataCentres[0], clouds[0], clouds[1], dataCentres[dataCentres.length - 1]];
  for (let i = 0; saas.length < profile.saasPlatforms; i++) {
    const owner = vendors[i];
    const host = hosts[i % hosts.length];
    saas.push({ id: `p-${slug(brandOf(i))}-cloud`, name: `${brandOf(i)} Cloud`, type: 'saas', supplier: owner.id, jurisdiction: 'NL', runsOn: host.id, extra: {} });
  }
  const municipalities: Municipality[] = [];
  for (let m = 0; m < count; m++) {
    const place = MUNICIPALITY_PREFIXES[m % MUNICIPALITY_PREFIXES.length] + MUNICIPALITY_SUFFIXES[(m + Math.floor(m / MUNICIPALITY_PREFIXES.length)) % MUNICIPALITY_SUFFIXES.length];
    const id = `gemeente-${slug(place)}`;
    municipalities.push({ id, name: `Gemeente ${place}`, platform: `p-${id}-serverruimte` });
  }
  const onPremise: PlatformRow[] = municipalities.map(m => ({ id: m.platform, name: `Serverruimte ${m.name}`, type: 'on-premise', jurisdiction: 'NL', extra: {} }));

  const names = new Set<string>();
  let productIndex = 0;
  const product = (supplier: SupplierRow, brand: string, component: Component, weight: number, hosting: Record<Hosting, number>): Product => {
    const word = pick(random, component.words);
    let name = `${brand} ${word}`;
    for (let n = 0; names.has(name); n++) name = `${brand} ${word} ${PRODUCT_SUFFIXES[n % PRODUCT_SUFFIXES.length]}${n >= PRODUCT_SUFFIXES.length ? ` ${Math.floor(n / PRODUCT_SUFFIXES.length) + 1}` : ''}`;
    names.add(name);
    const how = weighted(random, hosting);
    const own = saas.find(platform => platform.supplier === supplier.id);
    const platform =
      how === 'saas' ? (component.name === 'Kantoorautomatisering' ? saas[0].id : (own ?? saas[1 + Math.floor(random() * (saas.length - 1))]).id)
      : how === 'data-centre' ? pick(random, dataCentres).id
      : undefined;
    return {
      id: `app-${pad(++productIndex, 4)}`,
      name,
      supplier: supplier.id,
      component,
      criticality: random() < 0.6 || component === BROKER || component === ESB ? component.criticality : pick(random, ['low', 'medium', 'medium', 'high', 'critical'] as const),
      personalData: random() < component.personalData,
      standards: component.standards.filter(() => random() < 0.6),
      hosting: how,
      platform,
      weight,
      hub: component.hub,
    };
  };
  const coreHosting = { saas: 0.4, 'data-centre': 0.25, 'on-premise': 0.35, none: 0 };
  const tailHosting = { saas: 0.35, 'data-centre': 0.2, 'on-premise': 0.4, none: 0.05 };
  const brokers = [4, 7, 10].map((v, k) => product(vendors[v], brandOf(v), BROKER, 1 / (k + 1) ** 1.2, coreHosting));
  const esbs = [5, 11].map((v, k) => product(vendors[v], brandOf(v), ESB, 1 / (k + 1), coreHosting));
  const core = CORE_COMPONENTS.map((component, c) =>
    Array.from({ length: profile.competitors }, (_, k) => {
      const v = (c * 3 + k * 2) % 15;
      return product(vendors[v], brandOf(v), component, 1 / (k + 1) ** 1.3, coreHosting);
    }),
  );
  // The long tail, most popular first: a Zipf-skewed market, then one niche product per vendor so
  // every vendor sells something.
  const market = zipfTable(vendorCount, profile.marketSkew);
  const popular = profile.tailProducts - vendorCount;
  const tail: Product[] = [];
  for (let k = 0; k < profile.tailProducts; k++) {
    const component = pick(random, TAIL_COMPONENTS);
    let owner: SupplierRow, brand: string;
    if (k === 5) [owner, brand] = [duplicate, brandOf(1)];
    else {
      const v = k < popular ? drawIndex(market, random()) : k - popular;
      [owner, brand] = [vendors[v], brandOf(v)];
    }
    tail.push(product(owner, brand, component, 1 / (k + 1) ** 0.85, tailHosting));
  }

  return {
    options: { size: options.size, seed, municipalities: count },
    profile,
    suppliers,
    // What each platform runs, for the ICT-foto (product-versions.ts).
    platforms: withProductVersions([...clouds, ...dataCentres, ...saas, ...onPremise]),
    municipalities,
    brokers,
    esbs,
    core,
    tail,
  };
}

/**
 * Data flows downstream: from the base registrations (and identity management) to the core systems,
 * from those to everything else, and by id within a tier. Random directions would make nearly every
 * application depend on every other through cycles, and every supplier look like it takes the whole
 * municipality down; real landscapes have sources and consumers.
 */
const SOURCE_COMPONENTS = new Set(['Basisregistratie Personen', 'Basisregistratie Adressen en Gebouwen', 'Identity and access management']);
const tier = (p: Product) => (SOURCE_COMPONENTS.has(p.component.name) ? 0 : p.component.hub >= 3 ? 1 : 2);
const flowsAgainst = (from: Product, to: Product) => tier(from) > tier(to) || (tier(from) === tier(to) && from.id > to.id);

/** One municipality's applications, interfaces and contracts, from its own PRNG stream. */
export function generateMunicipality(world: World, m: number): MunicipalityRows {
  const { profile } = world;
  const municipality = world.municipalities[m];
  const organisation = municipality.id;
  const random = mulberry32(mix(world.options.seed, m));
  const target = between(random, ...profile.apps);

  const chosen: Product[] = [pickWeighted(random, world.brokers)];
  const esb = random() < profile.esbShare ? pickWeighted(random, world.esbs) : undefined;
  if (esb) chosen.push(esb);
  for (const competitors of world.core) chosen.push(pickWeighted(random, competitors));
  // Weighted sampling without replacement (Efraimidis–Spirakis): the smallest -ln(u)/w win.
  const keys = world.tail.map((p, index) => ({ index, key: -Math.log(1 - random()) / p.weight }));
  keys.sort((a, b) => a.key - b.key || a.index - b.index);
  for (const { index } of keys.slice(0, Math.max(0, target - chosen.length))) chosen.push(world.tail[index]);
  chosen.sort((a, b) => (a.id < b.id ? -1 : 1));

  const applications: ApplicationRow[] = chosen.map(p => ({
    id: p.id,
    organisation,
    name: p.name,
    supplier: p.supplier,
    referenceComponents: [p.component.name],
    businessFunctions: [...p.component.functions],
    criticality: random() < 0.1 && p.criticality !== 'critical' ? shift(p.criticality, random() < 0.5 ? -1 : 1) : p.criticality,
    personalData: p.personalData,
    platform: p.hosting === 'on-premise' ? municipality.platform : p.platform,
    openStandards: [...p.standards],
    extra: {},
  }));

  const broker = chosen.find(p => p.component === BROKER)!;
  const ends = chosen.filter(p => p.component !== BROKER && p.component !== ESB);
  const cumulative: number[] = [];
  let total = 0;
  for (const p of ends) cumulative.push((total += p.hub));
  const draw = () => ends[drawIndex(cumulative, random())];
  const interfaceCount = Math.round(applications.length * profile.interfacesPerApp * (0.9 + 0.2 * random()));
  const interfaces: InterfaceRow[] = [];
  for (let i = 0; i < interfaceCount; i++) {
    let from = draw();
    let to = draw();
    while (to === from) to = draw();
    if (flowsAgainst(from, to)) [from, to] = [to, from];
    const route = random();
    const via = route < 0.4 ? broker : route < 0.48 && esb ? esb : undefined;
    const standards: readonly string[] = via === broker ? BROKER_STANDARDS : via ? ESB_STANDARDS : DIRECT_STANDARDS;
    interfaces.push({
      id: `if-${pad(i + 1, 5)}`,
      organisation,
      from: from.id,
      to: to.id,
      standard: random() < 0.04 ? undefined : pick(random, standards),
      via: via?.id,
      extra: {},
    });
  }

  const contracts = contractsFor(random, profile, organisation, applications);
  commonGroundExchange(interfaces, new Map(chosen.map(p => [p.id, p.component.name])), mulberry32(mix(world.options.seed ^ COMMON_GROUND_STREAM, m)));
  return { applications, interfaces, contracts };
}

const COMMON_GROUND_STREAM = 0x6c6f;
/** Base registration data as municipalities exchange it: retrieved by Haal Centraal, or copied. */
const BASE_EXCHANGE: Record<string, { retrieval: string; copies: readonly string[] }> = {
  'Basisregistratie Personen': { retrieval: 'Haal Centraal BRP', copies: ['StUF-BG', 'StUF-BG', 'Digilevering', 'GBA-V', 'bestandsuitwisseling'] },
  'Basisregistratie Adressen en Gebouwen': { retrieval: 'Haal Centraal BAG', copies: ['StUF-BG', 'bestandsuitwisseling', 'SFTP-batch'] },
  Belastingsysteem: { retrieval: 'Haal Centraal WOZ', copies: ['StUF-WOZ', 'StUF-WOZ', 'bestandsuitwisseling'] },
};
const MODERN_STANDARDS = ['ZGW API', 'NLGov REST API', 'FSC'] as const;

/**
 * How far along Common Ground each municipality is (its own stream, so the rest of the landscape is
 * unchanged): interfaces from a base registration carry Haal Centraal or a copy (StUF-BG, Digilevering,
 * file transfer), the further along, the more often retrieval; some other interfaces move to ZGW, the
 * REST API Design Rules or FSC.
 */
function commonGroundExchange(interfaces: InterfaceRow[], componentOf: Map<string, string>, random: () => number): void {
  const maturity = random();
  for (const i of interfaces) {
    const base = BASE_EXCHANGE[componentOf.get(i.from) ?? ''];
    const draw = random();
    if (base) i.standard = draw < 0.1 + 0.7 * maturity ? base.retrieval : pick(random, base.copies);
    else if (draw < 0.3 * maturity) i.standard = pick(random, MODERN_STANDARDS);
  }
}

function contractsFor(random: () => number, profile: Profile, organisation: string, applications: ApplicationRow[]): ContractRow[] {
  const bySupplier = new Map<string, ApplicationRow[]>();
  for (const a of applications) bySupplier.set(a.supplier!, [...(bySupplier.get(a.supplier!) ?? []), a]);
  let groups = [...bySupplier.entries()].map(([supplier, apps]) => ({ supplier, apps }));
  groups.sort((a, b) => b.apps.length - a.apps.length || (a.supplier < b.supplier ? -1 : 1));
  const target = between(random, ...profile.contracts);
  // More suppliers than contracts: the smallest suppliers' applications have no registered contract.
  if (groups.length > target) groups = groups.slice(0, target);
  while (groups.length < target) {
    const largest = groups.reduce((best, g) => (g.apps.length > best.apps.length ? g : best), groups[0]);
    if (largest.apps.length < 2) break;
    const half = Math.ceil(largest.apps.length / 2);
    groups.push({ supplier: largest.supplier, apps: largest.apps.slice(half) });
    largest.apps = largest.apps.slice(0, half);
  }
  // A few critical applications lose their contract: the contract calendar must show that gap.
  const critical = groups.flatMap(g => g.apps.filter(a => a.criticality === 'critical').map(a => ({ g, a })));
  for (let n = 0; n < 3 && critical.length > 0; n++) {
    const [{ g, a }] = critical.splice(Math.floor(random() * critical.length), 1);
    g.apps = g.apps.filter(other => other !== a);
  }
  const reference = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
  const day = 86_400_000;
  return groups
    .filter(g => g.apps.length > 0)
    .map((g, index) => {
      const end = new Date(reference + Math.floor(-150 + random() * (3 * 365 + 150)) * day);
      const start = new Date(end);
      const years = pick(random, [1, 2, 3, 4, 4, 5, 6, 8]);
      start.setUTCFullYear(end.getUTCFullYear() - years);
      while (start.getTime() > reference - 30 * day) start.setUTCFullYear(start.getUTCFullYear() - 1);
      const value = Math.exp(Math.log(1500) + random() * (Math.log(250_000) - Math.log(1500))) * (1 + 0.3 * (g.apps.length - 1));
      return {
        id: `c-${pad(index + 1, 4)}`,
        organisation,
        supplier: g.supplier,
        applications: g.apps.map(a => a.id),
        start: start.toISOString().slice(0, 10),
        end: end.toISOString().slice(0, 10),
        noticeMonths: pick(random, [1, 2, 3, 3, 3, 4, 6, 6, 6]),
        autoRenew: random() < 0.6,
        annualValue: random() < 0.6 ? Math.round(value) : Math.round(value * 100) / 100,
        exitPlan: random() < 0.35,
        dataPortability: random() < 0.5,
        extra: {},
      };
    });
}

const ESB_STANDARDS = ['Digikoppeling', 'SOAP', 'REST', 'eigen koppeling'] as const;
const PRODUCT_SUFFIXES = ['Suite', 'Plus', 'Online', 'Connect', 'Pro', 'Flex', 'Next', 'Go'] as const;
const LEVELS = ['low', 'medium', 'high', 'critical'] as const;
const shift = (level: Criticality, by: number): Criticality => LEVELS[Math.min(3, Math.max(0, LEVELS.indexOf(level) + by))];

const brandCount = BRANDS.length * SUPPLIER_KINDS.length;
const brandOf = (i: number) => {
  const qualifier = Math.floor(i / brandCount);
  return `${BRANDS[i % BRANDS.length]} ${SUPPLIER_KINDS[Math.floor(i / BRANDS.length) % SUPPLIER_KINDS.length]}${qualifier ? ` ${QUALIFIERS[(qualifier - 1) % QUALIFIERS.length]}` : ''}`;
};

const US_GROUP = 'Atlantic Software Holdings Inc.';

function vendor(i: number, groupLimit: number): SupplierRow {
  const german = i % 23 === 7;
  const belgian = i % 31 === 11;
  const legal = german ? 'GmbH' : belgian ? 'NV' : 'B.V.';
  // Two Dutch subsidiaries of a US group: under US law whatever their country (the sovereignty page's chains).
  if (i === 8 || i === 17) return { id: `s-${pad(i + 1, 4)}`, name: `${brandOf(i)} ${legal}`, group: US_GROUP, country: 'NL', groupJurisdiction: 'US', extra: {} };
  const group = i < groupLimit && i % 9 >= 1 && i % 9 <= GROUPS.length ? GROUPS[(i % 9) - 1] : undefined;
  return { id: `s-${pad(i + 1, 4)}`, name: `${brandOf(i)} ${legal}`, group, country: german ? 'DE' : belgian ? 'BE' : 'NL', extra: {} };
}

/** mulberry32: a tiny, fast PRNG with a 32-bit state; good enough for fiction, identical everywhere. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An independent stream per municipality. */
const mix = (seed: number, m: number) => {
  let h = (seed ^ Math.imul(m + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const between = (random: () => number, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

function weighted<K extends string>(random: () => number, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let r = random() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((r -= w) < 0) return key;
  return entries[entries.length - 1][0];
}

function pickWeighted(random: () => number, products: Product[]): Product {
  let r = random() * products.reduce((sum, p) => sum + p.weight, 0);
  for (const p of products) if ((r -= p.weight) < 0) return p;
  return products[products.length - 1];
}

function zipfTable(n: number, exponent: number): number[] {
  const cumulative: number[] = [];
  let total = 0;
  for (let k = 0; k < n; k++) cumulative.push((total += 1 / (k + 1) ** exponent));
  return cumulative;
}

/** Index of the first cumulative weight above u × total (binary search). */
function drawIndex(cumulative: number[], u: number): number {
  const target = u * cumulative[cumulative.length - 1];
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}

export { writeGeneratedCsv, writeLandscapeCsv, type Dialect } from './write-csv.js';
