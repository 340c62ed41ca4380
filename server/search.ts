// The use case behind GET /api/search: the fulltext index finds candidates (words exact, as a prefix or
// with a typo), and they are ranked as a person expects: the exact name first, then names that start
// with the text, then names that contain it, then the rest, each ignoring case, accents and punctuation.
// Lucene's own score ranked "Grutto Software Persoonsregistratie" and 47 other applications of Grutto
// above the supplier "Grutto Software B.V." when its full name was typed, and cut the supplier off.
import type { Driver } from 'neo4j-driver';
import { int, read } from './neo4j.js';
import { query } from './queries.js';

export type SearchHit = { uid: string; kind: string; name: string | null; id: string | null; organisation: string | null; context: string | null; score: number };

/** Candidates asked of the index per search: enough that every exact and prefix match of a real landscape is among them. */
const CANDIDATES = 100;

/** Lower case, without accents, only letters and digits: "Súdwest-Fryslân B.V." → "sudwestfryslanbv". */
export const compact = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** 0 exact, 1 starts with, 2 contains, 3 otherwise (the index matched words in another order or with a typo). */
function matchRank(text: string, hit: SearchHit): number {
  const ranks = [hit.name, hit.id].filter((value): value is string => !!value).map(value => {
    const candidate = compact(value);
    return candidate === text ? 0 : candidate.startsWith(text) ? 1 : candidate.includes(text) ? 2 : 3;
  });
  return Math.min(3, ...ranks);
}

/** The hits in the order a person expects; within a rank the closer (shorter) name, then the index's score, then the name. */
export function rankHits(text: string, hits: SearchHit[], limit: number): SearchHit[] {
  const wanted = compact(text);
  if (!wanted) return hits.slice(0, limit);
  const ranked = hits.map(hit => ({ hit, rank: matchRank(wanted, hit), length: compact(hit.name ?? hit.id ?? hit.uid).length }));
  ranked.sort((a, b) => a.rank - b.rank
    || (a.rank < 3 ? a.length - b.length : 0)
    || b.hit.score - a.hit.score
    || (a.hit.name ?? '').localeCompare(b.hit.name ?? '', 'nl')
    || a.hit.uid.localeCompare(b.hit.uid));
  return ranked.slice(0, limit).map(item => item.hit);
}

/**
 * The whole text as a phrase on the name, ahead of the words: the exact name and names that contain
 * it are then among the candidates even when hundreds of nodes share its words. Inside quotes only
 * `"` and `\` mean something to Lucene; both are escaped.
 */
export function phraseQuery(text: string): string | null {
  const phrase = text.trim().replace(/\s+/g, ' ');
  if (!/[\p{L}\p{N}]/u.test(phrase)) return null;
  return `name:"${phrase.replace(/["\\]/g, '\\$&')}"^20`;
}

export async function searchEntities(driver: Driver, text: string, words: string, limit: number): Promise<SearchHit[]> {
  if (!words) return [];
  const phrase = phraseQuery(text);
  const lucene = phrase ? `${phrase} OR (${words})` : words;
  const hits = await read<SearchHit>(driver, query('views/search').text, { lucene, limit: int(Math.max(limit, CANDIDATES)) });
  return rankHits(text, hits, limit);
}
