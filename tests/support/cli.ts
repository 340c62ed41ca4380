// Runs `npm run import` as users do (a child process) against the test Neo4j.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testInstance } from './test-neo4j.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CliRun = { code: number | null; stdout: string; stderr: string };

export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startImportCli(args, env).exited;
}

/** Another command-line script, e.g. `runScript('scripts/audit.ts', ['verify'])` for `npm run audit -- verify`. */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return startScript(script, args, env).exited;
}

/** The CLI started, not awaited: the test may kill it. */
export function startImportCli(args: string[], env: Record<string, string> = {}): { kill: (signal: NodeJS.Signals) => void; exited: Promise<CliRun> } {
  return startScript(join('importers', 'cli.ts'), args, env);
}

function startScript(script: string, args: string[], env: Record<string, string>): { kill: (signal: NodeJS.Signals) => void; exited: Promise<CliRun> } {
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, script), ...args], {
    cwd: root,
    // NEO4J_URI: '' leaves it unset (the CLI's own local Neo4j).
    env: Object.fromEntries(Object.entries({ PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: testInstance().uri, ...env }).filter(([, value]) => value !== '')),
    // Its own process group: tsx runs the script in a child node process, and a kill must reach both.
    detached: true,
  });
  const exited = new Promise<CliRun>((done, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', fail);
    child.on('close', code => done({ code, stdout, stderr }));
  });
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // it has exited already
    }
  };
  return { kill, exited };
}
