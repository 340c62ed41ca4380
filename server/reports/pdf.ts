// A dependency report as a PDF that can be handed on (pdfkit, laid out by hand): the answer on the
// first page, then the dependency picture and the tables, each column as wide as its content,
// rows wrapping, headers repeated after a page break, page number and date on every page.
import type { Row } from '../analyses/types.js';
import { formatDate, formatDateTime } from '../format.js';
import type { Language } from '../labels.js';
import { type Answer, reportAnswer, reportFacts, reportSubtitle, trendNotes } from './answer.js';
import { KIND_COLOURS, type Picture, pictureIntro, pictureLayout } from './picture.js';
import type { ReportData } from './report-data.js';
import { actionsTable, type Section, type SectionColumn, cellText, reportSections, sectionHeading } from './sections.js';
import { TREND_METRICS, type TrendPoint, trendChartPoints, trendSentences, trendSpan, trendTableByNumber, trendValue } from './trend.js';
import { reportText } from './words.js';

type Doc = PDFKit.PDFDocument;

const MARGIN = { top: 50, bottom: 56, left: 50, right: 50 };
const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b8bec6';
const STRIPE = '#f2f4f6';
/** Rows of one table in the PDF; the report's spreadsheet has every row. */
export const PDF_TABLE_ROWS = 400;

// The standard PDF fonts know Windows-1252 only: other characters are written as their nearest
// ASCII letter ("ł" → "l") or a sign that is there ("≥" → ">="), never as mojibake. They have no
// arrow at all ("›" read as a misprint): "→" leaves room (ARROW_SLOT) where drawArrows draws one.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** The room an arrow takes in a line: three no-break spaces (about the width of "→" in a font that has it), never broken apart. */
export const ARROW_SLOT = '\u00a0\u00a0\u00a0';
const REPLACEMENTS: Record<string, string> = { '→': ARROW_SLOT, '←': '‹', '−': '–', '≥': '>=', '≤': '<=', 'ł': 'l', 'Ł': 'L', 'ı': 'i', 'đ': 'd', 'Đ': 'D', '\u2009': ' ', '\u202f': ' ' };
export function pdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char) || char === '\n') out += char;
    else out += REPLACEMENTS[char] ?? (char.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '') || '?');
  }
  return out;
}

type Fragment = (this: Doc, text: string, x: number, y: number, options: PDFKit.Mixins.TextOptions & { lineWidth?: number; textWidth?: number; wordCount?: number }) => void;

/**
 * Draws an arrow in every ARROW_SLOT that `doc` writes, in the text's colour at the height of a dash.
 * Hooks pdfkit's one writer of a line's text (`_fragment`), so wrapping, measuring and alignment stay
 * pdfkit's. Text extraction reads the slot as spaces ("3.750   5.000"): pdftotext misplaces an
 * ActualText "→" in pdfkit's pages.
 */
function drawArrows(doc: Doc): void {
  const internal = doc as unknown as { _fragment: Fragment; _fontSize: number; _font: { name: string } };
  const fragment = internal._fragment;
  internal._fragment = function (text, x, y, options) {
    fragment.call(this, text, x, y, options);
    if (!text.includes(ARROW_SLOT)) return;
    // Where the line starts, as pdfkit aligned it.
    let at = x;
    if (options.width && options.align === 'right') at += (options.lineWidth ?? 0) - this.widthOfString(text.replace(/\s+$/, ''), options);
    else if (options.width && options.align === 'center') at += (options.lineWidth ?? 0) / 2 - (options.textWidth ?? this.widthOfString(text, options)) / 2;
    const size = internal._fontSize;
    const slot = this.widthOfString(ARROW_SLOT, options);
    // The baseline is an ascender below the line's top (pdfkit's default); the arrow at a dash's height above it.
    const middle = y + (0.718 - 0.27) * size;
    const thick = (/Bold/.test(internal._font.name) ? 0.1 : 0.07) * size;
    const head = 0.3 * size;
    const parts = text.split(ARROW_SLOT);
    let before = '';
    for (const part of parts.slice(0, -1)) {
      before += part;
      const start = at + this.widthOfString(before, options);
      const [from, to] = [start + 0.06 * size, start + slot - 0.06 * size];
      this.save();
      this.rect(from, middle - thick / 2, to - from - head * 0.6, thick).fill();
      this.polygon([to - head, middle - head * 0.55], [to, middle], [to - head, middle + head * 0.55]).fill();
      this.restore();
      before += ARROW_SLOT;
    }
  };
}

