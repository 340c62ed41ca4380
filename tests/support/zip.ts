// A folder zipped as a user makes it (`zip -r`), for uploads of coArchi model folders.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `dir` as a zip with the folder itself (named `top`) at the top. */
export function zipFolder(dir: string, top = 'Softwarecatalogus-Archi-repository'): Buffer {
  const work = mkdtempSync(join(tmpdir(), 'roer-zip-'));
  try {
    cpSync(dir, join(work, top), { recursive: true });
    return execFileSync('zip', ['-qr', '-', top], { cwd: work, maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
