// Whether a process of Roer's on this machine still runs (an import that owns a run, a bulk load),
// asked through a socket it listens on rather than by its pid. The kernel closes the socket the
// moment the process dies; a pid cannot say that everywhere: a killed process nobody reaps still
// answers kill(0), and where /proc belongs to another pid namespace (a sandbox, some containers) it
// cannot be told from a live one either.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { type Server, connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** On Linux an abstract socket (no file, gone with the process), on Windows a named pipe, elsewhere a socket file in the temp folder. */
function address(name: string): string {
  const key = `roer-${createHash('sha256').update(name).digest('hex').slice(0, 24)}`;
  if (process.platform === 'linux') return `\0${key}`;
  return process.platform === 'win32' ? `\\\\.\\pipe\\${key}` : join(tmpdir(), `${key}.sock`);
}

/** Answers for `name` until the returned function closes it, or the process ends. */
export async function answerAs(name: string): Promise<() => Promise<void>> {
  const where = address(name);
  if (where.endsWith('.sock')) rmSync(where, { force: true }); // a socket file left by a process that was killed
  const server: Server = createServer(socket => socket.end());
  await new Promise<void>((done, fail) => server.once('error', fail).listen(where, done));
  server.unref(); // it must not keep the process running
  return () => new Promise(done => server.close(() => done()));
}

/** Whether a process on this machine answers for `name`. */
export function answers(name: string): Promise<boolean> {
  return new Promise(done => {
    const socket = connect(address(name));
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false)); // refused or no such socket: nobody does
  });
}