const bottomOf = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
const widthOf = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const ensure = (doc: Doc, height: number) => { if (doc.y + height > bottomOf(doc)) doc.addPage(); };

/** A heading kept on one page with `keep` points of what follows it (a table's header and first rows). */
function heading(doc: Doc, title: string, size = 13, keep = 70) {
  doc.font('Helvetica-Bold').fontSize(size);
  ensure(doc, size * 0.6 * 1.2 + doc.heightOfString(pdfText(title), { width: widthOf(doc) }) + 4 + keep);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(size).fillColor(INK).text(pdfText(title), MARGIN.left, doc.y, { width: widthOf(doc) });
  doc.moveDown(0.25).font('Helvetica').fontSize(9);
}

function paragraph(doc: Doc, text: string, size = 9.5, colour = INK) {
  doc.font('Helvetica').fontSize(size).fillColor(colour).text(pdfText(text), MARGIN.left, doc.y, { width: widthOf(doc), lineGap: 1.5 });
}

/** The key figures as a row of boxes: the big number, its meaning under it. */
function figures(doc: Doc, items: Answer['figures']) {
  const perRow = items.length <= 5 ? items.length : 4;
  const gap = 8;
  const width = (widthOf(doc) - gap * (perRow - 1)) / perRow;
  for (let start = 0; start < items.length; start += perRow) {
    const row = items.slice(start, start + perRow);
    const height = 16 + Math.max(...row.map(f => doc.font('Helvetica').fontSize(8).heightOfString(pdfText(f.label), { width: width - 14 }))) + 16;
    ensure(doc, height + gap);
    const y = doc.y;
    row.forEach((figure, i) => {
      const x = MARGIN.left + i * (width + gap);
      doc.rect(x, y, width, height).fillColor(STRIPE).fill();
      doc.rect(x, y, 3, height).fillColor('#0b5cad').fill();
      let size = 15;
      while (size > 9 && doc.font('Helvetica-Bold').fontSize(size).widthOfString(pdfText(figure.value)) > width - 14) size--;
      doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(pdfText(figure.value), x + 9, y + 6 + (15 - size) / 2, { width: width - 14, lineBreak: false });
      doc.font('Helvetica').fontSize(8).fillColor(MUTED).text(pdfText(figure.label), x + 9, y + 26, { width: width - 14 });
    });
    doc.y = y + height + gap;
  }
  doc.x = MARGIN.left;
}

function bullets(doc: Doc, items: string[], none: string) {
  if (items.length === 0) return paragraph(doc, none, 9.5, MUTED);
  for (const item of items) {
    doc.font('Helvetica').fontSize(9.5);
    const height = doc.heightOfString(pdfText(item), { width: widthOf(doc) - 14 });
    ensure(doc, height + 4);
    const y = doc.y;
    doc.fillColor('#a30000').circle(MARGIN.left + 4, y + 5, 2).fill();
    doc.fillColor(INK).text(pdfText(item), MARGIN.left + 14, y, { width: widthOf(doc) - 14, lineGap: 1 });
    doc.y += 3;
  }
  doc.x = MARGIN.left;
}

/**
 * The pieces pdfkit's line breaker keeps whole: a word with the space after it (the last without).
 * pdfkit breaks a piece mid-word when it is wider than the line, trailing space included, so every
 * width that must hold a word is measured on these.
 */
const pieces = (text: string): string[] => text.split(/(?<=\s)(?=\S)/);

const NUMERIC = new Set(['integer', 'decimal', 'money', 'percent']);
const FIXED = new Set(['integer', 'decimal', 'money', 'percent', 'date', 'dateTime', 'yesNo', 'criticality', 'kind', 'band']);

/**
 * Column widths from content: each column as wide as its widest cell and its header's longest word
 * (headers wrap first). Space left over widens the headers, then the columns of running text;
 * when the page is too narrow, the running text (names, lists) gives up width in proportion and
 * wraps, figures and dates never do.
 */
