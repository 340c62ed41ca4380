// Runs `npm run import` as users do (a child process) against the test Neo4j.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { testInstance } from './test-neo4j.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function runImportCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), [join(root, 'importers', 'cli.ts'), ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NEO4J_URI: testInstance().uri, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', chunk => (stdout += chunk));
    child.stderr.on('data', chunk => (stderr += chunk));
    child.on('error', fail);
    child.on('close', code => done({ code, stdout, stderr }));
  });
}
