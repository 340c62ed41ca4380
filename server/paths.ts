// Where the project's files are, whether this code runs from its TypeScript sources (tsx, jest) or
// compiled into .build/ (npm start, npm run import, npm run bench: scripts/compile.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module that holds package.json: the project's root either way. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

export const projectRoot = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path in the project, e.g. fromRoot('cypher') or fromRoot('web', 'src', 'main.ts'). */
export const fromRoot = (...parts: string[]): string => join(projectRoot, ...parts);
