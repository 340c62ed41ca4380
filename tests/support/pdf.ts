// A PDF read back as people would see it: its text per page (pdftotext), and every page as a PNG in
// tests/artifacts/ to look at (pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ARTIFACTS = join(process.cwd(), 'tests', 'artifacts');

/** The PDF's text per page (pdftotext), and every page as a PNG in tests/artifacts/ to look at. */
export function readPdf(bytes: Buffer, name: string, resolution = 60): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'roer-pdf-'));
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  mkdirSync(ARTIFACTS, { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', String(resolution), file, join(dir, name)]);
  for (const png of readdirSync(dir).filter(f => f.endsWith('.png'))) renameSync(join(dir, png), join(ARTIFACTS, png));
  // pdftotext writes the no-break space in "€ 1.503.890" as a plain one.
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter(page => page.trim());
}
