// Versions as people and advisories write them: dotted numbers compared part by part (2.10 > 2.9),
// ranges such as ">=2.0 <2.4.1" or "<= 10.3", and the release cycle (endoflife.date) a version
// belongs to. Pure functions: the ICT-foto analyses and their tests use them.
import { slug } from '../../importers/model.js';

/** `v2.10.1-rc1` → [2, 10, 1, 'rc', 1]: numbers and words, separators dropped, a leading v too. */
export function versionParts(version: string): (number | string)[] {
  return (version.trim().replace(/^v(?=\d)/i, '').toLowerCase().match(/\d+|[a-z]+/g) ?? []).map(part => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Negative when a < b, 0 when equal, positive when a > b. Numbers compare as numbers; a missing part
 * counts as 0 (2.4 = 2.4.0); a word after the numbers marks a pre-release (2.4.1-rc1 < 2.4.1).
 */
export function compareVersions(a: string, b: string): number {
  const x = versionParts(a);
  const y = versionParts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const p = x[i] ?? 0;
    const q = y[i] ?? 0;
    if (p === q) continue;
    if (typeof p === 'number' && typeof q === 'number') return p - q;
    // A word against a number (or nothing): the word is a pre-release, so it is the lower.
    if (typeof p === 'string' && typeof q === 'number') return -1;
    if (typeof p === 'number' && typeof q === 'string') return 1;
    return String(p) < String(q) ? -1 : 1;
  }
  return 0;
}

type Operator = '<' | '<=' | '>' | '>=' | '=' | '!=' | 'prefix';
export type Comparator = { operator: Operator; version: string };
/** Alternatives (`||`), each a list of comparators that must all hold. */
export type VersionRange = Comparator[][];

export const RANGE_EXPECTED = 'a version range such as ">=2.0 <2.4.1", "<= 10.3", "9.0" or "<2.0 || >=3.0 <3.1" / een versiebereik zoals ">=2.0 <2.4.1", "<= 10.3" of "9.0"';

/**
 * `>=2.0 <2.4.1`, `<= 10.3`, `=1.2.3`, `!=2.1`, `<2 || >=3.0 <3.1`; a bare version (`9.0`) means that
 * version and every version under it (9.0, 9.0.85). Blank: every version. Undefined when unreadable.
 */
export function parseRange(text: string): VersionRange | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '*') return [[]];
  const alternatives: VersionRange = [];
  for (const part of trimmed.split('||')) {
    const comparators: Comparator[] = [];
    const tokens = part.replace(/(>=|<=|!=|==|=|>|<)\s+/g, '$1').replace(/,/g, ' ').trim().split(/\s+/).filter(Boolean);
    if (tokens.length === 0) return undefined;
    for (const token of tokens) {
      const match = /^(>=|<=|!=|==|=|>|<)?(v?\d[\w.+-]*)$/i.exec(token);
      if (!match) return undefined;
      const operator = (match[1] === '==' ? '=' : match[1] ?? 'prefix') as Operator;
      comparators.push({ operator, version: match[2] });
    }
    alternatives.push(comparators);
  }
  return alternatives;
}

/** Whether `version` is `prefix` or a version under it: 9.0.85 is under 9.0 and under 9, not under 9.1. */
export function isUnder(version: string, prefix: string): boolean {
  const v = versionParts(version);
  const p = versionParts(prefix);
  return p.length > 0 && p.length <= v.length && p.every((part, i) => part === v[i]);
}

export function satisfies(version: string, range: VersionRange): boolean {
  return range.some(comparators => comparators.every(({ operator, version: bound }) => {
    if (operator === 'prefix') return isUnder(version, bound);
    const order = compareVersions(version, bound);
    switch (operator) {
      case '<': return order < 0;
      case '<=': return order <= 0;
      case '>': return order > 0;
      case '>=': return order >= 0;
      case '=': return order === 0;
      case '!=': return order !== 0;
    }
  }));
}

/** The release cycle a version belongs to: the longest cycle it is under (10.1.59 → 10.1, not 10). */
export function cycleOf<C extends { cycle: string }>(version: string, cycles: C[]): C | undefined {
  let best: C | undefined;
  for (const cycle of cycles) {
    if (isUnder(version, cycle.cycle) && (!best || versionParts(cycle.cycle).length > versionParts(best.cycle).length)) best = cycle;
  }
  return best;
}

/** A product name as compared: its words, lower case, accents and punctuation left out. */
export const productWords = (name: string) => slug(name).split('-').filter(Boolean);

/** Whether a product as the landscape names it ("Apache Tomcat") is the product asked for ("tomcat"): every word asked for is in its name. */
export function isProduct(name: string, asked: string): boolean {
  const words = new Set(productWords(name));
  const wanted = productWords(asked);
  return wanted.length > 0 && wanted.every(word => words.has(word));
}
