// Hostile files for bench/bombs.ts and the tests of the limits: zip bombs dressed as XLSX workbooks
// (one sheet that inflates to `inflatedBytes`, honest about it or declaring a small size), and AMEFF
// files with a huge attribute, a huge text or deep nesting. Made as streams: a 1.8 GB sheet never
// exists in memory, only its deflated form.
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer; size: number; crc: number; method: 0 | 8 };

/** `size` bytes with little-endian numbers at the given offsets: [offset, bytes (2 or 4), value]. */
function record(size: number, fields: [number, 2 | 4, number][]): Buffer {
  const buffer = Buffer.alloc(size);
  for (const [offset, bytes, value] of fields) (bytes === 2 ? buffer.writeUInt16LE(value, offset) : buffer.writeUInt32LE(value, offset));
  return buffer;
}

/** A zip archive of already compressed entries; `size` is what each entry declares, true or not. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const sizes: [number, 2 | 4, number][] = [[0, 2, entry.method], [6, 4, entry.crc], [10, 4, entry.data.length], [14, 4, entry.size], [18, 2, name.length]];
    // The local header and the directory entry hold the same fields from the method on, 8 and 10 bytes in.
    const local = record(30, [[0, 4, 0x04034b50], [4, 2, 20], ...sizes.map(([at, bytes, value]) => [at + 8, bytes, value] as [number, 2 | 4, number])]);
    const central = record(46, [[0, 4, 0x02014b50], [4, 2, 20], [6, 2, 20], ...sizes.map(([at, bytes, value]) => [at + 10, bytes, value] as [number, 2 | 4, number]), [42, 4, offset]]);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = record(22, [[0, 4, 0x06054b50], [8, 2, entries.length], [10, 2, entries.length], [12, 4, directory.length], [16, 4, offset]]);
  return Buffer.concat([...locals, directory, end]);
}

/** A deflated zip entry of `text`. */
export const deflated = (name: string, text: string | Buffer): ZipEntry => {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes), method: 8 };
};

/** `head`, then `unit` repeated until about `bytes`, then `tail`, deflated as it is made. */
export async function deflatedRepeat(name: string, head: string, unit: string, bytes: number, tail: string): Promise<ZipEntry> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const block = Buffer.from(unit.repeat(Math.max(1, Math.floor((256 * 1024) / unit.length))));
  let size = 0;
  let crc = crc32(head);
  deflater.write(head);
  size += Buffer.byteLength(head);
  while (size + block.length <= bytes) {
    crc = crc32(block, crc);
    size += block.length;
    if (!deflater.write(block)) await once(deflater, 'drain');
  }
  crc = crc32(tail, crc);
  size += Buffer.byteLength(tail);
  deflater.end(tail);
  await once(deflater, 'end');
  return { name, data: Buffer.concat(out), size, crc, method: 8 };
}

const WORKBOOK_PARTS = (sheet: string) => [
  deflated('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
  deflated('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
  deflated('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`),
  deflated('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
];

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

export type XlsxBombOptions = {
  /** About how large the sheet's XML is once inflated. */
  inflatedBytes: number;
  /** What the zip says the sheet inflates to (default: the truth). */
  declaredBytes?: number;
  /** The sheet's row (default: one cell of 64 KB of `a`, which compresses about 1000×). */
  row?: string;
};

/** A workbook with one sheet `suppliers` whose rows inflate to `inflatedBytes`. */
export async function xlsxBomb(options: XlsxBombOptions): Promise<Buffer> {
  const row = options.row ?? `<row><c t="inlineStr"><is><t>${'a'.repeat(64 * 1024)}</t></is></c></row>`;
  const sheet = await deflatedRepeat('xl/worksheets/sheet1.xml', SHEET_HEAD, row, options.inflatedBytes, SHEET_TAIL);
  return zipOf([...WORKBOOK_PARTS('suppliers'), { ...sheet, size: options.declaredBytes ?? sheet.size }]);
}

/** A real workbook's sheet, but large: numbered rows of text that compress about 10×. */
export function xlsxLarge(inflatedBytes: number): Promise<Buffer> {
  const rows: string[] = ['<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c></row>'];
  let size = SHEET_HEAD.length + SHEET_TAIL.length;
  for (let i = 2; size < inflatedBytes; i++) {
    const row = `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>s${i}</t></is></c><c r="B${i}" t="inlineStr"><is><t>Leverancier ${(i * 7919) % 100_003} B.V.</t></is></c></row>`;
    rows.push(row);
    size += row.length;
  }
  const sheet = deflated('xl/worksheets/sheet1.xml', SHEET_HEAD + rows.join('') + SHEET_TAIL);
  return Promise.resolve(zipOf([...WORKBOOK_PARTS('suppliers'), sheet]));
}

/** A zip of `count` tiny entries (the directory alone is the weight). */
export function zipOfManyEntries(count: number): Buffer {
  const tiny = deflated('x', 'x');
  return zipOf([...WORKBOOK_PARTS('suppliers'), ...Array.from({ length: count }, (_, i) => ({ ...tiny, name: `xl/media/${i}.xml` }))]);
}

const AMEFF_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="id-bomb">\n<name>Bomb</name>\n<elements>\n';
const AMEFF_TAIL = '</elements>\n</model>\n';

/** An AMEFF model whose one element has a name attribute of `chars` characters. */
export const ameffWithAttribute = (chars: number) =>
  Buffer.from(`${AMEFF_HEAD}<element identifier="id-1" xsi:type="ApplicationComponent" label="${'a'.repeat(chars)}"><name>A</name></element>\n${AMEFF_TAIL}`);

/** An AMEFF model whose one element has documentation of `chars` characters. */
export const ameffWithText = (chars: number) =>
  Buffer.from(`${AMEFF_HEAD}<element identifier="id-1" xsi:type="ApplicationComponent"><name>A</name><documentation>${'d'.repeat(chars)}</documentation></element>\n${AMEFF_TAIL}`);

/** An AMEFF model with `depth` nested organisation items. */
export const ameffNested = (depth: number) =>
  Buffer.from(`${AMEFF_HEAD}${AMEFF_TAIL.slice(0, -'</model>\n'.length)}<organizations>${'<item>'.repeat(depth)}${'</item>'.repeat(depth)}</organizations>\n</model>\n`);
