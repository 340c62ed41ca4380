// Fixture files for the importer tests: the English and Dutch CSV sets, and small edits of them.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Driver } from 'neo4j-driver';
import { read } from '../../server/neo4j.js';
import type { FileInput } from '../../importers/mapping.js';
import { RECORD_LABELS, snapshot } from '../support/db.js';

export const fixtureDir = (set: 'en' | 'nl') => join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'import', set);

export function fixture(set: 'en' | 'nl'): FileInput[] {
  return readdirSync(fixtureDir(set)).sort().map(name => ({ name, bytes: readFileSync(join(fixtureDir(set), name)) }));
}

export const csv = (name: string, text: string): FileInput => ({ name, bytes: Buffer.from(text, 'utf8') });

/** The English set with one file replaced (by name), or with a file left out (text null). */
export function edited(changes: Record<string, string | null>): FileInput[] {
  const files = fixture('en').filter(file => changes[file.name] !== null);
  return files.map(file => (typeof changes[file.name] === 'string' ? csv(file.name, changes[file.name] as string) : file))
    .concat(Object.entries(changes).filter(([name, text]) => text !== null && !files.some(file => file.name === name)).map(([name, text]) => csv(name, text!)));
}

export const text = (file: FileInput) => Buffer.from(file.bytes).toString('utf8').replace(/^\uFEFF/, '');
export const enText = (name: string) => text(fixture('en').find(file => file.name === name)!);

/** The fixture changed in every table: a row added, one or two changed, one removed. */
export const changedFixture = () => edited({
  'suppliers.csv': enText('suppliers.csv').replace('Cloudy Inc.', 'Cloudy Europe Ltd.').replace(/^regio,.*\n/m, '') + 'newco,Newco B.V.,,NL\n',
  'platforms.csv': enText('platforms.csv').replace('Rekencentrum Noord', 'Rekencentrum Zuid').replace(/^iaas1,.*\n/m, '').replace('saas1,Cloudy SaaS,saas,cloudy,US,iaas1', 'saas1,Cloudy SaaS,saas,cloudy,US,') + 'dc2,Rekencentrum Oost,data-centre,newco,NL,\n',
  'applications.csv': enText('applications.csv')
    .replace('zaak,gm-a,Zaaksysteem,acme,Zaaksysteem,', 'zaak,gm-a,Zaaksysteem,acme,Zaaksysteem|Archief,')
    .replace('brp,gm-a,BRP-bevraging,regio,', 'brp,gm-a,BRP-bevraging,newco,')
    .replace(/^web,.*\n/m, '') + 'dms,gm-a,Documentbeheer,newco,Archief,,high,no,dc2,,\n',
  'interfaces.csv': enText('interfaces.csv').replace('i1,gm-a,brp,zaak,StUF-BG,esb', 'i1,gm-a,brp,zaak,StUF-BG,').replace(/^i2,.*\n/m, '') + "i3,gm-a,zaak,dms,ZGW API's,\n",
  'contracts.csv': enText('contracts.csv').replace('2022-01-01,2026-12-31', '2022-01-01,2027-12-31').replace(/^c2,.*\n/m, '') + 'c3,gm-a,newco,dms|brp,2025-01-01,2028-06-30,3,no,5000,yes,yes\n',
});

/** The landscape graph without provenance stamps, the times claims were made and Roer's records of its runs: what two imports should agree on. */
export async function graphOf(driver: Driver): Promise<string[]> {
  return (await snapshot(driver))
    .map(line => JSON.parse(line))
    .filter(entry => !(entry.labels ?? []).some((label: string) => RECORD_LABELS.includes(label)))
    .map(entry => {
      const { runs: _runs, claimAt: _claimAt, ...props } = entry.props;
      return JSON.stringify({ ...entry, props });
    })
    .sort();
}

/** Every node's and relationship's stamps (`runs`), counted: which runs the graph's facts carry. */
export const stampCounts = (driver: Driver) =>
  read<{ runs: string[]; count: number }>(driver, `
    CALL () { MATCH (n:Entity) RETURN n.runs AS runs UNION ALL MATCH ()-[r]->() RETURN r.runs AS runs }
    RETURN runs, count(*) AS count ORDER BY count DESC`);
