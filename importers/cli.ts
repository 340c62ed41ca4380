// `npm run import -- <files or folder> [--dry-run] [--source X] [--mapping f] [--aliases f] [--user u] [--bulk]`
// Exit code 0: imported (or valid, with --dry-run); 1: the input has problems, nothing was written;
// 2: anything else (Neo4j unreachable, a bug).
import { existsSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { appendAudit, audited, cliOrigin, importOutcome } from '../server/audit.js';
import { loadConfig, localInstanceDir } from '../server/config.js';
import { InputError } from '../server/errors.js';
import { limitHeapGrowth } from '../server/heap.js';
import { startLocalNeo4j } from '../server/local-neo4j.js';
import { createDriver } from '../server/neo4j.js';
import { applySchema } from '../server/schema.js';
import { type BulkTarget, undoInterruptedBulkLoads } from './bulk.js';
import { type ImportReport, type Progress, confirmationMessage, importFiles } from './import.js';
import { describeRemovals } from './removals.js';
import { importAlgoritmeregisterFiles, isAlgoritmeregisterPath } from './algoritmeregister-cli.js';
import { detectPathFormat } from './cli-format.js';
import { runModelImport } from './sources/archimate/cli.js';
import { readCoArchi } from './sources/archimate/read.js';
import { importSoftwarecatalogus } from './softwarecatalogus.js';
import { TABLES } from './model.js';
import { ictFotoFormat } from './formats.js';
import { readFileSync } from 'node:fs';

const usage = `Usage: npm run import -- <files or folder> [--dry-run] [--source NAME] [--allow-removals] [--mapping roer-mapping.json] [--aliases roer-aliases.json] [--user NAME] [--bulk]
  Files: suppliers.csv/leveranciers.csv, platforms/platformen, applications/applicaties, interfaces/koppelingen,
  contracts/contracten (any prefix), or one .xlsx workbook with sheets of those names.
  A folder's roer-mapping.json and roer-aliases.json are used when present.
  An import removes what its source asserted before and its files no longer contain, for the tables the files hold;
  one that would remove more than ROER_IMPORT_MAX_REMOVAL_SHARE (20%) of a kind, or anything of a source not named
  with --source, stops and lists what would go: check the files, or confirm with --allow-removals.
  --bulk: the first import into an empty local database (no NEO4J_URI, Roer's server stopped) through Neo4j's
  offline importer, faster for a whole country: the local Neo4j stops while it loads and starts again.
  What the files are is told as the web import tells it: ArchiMate: one .xml (AMEFF 2.1/3.x), .archimate, coArchi
  folder or that folder as a .zip, with --organisation <id>; a model named GEMMA (or with --gemma) is the GEMMA reference model; a Softwarecatalogus Gemeenten_applicatieportfolio_*.csv on its own, or with the
  catalogue's leveranciers/pakketten CSV exports beside it; the new Softwarecatalogus' OpenRegister objects as
  .json files, a folder of them or a .zip. ICT-foto: a CycloneDX SBOM (.json) with --target <application or
  platform uid or name> (unless its metadata.component names it), or endoflife.date release cycles (.json).`;

const PROGRESS_FROM_ROWS = 500; // table rows

export async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        source: { type: 'string' },
        mapping: { type: 'string' },
        aliases: { type: 'string' },
        user: { type: 'string' },
        organisation: { type: 'string' },
        target: { type: 'string' },
        gemma: { type: 'boolean', default: false },
        bulk: { type: 'boolean', default: false },
        'allow-removals': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (args.values.help) {
    console.log(usage);
    return 0;
  }
  if (args.positionals.length === 0) {
    console.error(`No files given.\n${usage}`);
    return 1;
  }
  const folder = args.positionals.find(path => existsSync(path) && statSync(path).isDirectory());
  const beside = (name: string) => (folder && existsSync(join(folder, name)) ? join(folder, name) : undefined);
  const mappingFile = args.values.mapping ?? beside('roer-mapping.json');
  const aliasFile = args.values.aliases ?? beside('roer-aliases.json');

  let stopNeo4j = async () => {};
  let driver: Driver | undefined;
  let bulk: BulkTarget | undefined;
  try {
    const config = loadConfig();
    limitHeapGrowth(config.ROER_HEAP_GROWTH_PERCENT);
    if (args.values.bulk && config.NEO4J_URI) {
      console.error('--bulk loads Roer\'s own local Neo4j, and NEO4J_URI names another: import without --bulk, or unset NEO4J_URI.');
      return 1;
    }
    if (config.NEO4J_URI) {
      driver = createDriver({ uri: config.NEO4J_URI, user: config.NEO4J_USER, password: config.NEO4J_PASSWORD, database: config.NEO4J_DATABASE, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
    } else {
      const local = {
        instanceDir: localInstanceDir(config), boltPort: config.NEO4J_BOLT_PORT, heap: config.NEO4J_HEAP, pageCache: config.NEO4J_PAGECACHE,
        log: (message: string) => console.error(message),
      };
      if (args.values.bulk) bulk = local;
      await undoInterruptedBulkLoads(local.instanceDir, local.log);
      const db = await startLocalNeo4j(local);
      if (bulk && !db.startedHere) {
        console.error('--bulk needs the local Neo4j to itself, and it is running (npm start?): stop Roer first. Its other clients would wait for the database the bulk load replaces.');
        return 1;
      }
      if (db.startedHere) stopNeo4j = db.stop;
      driver = createDriver({ uri: db.uri, database: config.NEO4J_DATABASE, queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS });
    }
    await applySchema(driver);
    const auditImport = auditedCliImport(driver, { actor: args.values.user ?? safeUser(), source: args.values.source, paths: args.positionals, dryRun: args.values['dry-run'], bulk: Boolean(bulk) });
    // The Algoritmeregister, SBOMs and release cycles first: their detectors read the whole JSON, where
    // detectPathFormat below hands the detectors a file's first bytes only.
    if (args.positionals.length > 0 && args.positionals.every(isAlgoritmeregisterPath)) {
      const report = await auditImport(() => importAlgoritmeregisterFiles(driver!, args.positionals, { source: args.values.source, user: args.values.user ?? safeUser(), dryRun: args.values['dry-run'] }));
      return report.ok ? 0 : 1;
    }
    // A CycloneDX SBOM (--target: the application or platform it is of) or endoflife.date release cycles.
    const jsonFiles = args.positionals.every(path => /\.json$/i.test(path) && statSync(path, { throwIfNoEntry: false })?.isFile())
      ? args.positionals.map(path => ({ name: basename(path), bytes: readFileSync(path) })) : [];
    const ictFoto = jsonFiles.length > 0 ? ictFotoFormat(jsonFiles) : undefined;
    if (ictFoto) {
      const report = await auditImport(() => ictFoto.import(driver!, jsonFiles, {
        organisation: args.values.organisation, target: args.values.target, source: args.values.source, user: args.values.user ?? safeUser(), dryRun: args.values['dry-run'],
        allowRemovals: args.values['allow-removals'], maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE,
      })) as { issues?: { message: string }[]; runId?: string | null; source?: string };
      for (const issue of report.issues ?? []) console.error(issue.message);
      console.log(JSON.stringify({ ...report, issues: undefined }, null, 2));
      return (report.issues?.length ?? 0) > 0 || !report.runId ? 1 : 0;
    }
    // What the paths are, told by the detectors the web import uses (importers/formats.ts): ArchiMate
    // (AMEFF, .archimate, a coArchi folder or zip), the Softwarecatalogus portfolio (with its
    // leveranciers/pakketten exports) and objects have their own importer; tables go to importFiles.
    const { format, uploads } = await detectPathFormat(args.positionals, config.ROER_UPLOAD_LIMIT_MB * 1024 * 1024);
    if (format.name === 'softwarecatalogus-portfolio') {
      const report = await auditImport(() => importSoftwarecatalogus(driver!, args.positionals, {
        organisation: args.values.organisation, source: args.values.source, user: args.values.user ?? safeUser(), dryRun: args.values['dry-run'],
        allowRemovals: args.values['allow-removals'], maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE,
      }));
      printReport(report);
      return report.ok ? 0 : 1;
    }
    if (format.name !== 'tables') {
      if (bulk) {
        console.error('--bulk loads CSV or XLSX tables; import an ArchiMate model or Softwarecatalogus file without it.');
        return 1;
      }
      // A coArchi model in a zip is read from the unzipped folder; every other model from its path.
      const model = format.name === 'coarchi' && uploads[0].folder && /\.zip$/i.test(uploads[0].name) ? readCoArchi(uploads[0].folder) : undefined;
      const modelReport = await auditImport(() => runModelImport(driver!, args.positionals[0], {
        organisation: args.values.organisation, gemma: args.values.gemma, source: args.values.source, user: args.values.user ?? safeUser(), dryRun: args.values['dry-run'],
        allowRemovals: args.values['allow-removals'], maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE, format: format.name, model,
      }, undefined, args.positionals));
      const stopped = ('ok' in modelReport && !modelReport.ok) || ('confirmationNeeded' in modelReport && modelReport.confirmationNeeded);
      return stopped ? 1 : 0;
    }
    const report = await auditImport(() => importFiles(driver!, args.positionals, {
      source: args.values.source,
      user: args.values.user ?? safeUser(),
      dryRun: args.values['dry-run'],
      mappingFile,
      aliasFile,
      sizeLimitBytes: config.ROER_UPLOAD_LIMIT_MB * 1024 * 1024,
      transactionRows: config.ROER_IMPORT_TRANSACTION_ROWS,
      bulk,
      allowRemovals: args.values['allow-removals'],
      maxRemovalShare: config.ROER_IMPORT_MAX_REMOVAL_SHARE,
      onProgress: progressBar(),
    }));
    printReport(report);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof InputError) {
      console.error(`Import failed / import mislukt: ${error.message}`);
      return 1;
    }
    console.error(`Import failed, nothing was written / import mislukt, er is niets geschreven: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await driver?.close();
    await stopNeo4j();
  }
}

function printReport(report: ImportReport) {
  const out = (line = '') => process.stdout.write(`${line}\n`);
  out(`Source ${report.source}${report.dryRun ? ' (dry run: nothing written / proefrun: niets geschreven)' : ''}${report.runId ? `, run ${report.runId}` : ''}`);
  // Rows: added (created), changed (updated), unchanged and removed, as the source's rows before the import say.
  const header = ['table', 'read', 'created', 'updated', 'unchanged', 'removed', 'errors'];
  const rows = TABLES.map(table => [table, ...(['read', 'created', 'updated', 'unchanged', 'removed', 'errors'] as const).map(key => String(report.tables[table][key]))]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map(row => row[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  out(line(header));
  for (const row of rows) out(line(row));
  for (const merge of report.merges) out(`merged supplier / leverancier samengevoegd: ${merge.dropped} "${merge.droppedName}" → ${merge.kept} "${merge.keptName}" (${merge.reason}, ${merge.file}:${merge.line})`);
  for (const extra of report.extraColumns) out(`extra columns kept / extra kolommen bewaard: ${extra.file}: ${extra.columns.join(', ')}`);
  if (report.issues.length) {
    out();
    out(`${report.issues.length} problem(s), nothing was written / ${report.issues.length} probleem/problemen, er is niets geschreven:`);
    for (const issue of report.issues) {
      // The message minus what the line already shows: "file:line: column (field): " and "; expected …".
      const problem = issue.message.slice(`${issue.file}:${issue.line}: `.length).replace(/^[^:]*: /, '').replace(/; expected .*$/, '');
      const shown = problem && !problem.endsWith('is not valid') ? `  (${problem})` : '';
      out(`${issue.file}:${issue.line}:${issue.column}  ${issue.field || '-'}  ${issue.value === '' ? '(empty)' : issue.value}  → ${issue.expected}${shown}`);
    }
  } else if (report.confirmationNeeded) {
    out();
    out(`Nothing was written / er is niets geschreven. ${confirmationMessage(report)}`);
  } else {
    if (report.removals?.removing) out(`${report.dryRun ? 'Would remove / zou verwijderen' : 'Removed / verwijderd'}: ${describeRemovals(report.removals)}`);
    const since = report.unchangedSince;
    if (since) out(`Unchanged since run ${since.runId} (${since.finishedAt}): nothing written, in ${report.durationMs} ms / ongewijzigd sinds die import: niets geschreven.`);
    else out(report.dryRun ? 'Valid / geldig.' : `Imported in ${report.durationMs} ms / geïmporteerd${report.written === 'diff' ? ': only the rows added, changed or removed were written / alleen de gewijzigde regels geschreven' : ''}.`);
    if (report.catalogue) {
      const renames = report.catalogue.renamed.map(r => `${r.from} → ${r.to}`).join(', ');
      out(`${report.catalogue.rows} application row(s) updated only because the GEMMA catalogue renamed components they name (${renames}); the files did not change them / alleen bijgewerkt door hernoemingen in de GEMMA-catalogus.`);
    }
    if (report.headlines && 'organisations' in report.headlines) out(`Headline numbers recorded for ${report.headlines.organisations} organisation(s) in ${report.headlines.durationMs} ms / kerncijfers vastgelegd.`);
    else if (report.headlines) out(`Headline numbers not recorded / kerncijfers niet vastgelegd: ${report.headlines.error}`);
  }
}

/** A bar on stderr, only for imports large enough to wait for. */
function progressBar(): (progress: Progress) => void {
  let last = -1;
  let quarter = -1;
  return ({ phase, done, total }) => {
    if (total < PROGRESS_FROM_ROWS) return;
    const percent = Math.floor((done / total) * 100);
    if (phase !== 'done' && percent === last) return;
    last = percent;
    const width = 30;
    const filled = Math.round((percent / 100) * width);
    const text = `${phase.padEnd(7)} [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(percent).padStart(3)}% ${done}/${total}`;
    if (process.stderr.isTTY) process.stderr.write(`\r${text}${phase === 'done' ? '\n' : ''}`);
    else if (phase === 'done' || Math.floor(percent / 25) !== quarter) process.stderr.write(`${text}\n`);
    quarter = Math.floor(percent / 25);
  };
}

type CliImport = { actor: string; source?: string; paths: string[]; dryRun: boolean; bulk: boolean };

/** Runs an import and audits it like one over HTTP (a rejected or failed one too), with the OS user and host as origin. A dry run writes nothing and is not audited. */
function auditedCliImport(driver: Driver, { actor, source, paths, dryRun, bulk }: CliImport) {
  const files = paths.map(path => basename(path));
  const attempt = { actor, origin: cliOrigin(), action: 'import', object: source ?? files.join(', ') };
  return async <R extends Parameters<typeof importOutcome>[0]>(run: () => Promise<R>): Promise<R> => {
    if (dryRun) return run();
    if (!bulk) return audited(driver, attempt, run, report => importOutcome(report, files));
    // A bulk load needs an empty database, so only one that loaded is recorded: an entry for a
    // refused or failed attempt (which leaves the database empty) would stop the next one.
    const report = await run();
    if (report.ok !== false) await appendAudit(driver, { ...attempt, result: 'ok', ...importOutcome(report, files) });
    return report;
  };
}

const safeUser = () => {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
};

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main(process.argv.slice(2)).then(code => process.exit(code));
}
