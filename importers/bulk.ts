// Bulk load: the first import into an empty local database through Neo4j's offline importer
// (`neo4j-admin database import full`) instead of Cypher. The same validated rows become the same
// graph with the same stamps and hashes as load() writes; the rows go to the importer's CSV files a
// phase at a time, the instance is stopped, the importer builds the database, and the instance starts
// again. Only for Roer's own local Neo4j, and only when its database holds nothing: the importer
// replaces the whole database. A failed import leaves the database empty again, as it was, and so
// does the next start after a bulk load whose process was killed (undoInterruptedBulkLoads).
import { createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { join, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { InputError } from '../server/errors.js';
import { type LocalNeo4jOptions, neo4jAdminImport, startLocalNeo4j, stopLocalNeo4j } from '../server/local-neo4j.js';
import { database, read } from '../server/neo4j.js';
import { answerAs, answers } from '../server/presence.js';
import { query } from '../server/queries.js';
import { type GraphRows, type LoadCounts, type PropertyKind, type Provenance, type Value, hash, propertyKind, storedProps } from './load.js';

/** Roer's local Neo4j instance, with the options it is started with (it is started again with them). */
export type BulkTarget = LocalNeo4jOptions;

/** Separates the elements of a list (labels, stamps) in the importer's files: a character no text of an import holds. */
const ARRAY_DELIMITER = '\u001f';

/** The nodes created per label, and how many nodes and relationships got the run's stamp. */
export type BulkWritten = { counts: LoadCounts; stamped: number };

/** Refuses a bulk load unless the database has no node at all. */
export async function assertEmptyForBulk(driver: Driver): Promise<void> {
  const [{ nodes }] = await read<{ nodes: number }>(driver, query('import/node-count').text);
  if (nodes > 0) {
    throw new InputError(`A bulk load replaces the whole database, and this one holds ${nodes} nodes: import without --bulk to add to or update it`);
  }
}

/**
 * Writes the phases' rows as the importer's files, stops the instance, imports them, starts the
 * instance again and runs `finish` (Roer's schema, the run record) through `driver`, told what was
 * written. If any of it fails, the database is emptied again. `onWritten` gets the nodes and
 * relationships written to files so far. Clients other than `driver` must not use the instance
 * meanwhile: they would wait for transactions of the database the importer replaced (their bookmarks).
 */
export async function bulkLoad(
  driver: Driver,
  phases: Iterable<GraphRows>,
  target: BulkTarget,
  provenance: Provenance,
  onWritten: (count: number) => void,
  finish: (written: BulkWritten) => Promise<void>,
): Promise<BulkWritten> {
  const instanceDir = resolve(target.instanceDir);
  const dir = join(instanceDir, 'bulk', provenance.runId);
  mkdirSync(dir, { recursive: true });
  const stopAnswering = await answerAs(dir); // "still running" to undoInterruptedBulkLoads
  try {
    markStage(dir, 'writing files');
    const files = await writeImportFiles(phases, dir, `${provenance.source}#${provenance.runId}`, onWritten);
    markStage(dir, 'replacing the database');
    await stopLocalNeo4j(instanceDir, target.log);
    try {
      const output = await neo4jAdminImport({
        instanceDir,
        database: database(),
        libDir: target.libDir,
        jvmOptions: target.jvmOptions,
        log: target.log,
        args: [
          `--array-delimiter=${ARRAY_DELIMITER}`, `--multiline-fields=${files.multiline}`, '--bad-tolerance=0', `--report-file=${join(dir, 'import.report')}`,
          ...files.nodes.map(file => `--nodes=${file}`), ...files.relationships.map(file => `--relationships=${file}`),
        ],
      });
      target.log?.(output.trim().split('\n').filter(line => /IMPORT DONE|Imported|nodes$|relationships$|properties$/.test(line.trim())).join(' ').replace(/\s+/g, ' '));
    } catch (error) {
      await emptyAgain(target, driver, false);
      throw error;
    }
    try {
      await startLocalNeo4j(target);
      await forgetBookmarks(driver);
      await finish({ counts: files.counts, stamped: files.stamped });
    } catch (error) {
      await emptyAgain(target, driver, true);
      throw error;
    }
    return { counts: files.counts, stamped: files.stamped };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await stopAnswering();
  }
}

/** The database was empty before: empty it again rather than leave what the importer (half) built. */
async function emptyAgain(target: BulkTarget, driver: Driver, running: boolean): Promise<void> {
  if (running) await stopLocalNeo4j(target.instanceDir, target.log); // a no-op if it did not start
  removeDatabase(target.instanceDir);
  await startLocalNeo4j(target);
  await forgetBookmarks(driver);
}

function removeDatabase(instanceDir: string): void {
  rmSync(join(resolve(instanceDir), 'data', 'databases', database()), { recursive: true, force: true });
  rmSync(join(resolve(instanceDir), 'data', 'transactions', database()), { recursive: true, force: true });
}

type Stage = 'writing files' | 'replacing the database';
const STATE_FILE = 'state.json';

/** What a bulk load is doing: read by undoInterruptedBulkLoads. */
function markStage(dir: string, stage: Stage): void {
  writeFileSync(join(dir, STATE_FILE), JSON.stringify({ stage }));
}

/**
 * Undoes bulk loads whose process died (killed, power cut): a run folder is left while a bulk load
 * runs. One that had begun to replace the database leaves it half-built or without its schema and
 * run record, and the database was empty before, so the instance is stopped and its database
 * removed (Neo4j creates an empty one when it starts). One still writing its files had not touched
 * the database. Run before the instance is started (the CLI and the server do); returns what it undid.
 */
export async function undoInterruptedBulkLoads(instanceDir: string, log: (message: string) => void = () => {}): Promise<string[]> {
  const root = join(resolve(instanceDir), 'bulk');
  const undone: string[] = [];
  for (const runId of existsSync(root) ? readdirSync(root) : []) {
    const dir = join(root, runId);
    if (await answers(dir)) continue; // still running
    let state: { stage?: Stage } = {};
    try {
      state = JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'));
    } catch {
      // no state yet: the load had not begun
    }
    if (state.stage === 'replacing the database') {
      await stopLocalNeo4j(instanceDir, log);
      removeDatabase(instanceDir);
      log(`An interrupted bulk load (run ${runId}) was undone: the database is empty again / een onderbroken bulkimport is teruggedraaid`);
      undone.push(runId);
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return undone;
}

/** The driver's bookmarks name transactions of the database before; the new one has not had them. */
async function forgetBookmarks(driver: Driver): Promise<void> {
  const bookmarks = driver.executeQueryBookmarkManager;
  await bookmarks.updateBookmarks(await bookmarks.getBookmarks(), []);
}

type ImportFiles = { nodes: string[]; relationships: string[]; counts: LoadCounts; stamped: number; multiline: boolean };

/**
 * One file per label or relationship type per phase (split further only where a property's kind
 * differs between rows, since a column has one type). A node an earlier phase wrote is not written
 * again, as load() does not (an organisation, a standard).
 */
async function writeImportFiles(phases: Iterable<GraphRows>, dir: string, stamp: string, onWritten: (count: number) => void): Promise<ImportFiles> {
  const files: ImportFiles = { nodes: [], relationships: [], counts: {}, stamped: 0, multiline: false };
  const written = new Set<string>();
  const cell = (kind: PropertyKind, value: Value): string => {
    if (value === null || value === undefined) return '';
    if (kind === 'string[]') return text((value as string[]).map(element => listElement(element)).join(ARRAY_DELIMITER));
    return kind === 'string' ? text(value as string) : String(value);
  };
  const text = (value: string) => {
    if (/[\r\n]/.test(value)) files.multiline = true;
    return `"${value.includes('"') ? value.replaceAll('"', '""') : value}"`;
  };
  const quotedStamp = text(listElement(stamp));
  let file = 0;
  for (const rows of phases) {
    for (const [label, nodes] of rows.nodes) {
      const fresh = [...nodes.values()].filter(node => !written.has(node.uid));
      for (const node of fresh) written.add(node.uid);
      for (const group of byColumnKinds(fresh)) {
        const path = join(dir, `nodes-${++file}-${label}.csv`);
        const labels = text(['Entity', label].join(ARRAY_DELIMITER));
        await writeLines(path, ['uid:ID', ':LABEL', ...group.columns.map(([key, kind]) => `${key}:${kind}`), 'hash:string', 'runs:string[]'].join(','), group.rows, node =>
          [text(node.uid), labels, ...group.columns.map(([key, kind]) => cell(kind, node.props[key])), text(hash(node.props)), quotedStamp].join(','));
        files.nodes.push(path);
      }
      files.counts[label] = { created: (files.counts[label]?.created ?? 0) + fresh.length, updated: 0, unchanged: 0 };
      files.stamped += fresh.length;
      onWritten(files.stamped);
    }
    for (const [type, relationships] of rows.relationships) {
      const stored = relationships.map(rel => ({ from: rel.from, to: rel.to, props: storedProps(type, rel) }));
      for (const group of byColumnKinds(stored)) {
        const path = join(dir, `relationships-${++file}-${type}.csv`);
        await writeLines(path, [':START_ID', ':END_ID', ':TYPE', ...group.columns.map(([key, kind]) => `${key}:${kind}`), 'runs:string[]'].join(','), group.rows, rel =>
          [text(rel.from), text(rel.to), type, ...group.columns.map(([key, kind]) => cell(kind, rel.props[key])), quotedStamp].join(','));
        files.relationships.push(path);
      }
      files.stamped += relationships.length;
      onWritten(files.stamped);
    }
  }
  return files;
}

/** A list element may not hold the delimiter; none of an import's texts should, so say so rather than split it. */
function listElement(element: string): string {
  if (element.includes(ARRAY_DELIMITER)) throw new InputError(`A bulk load cannot write the text "${element.replaceAll(ARRAY_DELIMITER, '\\u001f')}" in a list: it holds the control character U+001F; import without --bulk`);
  return element;
}

type Row = { props: Record<string, Value> };
type Group<T extends Row> = { kinds: Map<string, PropertyKind>; columns: [string, PropertyKind][]; rows: T[] };

/** Rows grouped so that every property has one kind within a group (almost always a single group). */
function byColumnKinds<T extends Row>(rows: T[]): Group<T>[] {
  const groups: Group<T>[] = [];
  for (const row of rows) {
    const entries = Object.entries(row.props).filter((entry): entry is [string, Exclude<Value, null>] => entry[1] !== null && entry[1] !== undefined);
    const fits = (group: Group<T>) => entries.every(([key, value]) => (group.kinds.get(key) ?? propertyKind(key, value)) === propertyKind(key, value));
    let group = groups.find(fits);
    if (!group) groups.push((group = { kinds: new Map(), columns: [], rows: [] }));
    for (const [key, value] of entries) if (!group.kinds.has(key)) group.kinds.set(key, propertyKind(key, value));
    group.rows.push(row);
  }
  for (const group of groups) group.columns = [...group.kinds];
  return groups;
}

/** Writes a header and a line per row, a thousand lines to a piece (pipeline waits when the disk is slower). */
async function writeLines<T>(path: string, header: string, rows: T[], line: (row: T) => string): Promise<void> {
  function* pieces() {
    yield `${header}\n`;
    for (let i = 0; i < rows.length; i += 1000) yield `${rows.slice(i, i + 1000).map(line).join('\n')}\n`;
  }
  await pipeline(Readable.from(pieces()), createWriteStream(path));
}