export function columnWidths(doc: Doc, columns: SectionColumn[], cells: string[][], available: number, padding = 8): number[] {
  const measured = columns.map((column, index) => {
    doc.font('Helvetica').fontSize(8);
    const content = Math.max(0, ...cells.map(row => doc.widthOfString(row[index])));
    // The longest word of any cell: a column narrower than that breaks a word mid-way.
    const cellWord = Math.max(0, ...cells.flatMap(row => pieces(row[index]).map(part => doc.widthOfString(part))));
    doc.font('Helvetica-Bold').fontSize(8);
    const word = Math.max(...pieces(pdfText(column.header)).map(part => doc.widthOfString(part)));
    const header = doc.widthOfString(pdfText(column.header));
    const fixed = FIXED.has(column.type);
    const base = Math.max(content, word) + padding;
    // The narrowest a column may get before its cells break: header words may go smaller type before that (fitting), cells' words not.
    // A header word still fits at 5.5 pt (fitting): 70 % of its width at 8 pt.
    const floor = Math.max(fixed ? content : Math.max(cellWord, Math.min(content, 70)), word * 0.7) + padding;
    return { base, fixed, floor, header: Math.max(base, Math.min(header, 120) + padding), least: fixed ? base : Math.max(word, cellWord, Math.min(content, 70)) + padding };
  });
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const widths = measured.map(m => m.base);
  let spare = available - sum(widths);
  if (spare < 0) {
    // Too wide: running text shrinks towards its least width, in proportion to what it can give.
    const give = measured.map(m => (m.fixed ? 0 : m.base - m.least));
    const total = sum(give) || 1;
    const cut = Math.min(-spare, sum(give));
    const shrunk = widths.map((width, i) => width - (give[i] / total) * cut);
    if (sum(shrunk) <= available + 0.01) return shrunk;
    // Still wider than the page (many columns with long header words): every column gives up what its
    // header words take beyond its cells, alike, so headers break mid-word and dates and figures do not;
    // only when even the cells do not fit does every column narrow alike.
    const floors = measured.map(m => Math.min(m.floor, m.base));
    const room = sum(shrunk) - sum(floors);
    const need = sum(shrunk) - available;
    if (need <= room) return shrunk.map((width, i) => width - ((width - floors[i]) / room) * need);
    return floors.map(width => (width * available) / sum(floors));
  }
  measured.forEach((m, i) => { const more = Math.min(spare, m.header - widths[i]); widths[i] += more; spare -= more; });
  const text = measured.map((m, i) => (m.fixed ? 0 : widths[i]));
  const textTotal = sum(text);
  // Stretch to the page only when the table nearly fills it; a short table stays as narrow as it is.
  if (textTotal > 0 && spare < available * 0.3) return widths.map((width, i) => width + (text[i] / textTotal) * spare);
  return widths;
}

/**
 * The type size, 8 pt or less, at which every word of `text` fits `width` in the current font: a long
 * word ("Bestuursondersteuning", "Kritikaliteit") in a narrow column prints smaller rather than broken
 * mid-word without a hyphen (columnWidths leaves room for 5.5 pt); below 5 pt it breaks after all.
 */
function fitting(doc: Doc, text: string, width: number, size = 8): number {
  doc.fontSize(size);
  const longest = Math.max(0, ...pieces(text).map(word => doc.widthOfString(word)));
  return longest <= width ? size : Math.max(5, Math.floor(((size * width) / longest) * 8) / 8 - 0.125);
}

/** Rows a table keeps together at a page break: with its heading, and on the page its last rows go to. */
const KEEP_ROWS = 2;

type TableOptions = { rows?: number; note?: (shown: number, total: number) => string };

/** The height of the notes under a table (8 pt, muted), with the space above them. */
const notesHeight = (doc: Doc, notes: string[]) =>
  notes.length === 0 ? 0 : notes.reduce((sum, note) => sum + doc.font('Helvetica').fontSize(8).heightOfString(pdfText(note), { width: widthOf(doc), lineGap: 1.5 }), 4);

/**
 * A table measured for the current page width, drawn by `draw()`: `lead` is what must fit under its
 * heading (the header and the first rows).
 * `after`: notes that belong under the table ("3 weggelaten: …"); they and the truncation note stay on
 * the page of the table's last rows, never alone at the top of the next.
 */
