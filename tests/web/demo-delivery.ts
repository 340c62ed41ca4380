// The demo municipality's files and a second delivery of them with known changes, for the browser
// tests of history (changes page, trends): one application renamed, a new application behind a leaf
// application only (a new single point of failure), and contract c-0002 ending in four months.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addMonths, today } from '../../server/analyses/params.js';

export const DEMO = join(process.cwd(), 'importers', 'demo', 'data', 'gemeente-roerdam');
export const ORGANISATION = 'gemeente-roerdam';

/** The demo's CSV files. */
export const demoFiles = () => readdirSync(DEMO).filter(name => name.endsWith('.csv')).map(name => join(DEMO, name));

/** An application with one interface, not an intermediary: no single point of failure until something depends on it alone. */
export function leafApplication(): { id: string; name: string } {
  const ends = new Map<string, number>();
  for (const line of readFileSync(join(DEMO, 'interfaces.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [, , from, to, , via] = line.split(',');
    for (const end of [from, to]) ends.set(end, (ends.get(end) ?? 0) + 1);
    if (via) ends.set(via, 99);
  }
  const id = [...ends].find(([, count]) => count === 1)![0];
  const row = readFileSync(join(DEMO, 'applications.csv'), 'utf8').split('\n').find(line => line.startsWith(`${id},`))!;
  return { id, name: row.split(',')[2] };
}

/** The demo files written to `dir` with one application renamed, a new application behind a leaf application only, and c-0002 ending in four months. */
export function secondDelivery(dir: string): string[] {
  const leaf = leafApplication();
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  for (const name of readdirSync(DEMO).filter(file => file.endsWith('.csv'))) write(name, readFileSync(join(DEMO, name), 'utf8'));
  const applications = readFileSync(join(DEMO, 'applications.csv'), 'utf8')
    .replace(',Merel Software Integratieplatform,', ',Merel Integratieplatform 2.0,');
  write('applications.csv', `${applications.trimEnd()}\napp-9999,${ORGANISATION},Parkeervergunningen,s-0005,,Vergunningen,high,yes,,REST\n`);
  write('interfaces.csv', `${readFileSync(join(DEMO, 'interfaces.csv'), 'utf8').trimEnd()}\nif-99999,${ORGANISATION},app-9999,${leaf.id},REST,\n`);
  // c-0002 now ends in 4 months, with 3 months' notice, and renews by itself: it enters its notice window.
  write('contracts.csv', readFileSync(join(DEMO, 'contracts.csv'), 'utf8').replace(/^c-0002,([^,]*,){3}[^,]*,[^,]*,\d+,[^,]*,/m, `c-0002,${ORGANISATION},s-0002,app-0043|app-0049,2025-06-14,${addMonths(today(), 4)},3,yes,`));
  return readdirSync(dir).map(name => join(dir, name));
}
