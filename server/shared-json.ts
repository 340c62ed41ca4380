// JSON of answers shared through the snapshot cache (analysis results, graph views, node details),
// serialised once per cached value rather than once per request: stringifying a 1 MB explorer graph
// or lock-in answer costs about 10 ms of the one Node thread, which under 50 connections is what
// requests queue behind. The bytes and their ETag are kept too: express otherwise encoded the text
// and hashed it (SHA-1) for its ETag on every request, 8 % of the server's CPU in the API benchmark.
// Only for values nobody mutates once cached.
//
// Large answers are streamed instead: a country-wide lock-in is 178 MB of JSON, and one string of it
// plus the Buffer express makes of it took the server from 340 to 890 MB (what-if: 1,060 MB).
import { createHash } from 'node:crypto';
import type { Response } from 'express';
import { once } from './once.js';
import { writePieces } from './stream-response.js';

const ORIGINAL = Symbol('roer.shared-original');
const bodies = new WeakMap<object, { bytes: Buffer; etag: string }>();

/** Elements per piece of a streamed array: each piece is one JSON.stringify of about 100 kB. */
const PIECE = 500;
/** An answer holding more array elements than this is streamed, not serialised in one string. */
export const STREAM_ABOVE = 20_000;

/** `copy` (a defensive copy handed to a caller) remembers the cached value it was made from. */
export function withOriginal<T extends object>(copy: T, original: object): T {
  Object.defineProperty(copy, ORIGINAL, { value: original, enumerable: false });
  return copy;
}

const originalOf = (value: object) => ((value as Record<symbol, object>)[ORIGINAL] ?? value) as object;

/**
 * Sends `value` (or what `build` makes of its original) as JSON: serialised once per cached value
 * (copies handed to callers share their original's text), or streamed piece by piece when it holds
 * more than STREAM_ABOVE array elements.
 */
export async function sendJsonOnce(res: Response, value: object, build: (original: object) => unknown = original => original): Promise<void> {
  const original = originalOf(value);
  let encoded = bodies.get(original);
  if (encoded === undefined) {
    const body = build(original);
    if (arrayElements(body) > STREAM_ABOVE) return writePieces(res.type('application/json'), jsonPieces(body));
    encoded = once(bodies, original, () => withEtag(Buffer.from(JSON.stringify(body))));
  }
  // With the ETag set, express neither hashes the body again nor answers a matching If-None-Match with more than 304.
  res.type('application/json').set('ETag', encoded.etag).send(encoded.bytes);
}

/** The body with the weak ETag express would make of it (the `etag` package's format). */
function withEtag(bytes: Buffer): { bytes: Buffer; etag: string } {
  return { bytes, etag: `W/"${bytes.length.toString(16)}-${createHash('sha1').update(bytes).digest('base64').slice(0, 27)}"` };
}

/**
 * The text JSON.stringify(value) makes, in pieces: arrays longer than PIECE are cut into pieces of
 * PIECE elements, and objects holding such arrays are written key by key; everything else is one
 * JSON.stringify. Same text: toJSON is honoured, keys whose value JSON skips are skipped.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* pieces(jsonValue(value, ''));
}

function* pieces(json: unknown): Generator<string> {
  if (Array.isArray(json) && json.length > PIECE) {
    for (let start = 0; start < json.length; start += PIECE) {
      const text = JSON.stringify(json.slice(start, start + PIECE));
      yield (start === 0 ? '[' : ',') + text.slice(1, -1);
    }
    yield ']';
  } else if (json !== null && typeof json === 'object' && !Array.isArray(json) && arrayElements(json) > PIECE) {
    let first = true;
    for (const [name, raw] of Object.entries(json)) {
      const item = jsonValue(raw, name);
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      yield `${first ? '{' : ','}${JSON.stringify(name)}:`;
      first = false;
      yield* pieces(item);
    }
    yield first ? '{}' : '}';
  } else {
    yield JSON.stringify(json) ?? 'null';
  }
}

const jsonValue = (value: unknown, key: string): unknown =>
  value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON(key: string): unknown }).toJSON(key) : value;

/** Array elements in `value`, through plain objects (not inside the elements themselves). */
function arrayElements(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (value === null || typeof value !== 'object') return 0;
  let count = 0;
  for (const item of Object.values(value)) count += arrayElements(item);
  return count;
}
