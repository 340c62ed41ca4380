// Responses written as they are made: large answers and exports go out in pieces, and the writer
// waits while the client reads slower, so the server never holds the whole text (a country-wide
// lock-in is 178 MB of JSON, 143 MB of CSV).
import type { Writable } from 'node:stream';
import type { Response } from 'express';

/** Writes `pieces` and ends the response; stops when the client has gone. */
export async function writePieces(res: Response, pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (res.destroyed) return;
    if (!res.write(piece)) await drainedOrClosed(res);
  }
  if (!res.destroyed) res.end();
}

/** Resolves when `stream` wants more (at once if it does already, after other work has had a turn) or is gone. */
export function drainedOrClosed(stream: Writable): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return new Promise(resolve => setImmediate(resolve));
  return new Promise<void>(resolve => {
    const done = () => {
      stream.off('drain', done);
      stream.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    stream.on('close', done);
  });
}
