// A TCP port nothing listens on now, for a Neo4j or a server of a test's own.
import { createServer } from 'node:net';

export const freePort = () => new Promise<number>((done, fail) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    server.close(() => done(port));
  });
  server.once('error', fail);
});
