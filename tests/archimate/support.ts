// Shared helpers for the ArchiMate tests: the reference data lives beside the repository, never in it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import { query } from '../../server/queries.js';

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const reference = (path: string) => resolve(repoRoot, '..', 'shared', 'reference-data', path);
export const fixture = (path: string) => resolve(repoRoot, 'tests', 'fixtures', 'archimate', path);

export async function modelCounts(driver: Driver, source: string): Promise<{ elements: number; relationships: number }> {
  const [row] = await read<{ elements: number; relationships: number }>(driver, query('archimate/model-counts').text, { sourcePrefix: `${source}#` });
  return row;
}

const XSD = reference('ameff-opengroup-xmlexchange/xsd/archimate3_Diagram.xsd');

/** xmllint (Debian libxml2-utils) against the AMEFF 3.0 XSD, offline: the catalog points xml.xsd at the local copy. */
export function validateAgainstXsd(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'roer-ameff-')), 'export.xml');
  writeFileSync(file, xml);
  try {
    return execFileSync('xmllint', ['--nonet', '--noout', '--schema', XSD, file], {
      env: { ...process.env, XML_CATALOG_FILES: fixture('xsd-catalog.xml') },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    throw new Error(`xmllint: ${(error as { stderr?: string }).stderr ?? (error as Error).message}`);
  }
}