function tableLayout(doc: Doc, section: Pick<Section, 'columns' | 'rows' | 'printed'>, data: Pick<ReportData, 'organisations'>, language: Language, after: string[] = []) {
  const shown = section.rows.slice(0, section.printed ?? PDF_TABLE_ROWS);
  const cells = shown.map(row => section.columns.map(column => pdfText(cellText(column, row, language, data))));
  const widths = columnWidths(doc, section.columns, cells, widthOf(doc));
  const total = widths.reduce((sum, w) => sum + w, 0);
  const pad = 4;
  doc.font('Helvetica-Bold');
  const headerSizes = section.columns.map((column, i) => fitting(doc, pdfText(column.header), widths[i] - 2 * pad));
  const headerHeight = Math.max(...section.columns.map((column, i) => doc.fontSize(headerSizes[i]).heightOfString(pdfText(column.header), { width: widths[i] - 2 * pad }))) + 6;
  doc.font('Helvetica');
  const sizes = cells.map(row => row.map((text, i) => fitting(doc, text, widths[i] - 2 * pad)));
  const heights = cells.map((row, r) => Math.max(...row.map((text, i) => doc.fontSize(sizes[r][i]).heightOfString(text || ' ', { width: widths[i] - 2 * pad }))) + 5);
  const sum = (from: number, to: number) => heights.slice(from, to).reduce((a, b) => a + b, 0);
  const header = () => {
    const y = doc.y;
    let x = MARGIN.left;
    doc.font('Helvetica-Bold');
    section.columns.forEach((column, i) => {
      doc.fontSize(headerSizes[i]).fillColor(INK).text(pdfText(column.header), x + pad, y + 2, { width: widths[i] - 2 * pad, align: NUMERIC.has(column.type) ? 'right' : 'left' });
      x += widths[i];
    });
    doc.moveTo(MARGIN.left, y + headerHeight).lineTo(MARGIN.left + total, y + headerHeight).lineWidth(0.8).strokeColor(INK).stroke();
    doc.y = y + headerHeight + 2;
  };
  const lead = headerHeight + 2 + sum(0, Math.min(KEEP_ROWS, heights.length)) + (heights.length <= KEEP_ROWS ? notesHeight(doc, after) : 0);
  function draw(options: TableOptions = {}) {
    const count = Math.min(options.rows ?? cells.length, cells.length);
    const note = options.note ?? ((n: number, all: number) => reportText(language, 'truncated', { shown: n, total: all }));
    const notes = [...(section.rows.length > count ? [note(count, section.rows.length)] : []), ...after];
    const tail = notesHeight(doc, notes);
    if (doc.y + lead + (count <= KEEP_ROWS ? tail : 0) > bottomOf(doc)) doc.addPage();
    header();
    let onPage = 0;
    for (let index = 0; index < count; index++) {
      const space = bottomOf(doc) - doc.y;
      // Never a lone row: the last rows go over together, with the notes under the table, and a page keeps at least the rows it started with.
      const widow = index === count - KEEP_ROWS && count - index >= 2 && sum(index, count) + tail > space && onPage >= KEEP_ROWS;
      if (heights[index] > space || widow) { doc.addPage(); header(); onPage = 0; }
      const y = doc.y;
      if (index % 2 === 1) doc.rect(MARGIN.left, y, total, heights[index]).fillColor(STRIPE).fill();
      let x = MARGIN.left;
      doc.font('Helvetica');
      cells[index].forEach((text, i) => {
        doc.fontSize(sizes[index][i]).fillColor(INK).text(text, x + pad, y + 2.5, { width: widths[i] - 2 * pad, align: NUMERIC.has(section.columns[i].type) ? 'right' : 'left' });
        x += widths[i];
      });
      doc.y = y + heights[index];
      onPage++;
    }
    doc.moveTo(MARGIN.left, doc.y).lineTo(MARGIN.left + total, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN.left;
    doc.y += 4;
    for (const text of notes) paragraph(doc, text, 8, MUTED);
  }
  return { lead, headerHeight, draw };
}

/** The picture at the current position, scaled to the page width when it is wider. */
function drawPicture(doc: Doc, picture: Picture, language: Language) {
  const scale = Math.min(1, widthOf(doc) / picture.width);
  ensure(doc, picture.height * scale + 40);
  const left = MARGIN.left;
  const top = doc.y;
  doc.save().translate(left, top).scale(scale);
  for (const head of picture.heads) {
    doc.font('Helvetica-Bold').fontSize(8).fillColor(INK).text(pdfText(head.title), head.x, 0, { width: head.width, align: 'center', lineBreak: false });
    if (head.subtitle) doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(pdfText(head.subtitle), head.x, 11, { width: head.width, align: 'center', lineBreak: false });
  }
  for (const line of picture.lines) {
    const bend = (line.x2 - line.x1) / 2;
    doc.moveTo(line.x1, line.y1).bezierCurveTo(line.x1 + bend, line.y1, line.x2 - bend, line.y2, line.x2, line.y2).lineWidth(0.9).strokeColor(line.colour).stroke();
  }
  for (const line of picture.lines) {
    if (!line.label) continue;
    const { x, y, width } = line.label;
    doc.rect(x - 1, y - 0.5, width + 2, picture.labelSize + 1.5).fillColor('#ffffff').fill();
    doc.font('Helvetica').fontSize(picture.labelSize).fillColor(line.colour).text(pdfText(line.words), x, y, { lineBreak: false });
  }
  for (const box of picture.boxes) {
    const colour = box.more ? '#9aa3ad' : KIND_COLOURS[box.kind] ?? '#777777';
    doc.roundedRect(box.x, box.y, box.width, box.height, 3).lineWidth(box.subject ? 2 : box.critical ? 1.4 : 0.8).fillAndStroke(box.subject ? '#fff4cc' : '#ffffff', box.critical ? '#a30000' : colour);
    doc.rect(box.x, box.y + 2, 3, box.height - 4).fillColor(colour).fill();
    const font = box.subject ? 'Helvetica-Bold' : box.more ? 'Helvetica-Oblique' : 'Helvetica';
    const lineHeight = picture.fontSize * 1.2;
    const top = box.y + (box.height - (box.lines.length + (box.note ? 1 : 0)) * lineHeight) / 2;
    box.lines.forEach((text, i) => doc.font(font).fontSize(picture.fontSize).fillColor(box.more ? MUTED : INK)
      .text(pdfText(text), box.x + 6, top + i * lineHeight, { width: box.width - 9, lineBreak: false }));
    if (box.note) doc.font('Helvetica').fontSize(picture.fontSize * 0.9).fillColor(MUTED).text(pdfText(box.note), box.x + 6, top + box.lines.length * lineHeight, { width: box.width - 9, lineBreak: false });
  }
  doc.restore();
  doc.y = top + picture.height * scale + 10;
  doc.x = left;
  // Legend: what each colour of line says, and what a red border means.
  let x = left;
  doc.font('Helvetica-Bold').fontSize(7.5).fillColor(INK).text(pdfText(`${reportText(language, 'legend')}:`), x, doc.y, { lineBreak: false });
  x += doc.widthOfString(pdfText(`${reportText(language, 'legend')}:`)) + 8;
  const y = doc.y;
  doc.font('Helvetica').fontSize(7.5);
  for (const item of picture.legend) {
    const w = doc.widthOfString(pdfText(item.words));
    if (x + w + 24 > left + widthOf(doc)) { x = left; doc.y += 11; }
    doc.moveTo(x, doc.y + 3.5).lineTo(x + 14, doc.y + 3.5).lineWidth(1.5).strokeColor(item.colour).stroke();
    doc.fillColor(INK).text(pdfText(item.words), x + 18, doc.y, { lineBreak: false });
    x += w + 32;
  }
  const critical = pdfText(reportText(language, 'criticalBorder'));
  if (x + doc.widthOfString(critical) + 24 > left + widthOf(doc)) { x = left; doc.y += 11; }
  doc.rect(x, doc.y, 14, 7).lineWidth(1.4).strokeColor('#a30000').stroke();
  doc.fillColor(INK).text(critical, x + 18, doc.y, { lineBreak: false });
  doc.y = Math.max(doc.y, y) + 14;
  doc.x = left;
}

/**
 * An organisation's "Verloop": a sentence per headline number, then a small line chart of each, three
 * to a row (none with a single import: one dot is no trend).
 */
function trend(doc: Doc, series: TrendPoint[], language: Language, notes: string[]) {
  for (const sentence of trendSentences(series, language)) { paragraph(doc, sentence, 10); doc.moveDown(0.15); }
  for (const note of notes) { paragraph(doc, note, 8.5, MUTED); doc.moveDown(0.15); }
  doc.moveDown(0.4);
  if (series.length < 2) return;
  const perRow = 3, gap = 10, height = 96, chart = { top: 30, height: 42 };
  const width = (widthOf(doc) - gap * (perRow - 1)) / perRow;
  const date = (at: string) => formatDate(at, language);
  for (let start = 0; start < TREND_METRICS.length; start += perRow) {
    ensure(doc, height + gap);
    const y = doc.y;
    TREND_METRICS.slice(start, start + perRow).forEach((metric, i) => {
      const x = MARGIN.left + i * (width + gap);
      doc.rect(x, y, width, height).fillColor(STRIPE).fill();
      const points = trendChartPoints(series, metric.key, { width: width - 16, height: chart.height, pad: 5 });
      const last = points.at(-1);
      // The latest value stands top right; the title takes the rest of the line, two lines at most,
      // in smaller type before it would be cut ("Contracten in of voorbij hun opzegtermijn").
      const value = pdfText(last ? trendValue(metric, last.value, language) : '—');
      const valueWidth = doc.font('Helvetica-Bold').fontSize(10).fillColor(INK).widthOfString(value);
      doc.text(value, x + width - 8 - valueWidth, y + 5.5, { lineBreak: false });
      const title = pdfText(metric.title[language]);
      const titleWidth = width - 16 - valueWidth - 8;
      let size = 8;
      while (size > 6.5 && doc.font('Helvetica-Bold').fontSize(size).heightOfString(title, { width: titleWidth }) > 2 * doc.currentLineHeight(true)) size -= 0.5;
      doc.font('Helvetica-Bold').fontSize(size).fillColor(INK).text(title, x + 8, y + 6, { width: titleWidth, height: 20, ellipsis: true });
      const top = y + chart.top;
      doc.moveTo(x + 8, top + chart.height).lineTo(x + width - 8, top + chart.height).lineWidth(0.4).strokeColor(RULE).stroke();
      if (points.length > 0) {
        points.forEach((p, j) => (j === 0 ? doc.moveTo(x + 8 + p.x, top + p.y) : doc.lineTo(x + 8 + p.x, top + p.y)));
        doc.lineWidth(1.5).strokeColor('#0072B2').stroke();
        for (const p of points) doc.circle(x + 8 + p.x, top + p.y, 2.2).fillColor('#0072B2').fill();
      }
      doc.font('Helvetica').fontSize(7).fillColor(MUTED).text(pdfText(trendSpan(series, language, date)), x + 8, y + height - 14, { width: width - 16, lineBreak: false, ellipsis: true });
    });
    doc.y = y + height + gap;
  }
  doc.x = MARGIN.left;
}

function firstPage(doc: Doc, data: ReportData, language: Language) {
  const answer = reportAnswer(data, language);
  doc.font('Helvetica-Bold').fontSize(20).fillColor(INK).text(pdfText(`${reportText(language, 'title')}: ${data.subject.name}`), MARGIN.left, MARGIN.top, { width: widthOf(doc) });
  doc.moveDown(0.2);
  paragraph(doc, reportSubtitle(data, language), 9, MUTED);
  const facts = reportFacts(data, language, day => formatDate(day, language));
  if (facts) paragraph(doc, facts, 9, MUTED);
  heading(doc, reportText(language, 'answer'), 14);
  for (const sentence of answer.sentences) { paragraph(doc, sentence, 11); doc.moveDown(0.35); }
  doc.moveDown(0.3);
  figures(doc, answer.figures);
  heading(doc, reportText(language, 'risks'));
  bullets(doc, answer.risks, reportText(language, 'noRisks'));
  if (answer.actions.length === 0) {
    heading(doc, reportText(language, 'actions'));
    paragraph(doc, reportText(language, 'actionsNone'), 9.5, MUTED);
    return;
  }
  const actions = tableLayout(doc, actionsTable(data, language, answer.actions), data, language);
  const intro = pdfText(reportText(language, 'actionsIntro'));
  const introHeight = doc.font('Helvetica').fontSize(8.5).heightOfString(intro, { width: widthOf(doc), lineGap: 1.5 }) + 3;
  heading(doc, reportText(language, 'actions'), 13, introHeight + actions.lead);
  paragraph(doc, intro, 8.5, MUTED);
  doc.moveDown(0.2);
  // Every contract to act on now, over onto the next page when they do not fit on the first: one cut
  // off under "the rest is in the Contracten table" was lost among the others there.
  actions.draw();
}

/** Renders the report as a PDF in `language`; resolves with the bytes. */
export async function reportPdf(data: ReportData, language: Language = 'nl'): Promise<Buffer> {
  // Loaded on the first report, not at start-up: pdfkit and its fonts are about 28 MB of memory.
  const { default: PDFDocument } = await import('pdfkit');
  const title = `${reportText(language, 'title')}: ${data.subject.name}`;
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, bufferPages: true, info: { Title: pdfText(title), Author: 'Roer', CreationDate: new Date(data.generatedAt) }, lang: language === 'nl' ? 'nl-NL' : 'en-GB' });
  drawArrows(doc);
  const chunks: Buffer[] = [];
  doc.on('data', chunk => chunks.push(chunk as Buffer));
  const done = new Promise<Buffer>(resolve => doc.on('end', () => resolve(Buffer.concat(chunks))));

  firstPage(doc, data, language);
  if (data.subject.kind !== 'Organisation') {
    doc.addPage();
    heading(doc, reportText(language, 'picture'), 14);
    if (data.dependants.length === 0 && data.dependencies.length === 0) paragraph(doc, reportText(language, 'pictureNone'), 9.5, MUTED);
    else {
      paragraph(doc, reportText(language, pictureIntro(data), { name: data.subject.name }), 8.5, MUTED);
      doc.moveDown(0.6);
      const measure = (text: string, size: number) => doc.font('Helvetica').fontSize(size).widthOfString(pdfText(text)) * 1.02;
      drawPicture(doc, pictureLayout(data, language, { width: widthOf(doc), measure }), language);
    }
  // The sections start on a page of their own, unless the first page already ran over onto one.
  } else if (doc.bufferedPageRange().count === 1) doc.addPage();
  for (const whole of reportSections(data, language)) {
    // The Verloop's table has a row per headline number and a column per import, as on the page.
    const byNumber = whole.id === 'trend' && whole.rows.length > 0 ? trendTableByNumber(data.trend ?? [], language, data.organisations) : null;
    const section = byNumber ? { ...whole, columns: byNumber.columns, rows: byNumber.rows } : whole;
    const omitted = [...(section.notes ?? []), ...(section.omitted ? [reportText(language, 'omitted', { n: section.omitted })] : []), ...(byNumber?.notes ?? [])];
    const layout = section.rows.length > 0 ? tableLayout(doc, section, data, language, omitted) : null;
    // The Verloop's sentences and charts come between its heading and its table.
    heading(doc, sectionHeading(whole, language), 13, section.id === 'trend' || section.lead ? 70 : layout?.lead ?? 20);
    if (section.id === 'trend') trend(doc, data.trend ?? [], language, trendNotes(data, language));
    for (const sentence of section.lead ?? []) { paragraph(doc, sentence, 9.5); doc.moveDown(0.2); }
    if (layout) layout.draw();
    else {
      paragraph(doc, reportText(language, 'none'), 9, MUTED);
      for (const text of omitted) paragraph(doc, text, 8, MUTED);
    }
  }

  // Page number, date and subject on every page, once the page count is known.
  const range = doc.bufferedPageRange();
  const generated = reportText(language, 'generated', { date: formatDateTime(data.generatedAt, language) });
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - 34;
    doc.moveTo(MARGIN.left, y - 6).lineTo(doc.page.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('Helvetica').fontSize(7.5).fillColor(MUTED);
    doc.text(pdfText(`Roer · ${title}`), MARGIN.left, y, { width: widthOf(doc) * 0.6, lineBreak: false, ellipsis: true });
    doc.text(pdfText(`${reportText(language, 'page', { n: i + 1, total: range.count })} · ${generated}`), MARGIN.left + widthOf(doc) * 0.4, y, { width: widthOf(doc) * 0.6, align: 'right', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
