// Which importer an upload is for: a small table of formats, each telling from the files' names and
// first bytes whether they are its own, tried in order; the first that recognises the files imports
// them. The web page and `POST /api/imports` take every format the CLI does through this one door,
// with the same dry run, removal guard, progress and report. One more format is one more entry.
import type { Driver } from 'neo4j-driver';
import { ForbiddenError, InputError } from '../server/errors.js';
import { importAlgoritmeregister, isAlgoritmeregister } from './algoritmeregister.js';
import { importEndOfLife, isEndOfLifeFile } from './endoflife.js';
import { importGemma } from './gemma.js';
import { importSbom, isCycloneDxFile } from './sbom.js';
import { type ImportOptions, importFiles } from './import.js';
import type { FileInput } from './mapping.js';
import { importSoftwarecatalogus, isSoftwarecatalogusExport } from './softwarecatalogus.js';
import { importSoftwarecatalogusObjects } from './softwarecatalogus-objects.js';
import { importArchimate } from './sources/archimate/import.js';
import { type ArchiModel, type FolderTree, coArchiRoot, readArchimate, readCoArchi, zipTree } from './sources/archimate/read.js';
import { unzipFiles } from './zip-guard.js';
import { fileProblem } from './file-problem.js';

export type UploadOptions = Pick<ImportOptions, 'source' | 'user' | 'dryRun' | 'allowRemovals' | 'maxRemovalShare' | 'sizeLimitBytes' | 'transactionRows' | 'onProgress'> & {
  /** The organisation an ArchiMate model (or a portfolio without a municipality column) describes. */
  organisation?: string;
  /** The application or platform (uid or name) a CycloneDX SBOM is of, when the SBOM does not say. */
  target?: string;
  /** Whether the uploader may replace the shared GEMMA catalogue (the admin role over HTTP). */
  mayReplaceCatalogue?: boolean;
};

/** An uploaded file; a zip also as the folder it holds. */
export type Upload = FileInput & { folder?: FolderTree };

export type Format = {
  /** Named in the report (`format`) and in messages. */
  name: string;
  /** Whether the files are this format: from their names and first bytes, without reading them whole. */
  detect: (files: Upload[]) => boolean;
  import: (driver: Driver, files: Upload[], options: UploadOptions) => Promise<object>;
};

