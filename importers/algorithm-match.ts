// Which organisation an Algoritmeregister entry belongs to, and which applications and suppliers it
// probably runs on: from the register's free text (title, purpose, and the supplier/system fields when
// the register gives them), against what the landscape knows. Pure: the import and the tests use it.
//
// Confidence, strongest first:
//  - `exact`: the application's name stands in the text as written (case aside), as whole words;
//  - `normalised`: it does once accents, punctuation and legal forms are set aside, or its product
//    (pakket) name does;
//  - `supplier`: only the name of a supplier of the organisation stands in the text. The algorithm is
//    linked to that supplier, and to the organisation's applications of it when there are few.
// Exact and normalised matches count as likely in impact and what-if; a supplier-only match counts
// only once someone confirms it.
import { normalizeSupplierName } from './load.js';
import { slug } from './model.js';

export type Confidence = 'exact' | 'normalised' | 'supplier';
export const CONFIDENCES: Confidence[] = ['exact', 'normalised', 'supplier'];
/** The confidences impact and what-if count without a confirmation. */
export const LIKELY: Confidence[] = ['exact', 'normalised'];

export type KnownOrganisation = { uid: string; id: string; name: string | null; cbsCode: string | null };
export type KnownApplication = { uid: string; organisation: string; name: string; product: string | null; suppliers: { uid: string; name: string }[] };
export type Candidate = { target: string; kind: 'Application' | 'Supplier'; confidence: Confidence; basis: string };

/** At most this many applications of one supplier are proposed on a supplier-only match; beyond, only the supplier. */
export const SUPPLIER_APPLICATIONS = 3;
/** Names shorter than this (after normalising) are too common to match on their own ("Zaak", "BRP"). */
const MIN_NAME = 4;

const folded = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
/** Lower case, accents off, every run of other characters one space. */
export const plainWords = (text: string) => folded(text).replace(/[^a-z0-9]+/g, ' ').trim();
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether `phrase` occurs in `text` as whole words (both already in the same form). */
function containsWords(text: string, phrase: string): boolean {
  if (!phrase) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(phrase)}($|[^\\p{L}\\p{N}])`, 'u').test(text);
}

/** Organisation lookup by name, id or CBS code ("Gemeente Utrecht", "gemeente-utrecht", "0344", "gm0344"); a key two organisations share is left out. */
export function organisationIndex(organisations: KnownOrganisation[]): (name: string, code?: string) => KnownOrganisation | undefined {
  const byKey = new Map<string, KnownOrganisation | null>();
  const add = (key: string | null | undefined, organisation: KnownOrganisation) => {
    if (!key) return;
    const existing = byKey.get(key);
    byKey.set(key, existing === undefined || existing?.uid === organisation.uid ? organisation : null);
  };
  for (const o of organisations) {
    for (const text of [o.name, o.id]) add(text ? slug(text) : null, o);
    if (o.cbsCode) {
      const digits = o.cbsCode.replace(/\D/g, '').padStart(4, '0');
      add(`code:${digits}`, o);
    }
    const gm = /^gm(\d{4})$/i.exec(o.id);
    if (gm) add(`code:${gm[1]}`, o);
  }
  const found = (key: string) => byKey.get(key) ?? undefined;
  return (name, code) => {
    if (code) {
      const digits = code.replace(/\D/g, '');
      const byCode = digits ? found(`code:${digits.padStart(4, '0')}`) : undefined;
      if (byCode) return byCode;
      const byId = found(slug(code));
      if (byId) return byId;
    }
    return found(slug(name));
  };
}

/** What the text says: as written (lower case) and in plain words. */
export type Text = { raw: string; plain: string };
export const textOf = (...parts: (string | null | undefined)[]): Text => {
  const raw = parts.filter(Boolean).join('\n').toLowerCase();
  return { raw, plain: plainWords(raw) };
};

/** The applications (of the algorithm's own organisation) and suppliers its text names, strongest match per target. */
export function candidatesFor(text: Text, applications: KnownApplication[]): Candidate[] {
  const found = new Map<string, Candidate>();
  const offer = (candidate: Candidate) => {
    const before = found.get(candidate.target);
    if (!before || CONFIDENCES.indexOf(candidate.confidence) < CONFIDENCES.indexOf(before.confidence)) found.set(candidate.target, candidate);
  };
  const bySupplier = new Map<string, { name: string; applications: KnownApplication[] }>();
  for (const application of applications) {
    const name = application.name.trim().toLowerCase().replace(/\s+/g, ' ');
    const plain = plainWords(application.name);
    const product = application.product ? plainWords(application.product) : '';
    if (plain.length >= MIN_NAME && containsWords(text.raw, name)) offer({ target: application.uid, kind: 'Application', confidence: 'exact', basis: application.name });
    else if (plain.length >= MIN_NAME && containsWords(text.plain, plain)) offer({ target: application.uid, kind: 'Application', confidence: 'normalised', basis: application.name });
    else if (product.length >= MIN_NAME && containsWords(text.plain, product)) offer({ target: application.uid, kind: 'Application', confidence: 'normalised', basis: application.product! });
    for (const supplier of application.suppliers) {
      const entry = bySupplier.get(supplier.uid) ?? { name: supplier.name, applications: [] };
      entry.applications.push(application);
      bySupplier.set(supplier.uid, entry);
    }
  }
  for (const [supplier, { name, applications: supplied }] of bySupplier) {
    const core = normalizeSupplierName(name).replace(/[^a-z0-9]+/g, ' ').trim();
    if (core.length < MIN_NAME || !containsWords(text.plain, core)) continue;
    offer({ target: supplier, kind: 'Supplier', confidence: 'supplier', basis: name });
    if (supplied.length <= SUPPLIER_APPLICATIONS) for (const application of supplied) offer({ target: application.uid, kind: 'Application', confidence: 'supplier', basis: name });
  }
  return [...found.values()].sort((a, b) => CONFIDENCES.indexOf(a.confidence) - CONFIDENCES.indexOf(b.confidence) || a.target.localeCompare(b.target));
}
