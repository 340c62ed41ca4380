// Which importer the command line hands its paths to: the same detectors the web import uses
// (importers/formats.ts), over the paths as uploads. A file is read only as far as its detector looks
// (its first bytes), a zip whole (to see what it holds), a coArchi or JSON folder as the folder tree.
import { closeSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { InputError } from '../server/errors.js';
import { type Format, type Upload, detectFormat, openUpload } from './formats.js';
import { coArchiRoot, diskTree } from './sources/archimate/read.js';

/** Bytes of a file the detectors look at: the header line of a CSV is well within this. */
const HEAD_BYTES = 64 * 1024;

/** The uploads the paths are, and the format formats.ts recognises in them. */
export async function detectPathFormat(paths: string[], zipLimitBytes: number): Promise<{ format: Format; uploads: Upload[] }> {
  // A zip is read whole to be unzipped: its size is checked first.
  for (const path of paths) {
    const size = statSync(path, { throwIfNoEntry: false })?.size ?? 0;
    if (/\.zip$/i.test(path) && size > zipLimitBytes) throw new InputError(`${basename(path)}: the file is ${(size / 1024 / 1024).toFixed(1)} MB, more than the limit of ${(zipLimitBytes / 1024 / 1024).toFixed(1)} MB`);
  }
  const uploads = await Promise.all(paths.flatMap(uploadsAt).map(upload => (/\.zip$/i.test(upload.name) ? openUpload(upload) : upload)));
  return { format: detectFormat(uploads), uploads };
}

/** A path as uploads: a coArchi or JSON folder as one folder, another folder as its files, a zip whole, any other file by its head. */
function uploadsAt(path: string): Upload[] {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) throw new InputError(`${path}: no such file or folder`);
  if (stat.isDirectory()) {
    const tree = diskTree(path);
    const names = readdirSync(path).filter(name => !name.startsWith('.') && !name.startsWith('~$') && !/^roer-(mapping|aliases)\.json$/i.test(name));
    if (coArchiRoot(tree) !== undefined || (names.length > 0 && names.some(name => /\.json$/i.test(name)) && !names.some(name => /\.(csv|txt|xlsx|xml)$/i.test(name)))) {
      return [{ name: basename(path.replace(/\/+$/, '')), bytes: new Uint8Array(0), folder: tree }];
    }
    // Any other folder is one of tables (and exports), as importFiles reads it: its .csv, .txt and .xlsx files.
    const tables = names.filter(name => /\.(csv|txt|xlsx)$/i.test(name) && statSync(join(path, name)).isFile()).sort();
    if (tables.length === 0) throw new InputError(`${path}: the folder holds no .csv or .xlsx files, no coArchi model (folder.xml) and no Softwarecatalogus objects (.json)`);
    return tables.map(name => head(join(path, name)));
  }
  return [/\.zip$/i.test(path) ? { name: basename(path), bytes: readFileSync(path) } : head(path)];
}

function head(path: string): Upload {
  const bytes = new Uint8Array(Math.min(HEAD_BYTES, statSync(path).size));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, bytes, 0, bytes.length, 0);
  } finally {
    closeSync(fd);
  }
  return { name: basename(path), bytes };
}
