// JSON of answers shared through the snapshot cache (analysis results, graph views, node details),
// serialised once per cached value rather than once per request: stringifying a 1 MB explorer graph
// or lock-in answer costs about 10 ms of the one Node thread, which under 50 connections is what
// requests queue behind. Only for values nobody mutates once cached.
import type { Response } from 'express';
import { once } from './once.js';

const ORIGINAL = Symbol('roer.shared-original');
const bodies = new WeakMap<object, string>();

/** `copy` (a defensive copy handed to a caller) remembers the cached value it was made from. */
export function withOriginal<T extends object>(copy: T, original: object): T {
  Object.defineProperty(copy, ORIGINAL, { value: original, enumerable: false });
  return copy;
}

/** Sends `value` (or what `build` makes of its original) as JSON, serialised once per cached value. */
export function sendJsonOnce(res: Response, value: object, build?: (original: object) => unknown): void {
  res.type('application/json').send(jsonOnce(value, build));
}

/** The JSON text of `build(original)`, computed the first time for that cached value. */
export function jsonOnce(value: object, build: (original: object) => unknown = original => original): string {
  const original = ((value as Record<symbol, object>)[ORIGINAL] ?? value) as object;
  return once(bodies, original, () => JSON.stringify(build(original)));
}