const ext = (name: string) => /\.([^./]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const one = (files: Upload[], test: (file: Upload) => boolean) => files.length === 1 && test(files[0]);
const isTable = (file: Upload) => ['csv', 'txt', 'xlsx'].includes(ext(file.name)) && !file.folder;
const jsonIn = (file: Upload) => (file.folder ? file.folder.entries('').length > 0 && [...allPaths(file.folder)].some(path => ext(path) === 'json') : ext(file.name) === 'json');

/**
 * The formats, tried in this order. A model or export comes alone (one file, or one zip of a folder);
 * tables may come as several CSV files and workbooks together.
 */
export const FORMATS: Format[] = [
  {
    name: 'coarchi',
    detect: files => one(files, file => Boolean(file.folder && coArchiRoot(file.folder) !== undefined)),
    import: (driver, [file], options) => importModel(driver, readCoArchi(file.folder!), file.name, options),
  },
  {
    name: 'archimate',
    detect: files => one(files, file => !file.folder && ['xml', 'archimate'].includes(ext(file.name))),
    import: (driver, [file], options) => importModel(driver, readArchimate(file.bytes, file.name), file.name, options),
  },
  {
    // The Algoritmeregister's listing ({"algoritmes": […]}): before the Softwarecatalogus objects, which take any .json.
    name: 'algoritmeregister',
    detect: files => files.length > 0 && files.every(file => !file.folder && isAlgoritmeregister(file)),
    import: (driver, files, { source, user, dryRun, onProgress }) => importAlgoritmeregister(driver, files, { source, user, dryRun, onProgress }),
  },
  {
    // A CycloneDX SBOM (JSON) of one application or platform: its components (importers/sbom.ts).
    name: 'cyclonedx',
    detect: files => one(files, file => !file.folder && isCycloneDxFile(file)),
    import: (driver, files, options) => importSbom(driver, files, { source: options.source, user: options.user, dryRun: options.dryRun, allowRemovals: options.allowRemovals, maxRemovalShare: options.maxRemovalShare, organisation: options.organisation, target: options.target }),
  },
  {
    // Release cycles and their end of support in the endoflife.date JSON shape (importers/endoflife.ts).
    name: 'endoflife',
    detect: files => files.length > 0 && files.every(file => !file.folder && isEndOfLifeFile(file)),
    import: (driver, files, options) => importEndOfLife(driver, files, { source: options.source, user: options.user, dryRun: options.dryRun, allowRemovals: options.allowRemovals, maxRemovalShare: options.maxRemovalShare }),
  },
  {
    // The OpenRegister objects of the new Softwarecatalogus (organisaties, voorzieninggebruik,
    // contracten, koppelingen…): .json files, or a zip of them (which their reader unpacks itself).
    name: 'softwarecatalogus-objects',
    detect: files => files.length > 0 && files.every(jsonIn),
    import: (driver, files, options) => importSoftwarecatalogusObjects(driver, files.map(({ name, bytes }) => ({ name, bytes })), options),
  },
  {
    // The portfolio CSV and the catalogue's other exports (leveranciers, pakketten), alone or together.
    name: 'softwarecatalogus-portfolio',
    detect: files => files.length > 0 && files.every(file => !file.folder && isSoftwarecatalogusExport(file)),
    import: (driver, files, options) => importSoftwarecatalogus(driver, files, options),
  },
  {
    name: 'tables',
    detect: files => files.length > 0 && files.every(isTable),
    import: (driver, files, options) => importFiles(driver, files, options),
  },
];

/** The SBOM or endoflife.date format when the files are one of those (the CLI's JSON files). */
export const ictFotoFormat = (files: Upload[]): Format | undefined => FORMATS.find(format => (format.name === 'cyclonedx' || format.name === 'endoflife') && format.detect(files));

/** The first format that recognises the files, or an InputError that says what each file looks like and what is accepted. */
export function detectFormat(files: Upload[]): Format {
  const format = FORMATS.find(candidate => candidate.detect(files));
  if (format) return format;
  // What each file looks like, as a word issue-words.ts says in Dutch or English: 'zip', 'coarchi', '.pdf' or ''.
  const looks = files.map(file => (file.folder ? (coArchiRoot(file.folder) === undefined ? 'zip' : 'coarchi') : ext(file.name) ? `.${ext(file.name)}` : ''));
  const LOOKS: Record<string, string> = { zip: 'a zip without a coArchi model/folder.xml', coarchi: 'a coArchi folder', '': 'no extension' };
  const seen = files.map((file, i) => `${file.name} (${LOOKS[looks[i]] ?? looks[i]})`);
  throw fileProblem(
    `Cannot tell what to import from ${seen.join(', ')}. Upload CSV or XLSX tables (one or more), or one of: an ArchiMate exchange file (.xml), an Archi model (.archimate), a coArchi model folder as .zip, a Softwarecatalogus portfolio CSV (with its leveranciers and pakketten exports), Softwarecatalogus objects (.json or a .zip of them), the Algoritmeregister (.json), a CycloneDX SBOM (.json) or endoflife.date release cycles (.json). ` +
      '/ Onbekende bestanden: upload CSV- of XLSX-tabellen, of één ArchiMate-bestand (.xml, .archimate), een coArchi-map als .zip, een applicatieportfolio-CSV (met de export van leveranciers en pakketten), Softwarecatalogus-objecten (.json of een .zip daarvan), het Algoritmeregister (.json), een CycloneDX-SBOM (.json) of endoflife.date-releasecycli (.json).',
    { file: files.map(file => file.name).join(', '), code: 'unknown-format', params: { seen: seen.join('|'), names: files.map(file => file.name).join('|'), looks: looks.join('|') } },
  );
}

/** Unzips what is a zip (not a workbook), then imports the files with the format they are; the report says which (`detectedFormat`). */
export async function importUploads(driver: Driver, files: FileInput[], options: UploadOptions): Promise<object> {
  const uploads = await Promise.all(files.map(openUpload));
  const format = detectFormat(uploads);
  const report = await format.import(driver, uploads, options);
  return { detectedFormat: format.name, ...report };
}

export async function openUpload(file: FileInput): Promise<Upload> {
  if (ext(file.name) !== 'zip') return file;
  return { ...file, folder: zipTree(file.name, await unzipFiles(file.name, file.bytes)) };
}

function* allPaths(tree: FolderTree, dir = ''): Generator<string> {
  for (const entry of tree.entries(dir)) {
    const path = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.folder) yield* allPaths(tree, path);
    else yield path;
  }
}

/** The GEMMA reference model is the shared catalogue (source `gemma`); any other model is one organisation's landscape. */
export const isGemmaModel = (model: ArchiModel) => /^GEMMA(\s|$)/i.test(model.name.trim());

async function importModel(driver: Driver, model: ArchiModel, fileName: string, options: UploadOptions): Promise<object> {
  const { user, dryRun, allowRemovals, maxRemovalShare, onProgress } = options;
  if (isGemmaModel(model)) {
    if (options.mayReplaceCatalogue === false) throw new ForbiddenError("Replacing the GEMMA catalogue, which every organisation shares, needs the role 'admin' / De GEMMA-catalogus vervangen vraagt de rol 'admin'");
    if (options.source && options.source !== 'gemma') throw fileProblem(`${fileName}: the GEMMA model is always imported as source 'gemma', not '${options.source}' / GEMMA heeft altijd de bron 'gemma'`, { file: fileName, code: 'gemma-source', params: { source: options.source } });
    return importGemma(driver, model, { user, dryRun, allowRemovals, maxRemovalShare, onProgress, fileName });
  }
  if (!options.organisation) {
    throw fileProblem(`${fileName}: the ArchiMate model "${model.name}" describes one organisation's landscape: fill in which organisation (e.g. gm0363) / vul de organisatie in waarvan dit model het landschap is`, { file: fileName, code: 'organisation-needed', params: { model: model.name } });
  }
  return importArchimate(driver, model, { organisation: options.organisation, source: options.source, user, dryRun, allowRemovals, maxRemovalShare, onProgress, fileName });
}
