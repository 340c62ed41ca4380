// `npm start` as a user runs it, against the test Neo4j (NEO4J_URI set, so it starts no database):
// schema, demo landscape into an empty database, HTTP, and a clean stop on SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { createServer } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { resetDatabase, testDriver } from '../support/db.js';
import { testInstance } from '../support/test-neo4j.js';

const ADMIN = 'start-test-admin-token-0123';

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

const baseEnv = (): NodeJS.ProcessEnv => {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (/^(NEO4J_|ROER_|PORT$|HOST$)/.test(key)) delete env[key];
  return env;
};

describe('npm start', () => {
  let driver: Driver;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    driver = testDriver();
    await resetDatabase(driver);
  });
  afterAll(async () => {
    if (child?.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
    await driver.close();
  });

  it('when a variable has a bad value, then it exits 1 naming the variable', () => {
    const result = spawnSync('npm', ['start', '--silent'], { env: { ...baseEnv(), PORT: 'abc', NEO4J_URI: testInstance().uri }, encoding: 'utf8', timeout: 60_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
  });

  /** `npm start` in a process group of its own, and its output so far. */
  async function startRoer(env: NodeJS.ProcessEnv): Promise<{ port: number; output: () => string; closed: Promise<void> }> {
    const port = await freePort();
    child = spawn('npm', ['start', '--silent'], { env: { ...baseEnv(), NEO4J_URI: testInstance().uri, PORT: String(port), ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout!.on('data', chunk => (output += chunk));
    child.stderr!.on('data', chunk => (output += chunk));
    // 'close' fires once every process holding the output pipes (npm, the shell, node) has gone.
    const closed = new Promise<void>(resolve => child!.once('close', () => resolve()));
    const deadline = Date.now() + 240_000;
    while (!output.includes('Roer is running at')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
      await new Promise(resolve => setTimeout(resolve, 500));
    }
    return { port, output: () => output, closed };
  }

  it('when started on an empty database with token auth, then it loads the demo municipality, seeds the admin token, serves the API, and stops cleanly on SIGTERM', async () => {
    const { port, output, closed } = await startRoer({ ROER_DEMO: 'municipality', ROER_AUTH: 'token', ROER_ADMIN_TOKEN: ADMIN });
    expect(output()).toContain('Applying the schema');
    expect(output()).toMatch(/Demo loaded: .*400 applications/);

    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
    expect(ready.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/api/organisations`)).status).toBe(401);
    const organisations = (await (await fetch(`http://127.0.0.1:${port}/api/organisations`, { headers: { authorization: `Bearer ${ADMIN}` } })).json()) as { id: string; applications: number }[];
    expect(organisations).toEqual([expect.objectContaining({ id: 'gemeente-roerdam', applications: 400 })]);
    const [{ runs }] = await read<{ runs: string[] }>(driver, 'MATCH (a:Application) RETURN a.runs AS runs LIMIT 1');
    expect(runs[0]).toMatch(/^demo:gemeente-roerdam#/);

    // The whole process group gets the signal, as from Ctrl+C in a terminal; npm itself dies of it, Roer shuts down.
    process.kill(-child!.pid!, 'SIGTERM');
    await closed;
    expect(output()).toContain('SIGTERM: shutting down');
    expect(output()).toContain('Stopped.');
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 300_000);

  it('when HOST is beyond loopback with ROER_AUTH=off, then it refuses to start, naming the variables; an invalid ROER_ADMIN_TOKEN is named but never shown', () => {
    const start = (env: NodeJS.ProcessEnv) => spawnSync('npm', ['start', '--silent'], { env: { ...baseEnv(), NEO4J_URI: testInstance().uri, ...env }, encoding: 'utf8', timeout: 60_000 });
    const open = start({ HOST: '0.0.0.0' });
    expect(open.status).toBe(1);
    expect(open.stderr).toMatch(/HOST: listens beyond this computer while ROER_AUTH=off/);
    expect(open.stderr).toContain('ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes');
    expect(open.stdout).not.toContain('Roer is running');

    const secret = 'short-secret-42';
    const invalid = start({ ROER_AUTH: 'token', ROER_ADMIN_TOKEN: secret });
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain('ROER_ADMIN_TOKEN: at least 16 characters (value not shown)');
    expect(`${invalid.stdout}${invalid.stderr}`).not.toContain(secret);
  }, 150_000);

  it('when the override ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes is given, then it starts on 0.0.0.0 with a loud warning, and still answers only its own host names', async () => {
    const { port, output, closed } = await startRoer({ HOST: '0.0.0.0', ROER_ALLOW_UNAUTHENTICATED_NETWORK: 'yes', ROER_ALLOWED_HOSTS: 'roer.test', ROER_DEMO: 'none' });
    expect(output()).toContain('[roer] WARNING: HOST=0.0.0.0 with ROER_AUTH=off (allowed by ROER_ALLOW_UNAUTHENTICATED_NETWORK=yes)');
    expect(output()).toContain('Anyone who can reach port');
    expect(output()).toContain('Answering requests for the host names localhost, 127.0.0.1, [::1], roer.test only');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => get({ host: '127.0.0.1', port, path: '/api/health', headers: { host } }, response => (response.resume(), resolve(response.statusCode!))).on('error', reject));
    expect(await status(`roer.test:${port}`)).toBe(200);
    expect(await status(`attacker.example:${port}`)).toBe(421);
    process.kill(-child!.pid!, 'SIGTERM');
    await closed;
    expect(output()).toContain('Stopped.');
  }, 300_000);
});
