// An XLSX workbook is a zip archive, and exceljs inflates all of it in memory, on the event loop,
// before it reads a cell: a 1.8 MB zip bomb took 158 s and 2.8 GB. So the archive is checked first:
// its directory (entries, methods, declared sizes and ratios), then every entry inflated in zlib's
// thread pool with the output counted and thrown away as it comes, stopping at the size the entry
// declared or the workbook's limit, whichever is less. What an entry says about itself is not trusted.
import { promisify } from 'node:util';
import { createInflateRaw, inflateRaw } from 'node:zlib';
import { fileProblem } from './file-problem.js';

export type ZipLimits = {
  /** Entries in the archive (a workbook has a dozen, one per sheet more). */
  entries: number;
  /** All entries inflated together. exceljs holds about 12 bytes of memory per byte of sheet XML. */
  inflatedBytes: number;
  /** Inflated ÷ compressed size per entry; worksheets compress 5–15×, bombs 1000×. */
  ratio: number;
  /** Entries up to this size inflated may have any ratio (tiny XML files compress oddly). */
  graceBytes: number;
  /** What the archive is, in messages: 'an XLSX workbook', 'a zip archive'. */
  kind?: string;
  /** The same for the words people read (importers/issue-words.ts); a workbook when not given. */
  archive?: Archive;
};
export type Archive = 'workbook' | 'zip' | 'objects';
const archiveOf = (limits: ZipLimits): Archive => limits.archive ?? 'workbook';

const MB = 1024 * 1024;
const inflate = promisify(inflateRaw);
export const XLSX_LIMITS: ZipLimits = { entries: 2000, inflatedBytes: 32 * MB, ratio: 100, graceBytes: 1 * MB };

type Entry = { name: string; method: number; flags: number; compressed: number; size: number; offset: number };

/** Throws InputError naming the file and what is wrong, unless the archive stays within `limits`. */
export async function checkZip(file: string, bytes: Uint8Array, limits: ZipLimits = XLSX_LIMITS): Promise<void> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = directory(file, buffer, limits);
  const mb = (size: number) => `${(size / MB).toFixed(1)} MB`;
  const archive = archiveOf(limits);
  const tooLarge = (what: string, size?: number) =>
    fileProblem(limits.kind ? `${file}: ${what}; ${limits.kind} may unpack to at most ${mb(limits.inflatedBytes)}` : `${file}: ${what}; a workbook may unpack to at most ${mb(limits.inflatedBytes)} (save large tables as CSV, which has no such limit)`,
      { file, code: 'zip-too-large', params: { archive, size, max: limits.inflatedBytes } });
  const declared = entries.reduce((sum, entry) => sum + entry.size, 0);
  if (declared > limits.inflatedBytes) throw tooLarge(`the ${limits.kind ? 'archive' : 'workbook'} unpacks to ${mb(declared)}`, declared);
  let total = 0;
  for (const entry of entries) {
    if (entry.size > limits.graceBytes && entry.size > entry.compressed * limits.ratio) {
      const times = Math.round(entry.size / Math.max(1, entry.compressed));
      throw fileProblem(`${file}: part ${entry.name} would unpack ${times} times its size (at most ${limits.ratio} times is accepted): ${limits.kind ? 'not an archive made by a zip program' : 'not a workbook saved by a spreadsheet program'}`,
        { file, code: 'zip-bomb', params: { archive, part: entry.name, times, max: limits.ratio } });
    }
    const data = entryData(file, buffer, entry, limits);
    const cap = Math.min(entry.size, limits.inflatedBytes - total);
    const size = entry.method === 0 ? data.length : await inflatedSize(file, entry.name, data, cap, limits);
    if (size > entry.size || (entry.method === 0 && size !== entry.size)) {
      throw fileProblem(`${file}: part ${entry.name} unpacks to more than the ${entry.size} bytes it declares: the archive is damaged or forged`, { file, code: 'zip-forged', params: { archive, part: entry.name, size: entry.size } });
    }
    total += size;
    if (total > limits.inflatedBytes) throw tooLarge(`the ${limits.kind ? 'archive' : 'workbook'} unpacks to more than that`);
  }
}

/** The central directory (the end of the archive), with every offset and size checked against the bytes. */
function directory(file: string, buffer: Buffer, limits: ZipLimits): Entry[] {
  const archive = archiveOf(limits);
  const damaged = (what: string, why: string, part?: string) =>
    fileProblem(`${file}: not readable as ${limits.kind ?? 'an XLSX workbook'} (${what})`, { file, code: 'zip-unreadable', params: { archive, why, part } });
  const end = endOfDirectory(buffer);
  if (end < 0) throw damaged('no zip directory at its end; the file is cut off or not a workbook', 'cut-off');
  const count = buffer.readUInt16LE(end + 10);
  const size = buffer.readUInt32LE(end + 12);
  const start = buffer.readUInt32LE(end + 16);
  if (count === 0xffff || start === 0xffffffff) throw damaged('a ZIP64 archive, which no workbook of an acceptable size needs', 'zip64');
  if (count > limits.entries) {
    throw fileProblem(`${file}: ${count} parts in the archive; ${limits.kind ? 'more than a model folder holds' : 'a workbook has far fewer'} (at most ${limits.entries} are accepted)`,
      { file, code: 'zip-too-many-entries', params: { archive, count, max: limits.entries } });
  }
  if (start + size > end) throw damaged('its directory points outside the file', 'directory');
  const entries: Entry[] = [];
  let at = start;
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || buffer.readUInt32LE(at) !== 0x02014b50) throw damaged(`directory entry ${i + 1} is missing`, 'entry-missing', String(i + 1));
    const nameLength = buffer.readUInt16LE(at + 28);
    const entry: Entry = {
      flags: buffer.readUInt16LE(at + 8),
      method: buffer.readUInt16LE(at + 10),
      compressed: buffer.readUInt32LE(at + 20),
      size: buffer.readUInt32LE(at + 24),
      offset: buffer.readUInt32LE(at + 42),
      name: buffer.toString('utf8', at + 46, Math.min(at + 46 + nameLength, end)),
    };
    if (entry.flags & 0x1) throw fileProblem(`${file}: ${limits.kind ? 'the archive' : 'the workbook'} is encrypted (protected with a password); save it without a password`, { file, code: 'zip-encrypted', params: { archive } });
    if (entry.method !== 0 && entry.method !== 8) throw damaged(`part ${entry.name} is compressed with method ${entry.method}; workbooks use deflate`, 'method', entry.name);
    if (entry.compressed === 0xffffffff || entry.size === 0xffffffff) throw damaged('a ZIP64 archive, which no workbook of an acceptable size needs', 'zip64');
    entries.push(entry);
    at += 46 + nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
  }
  return entries;
}

