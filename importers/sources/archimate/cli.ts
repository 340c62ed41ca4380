// The ArchiMate, GEMMA and Softwarecatalogus branch of `npm run import` (importers/cli.ts hands over
// when importers/formats.ts detects a model or Softwarecatalogus objects): prints the report in English and Dutch, returns the exit code.
import type { Driver } from 'neo4j-driver';
import { InputError } from '../../../server/errors.js';
import { importGemma } from '../../gemma.js';
import { confirmationMessage } from '../../import.js';
import { importSoftwarecatalogus, type SwcImportReport } from '../../softwarecatalogus.js';
import { importSoftwarecatalogusObjects, isSoftwarecatalogusObjects } from '../../softwarecatalogus-objects.js';
import { describeRemovals } from '../../removals.js';
import { type ArchimateImportReport, importArchimate } from './import.js';
import { type ArchiModel, readArchimate } from './read.js';
import { isGemmaModel } from '../../formats.js';

export type ModelCliOptions = {
  organisation?: string; gemma?: boolean; source?: string; user?: string; dryRun?: boolean; allowRemovals?: boolean; maxRemovalShare?: number;
  /** The format importers/formats.ts detected (the CLI's detection is the web import's); absent: told from the path. */
  format?: string;
  /** The model already read (a coArchi zip, unzipped). */
  model?: ArchiModel;
};

/** Imports and prints the report; returns it (with `ok: false` when the file had problems and nothing was written) for the exit code and the audit log. */
export async function runModelImport(driver: Driver, path: string, options: ModelCliOptions, out: (line?: string) => void = line => process.stdout.write(`${line ?? ''}\n`), paths: string[] = [path]): Promise<ArchimateImportReport | SwcImportReport> {
  const objects = options.format ? options.format === 'softwarecatalogus-objects' : /\.zip$/i.test(path) || isSoftwarecatalogusObjects(path);
  if (objects) {
    const report = await importSoftwarecatalogusObjects(driver, paths, options);
    out(`Source ${report.source}${report.dryRun ? ' (dry run: nothing written / proefrun: niets geschreven)' : ''}${report.runId ? `, run ${report.runId}` : ''}`);
    out(`objects / objecten: ${Object.entries(report.objects).map(([schema, n]) => `${schema} ${n}`).join(', ')}`);
    printSwcReport(report, out);
    for (const warning of report.warnings) out(`warning / waarschuwing: ${warning.message}`);
    return report;
  }
  if (/\.csv$/i.test(path)) {
    const report = await importSoftwarecatalogus(driver, path, options);
    out(`Source ${report.source}${report.dryRun ? ' (dry run: nothing written / proefrun: niets geschreven)' : ''}${report.runId ? `, run ${report.runId}` : ''}`);
    printSwcReport(report, out);
    return report;
  }
  const model = options.model ?? readArchimate(path);
  // As the web import (importers/formats.ts): a model named GEMMA is the catalogue, also without --gemma.
  if (options.gemma || isGemmaModel(model)) {
    const report = await importGemma(driver, model, { ...options, fileName: path });
    printModelReport(report, out);
    if (report.confirmationNeeded) return report;
    out(`GEMMA ${report.release ?? ''}: ${report.referenceComponents} reference components / referentiecomponenten, ${report.businessFunctions} business functions / bedrijfsfuncties, ${report.renamed} renamed / hernoemd`);
    for (const { source, rows } of report.reresolved) out(`${source}: ${rows} application row(s) follow the renamed components, so its unchanged files re-import as unchanged / ${rows} applicatie(s) volgen de nieuwe namen, dus ongewijzigde bestanden blijven ongewijzigd`);
    return report;
  }
  if (!options.organisation) {
    throw new InputError('An ArchiMate model needs --organisation <gemeente-id> (or --gemma for the GEMMA reference model) / een ArchiMate-model heeft --organisation nodig');
  }
  const report = await importArchimate(driver, model, { ...options, fileName: path });
  printModelReport(report, out);
  for (const merge of report.merges) out(`merged supplier / leverancier samengevoegd: ${merge.archimateId} "${merge.name}" → ${merge.into} "${merge.intoName}"`);
  return report;
}

function printSwcReport(report: SwcImportReport, out: (line?: string) => void) {
  for (const [table, counts] of Object.entries(report.tables)) if (counts.read) out(`${table}: ${JSON.stringify(counts)}`);
  if (report.unresolvedReferenceComponents.length) out(`not in the GEMMA catalogue / niet in de GEMMA-catalogus: ${report.unresolvedReferenceComponents.join(', ')}`);
  for (const issue of report.issues) out(issue.message);
  if (report.confirmationNeeded) out(`Nothing was written / er is niets geschreven. ${confirmationMessage(report)}`);
}

export function printModelReport(report: ArchimateImportReport, out: (line?: string) => void) {
  out(`Source ${report.source}${report.dryRun ? ' (dry run: nothing written / proefrun: niets geschreven)' : ''}${report.runId ? `, run ${report.runId}` : ''}`);
  if (report.confirmationNeeded) {
    out(`Nothing was written / er is niets geschreven: this import would remove ${describeRemovals(report.removals)} from ${report.source}, more than ${Math.round(report.removals.maxShare * 100)}% of a kind. Check the model, or confirm with --allow-removals.`);
    return;
  }
  if (report.removals.removing) out(`${report.dryRun ? 'Would remove / zou verwijderen' : 'Removed / verwijderd'}: ${describeRemovals(report.removals)}`);
  out(`${report.format} "${report.model}": ${report.elements} elements / elementen, ${report.relationships} relationships / relaties, ${report.views} views`);
  out(`mapped / toegewezen: ${Object.entries(report.mapped).map(([kind, n]) => `${kind} ${n}`).join(', ')}`);
  if (Object.keys(report.unmapped).length) out(`kept as generic elements / bewaard als generieke elementen: ${Object.entries(report.unmapped).map(([type, n]) => `${type} ${n}`).join(', ')}`);
  out(`derived / afgeleid: ${Object.entries(report.derived).map(([type, n]) => `${type} ${n}`).join(', ') || '-'}`);
  for (const [label, counts] of Object.entries(report.graph.nodes)) {
    if (counts.created + counts.updated + counts.unchanged) out(`${label}: created ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, removed ${report.graph.removed[label] ?? 0}`);
  }
  const removedRels = Object.entries(report.graph.removed).filter(([type]) => type === type.toUpperCase());
  if (removedRels.length) out(`removed relationships / verwijderde relaties: ${removedRels.map(([type, n]) => `${type} ${n}`).join(', ')}`);
  for (const skipped of report.skipped) out(`skipped / overgeslagen: ${skipped.type} ${skipped.id}: ${skipped.reason}`);
  for (const warning of report.warnings) out(`warning / waarschuwing: ${warning}`);
}