/** Offset of the end-of-central-directory record: the last 22 bytes, or before a comment of up to 64 KB. */
function endOfDirectory(buffer: Buffer): number {
  for (let at = buffer.length - 22; at >= Math.max(0, buffer.length - 22 - 0xffff); at--) {
    if (buffer.readUInt32LE(at) === 0x06054b50) return at;
  }
  return -1;
}

function entryData(file: string, buffer: Buffer, entry: Entry, limits: ZipLimits): Buffer {
  const kind = limits.kind ?? 'an XLSX workbook';
  const damaged = (what: string, why: string) => fileProblem(`${file}: not readable as ${kind} (part ${entry.name} ${what})`, { file, code: 'zip-unreadable', params: { archive: archiveOf(limits), why, part: entry.name } });
  const at = entry.offset;
  if (at + 30 > buffer.length || buffer.readUInt32LE(at) !== 0x04034b50) throw damaged('is not where the directory says', 'misplaced');
  const start = at + 30 + buffer.readUInt16LE(at + 26) + buffer.readUInt16LE(at + 28);
  if (start + entry.compressed > buffer.length) throw damaged('runs past the end of the file', 'truncated');
  return buffer.subarray(start, start + entry.compressed);
}

/**
 * The inflated size of `data`, or the first count past `cap`: inflated in the thread pool (the event
 * loop stays free for other requests), the output counted and dropped as it comes.
 */
function inflatedSize(file: string, name: string, data: Buffer, cap: number, limits: ZipLimits): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    inflater.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflater.destroy();
        resolve(size);
      }
    });
    inflater.on('end', () => resolve(size));
    inflater.on('error', error => reject(fileProblem(`${file}: not readable as ${limits.kind ?? 'an XLSX workbook'} (part ${name}: ${error.message})`, { file, code: 'zip-unreadable', params: { archive: archiveOf(limits), why: 'inflate', part: name, detail: error.message } })));
    inflater.end(data);
  });
}

/**
 * A coArchi model folder or a folder of exported objects, zipped: thousands of small files (GEMMA: 9,475
 * files, 8.5 MB), so more entries than a workbook has but the same checks against bombs.
 */
export const FOLDER_ZIP_LIMITS: ZipLimits = { entries: 100_000, inflatedBytes: 128 * MB, ratio: 100, graceBytes: 1 * MB, kind: 'a zip archive', archive: 'zip' };
/** Limits for a zip of JSON objects (the Softwarecatalogus' OpenRegister objects): many small files, JSON compresses 5–20×. */
export const OBJECTS_LIMITS: ZipLimits = { entries: 100_000, inflatedBytes: 200 * MB, ratio: 100, graceBytes: 1 * MB, kind: 'a zip of Softwarecatalogus objects', archive: 'objects' };

/** Folders the archiving tools add beside the files (macOS resource forks). */
const TOOL_FOLDERS = /^(__MACOSX\/|.*\/\.DS_Store$|\.DS_Store$)/;

/**
 * The files of an archive, by their path inside it (`model/folder.xml`), once checkZip has found it
 * within `limits`: each entry inflated in the thread pool to at most the size it declared. Folders are
 * implied by the paths; a path that climbs out (`../x`) or starts at the root is refused.
 */
export async function unzipFiles(file: string, bytes: Uint8Array, limits: ZipLimits = FOLDER_ZIP_LIMITS): Promise<Map<string, Uint8Array>> {
  await checkZip(file, bytes, limits);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files = new Map<string, Uint8Array>();
  for (const entry of directory(file, buffer, limits)) {
    if (entry.name.endsWith('/') || TOOL_FOLDERS.test(entry.name)) continue;
    const path = entry.name.replace(/\\/g, '/');
    if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')) throw fileProblem(`${file}: the archive holds a path outside its folder (${path.slice(0, 200)})`, { file, code: 'zip-path-outside', params: { path: path.slice(0, 200) } });
    const data = entryData(file, buffer, entry, limits);
    const content = entry.method === 0 ? data : await inflate(data, { maxOutputLength: Math.max(1, entry.size) }).catch((error: Error) => {
      throw fileProblem(`${file}: part ${path} cannot be unpacked (${error.message})`, { file, code: 'zip-unreadable', params: { archive: archiveOf(limits), why: 'inflate', part: path, detail: error.message } });
    });
    files.set(path, content);
  }
  return files;
}
