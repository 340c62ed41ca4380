// Dependency reports per application, supplier (group) or organisation: the data as JSON for the web
// page, and the same data as a real PDF (pdfkit) with the dependency picture, tables and page numbers.
import type { Router } from 'express';
import type { Driver } from 'neo4j-driver';
import { z } from 'zod';
import type { AnalysisDefinition, Row } from '../analyses/types.js';
import type { AppContext } from './context.js';
import { nodeDetail } from './graph.js';
import { addRoute, listParam } from './registry.js';

export type ReportData = {
  subject: { uid: string; kind: string; name: string; properties: Record<string, unknown> };
  generatedAt: string;
  /** What fails when the subject fails (applications and platforms), nearest first. */
  dependants: Row[];
  /** Dependency edges among the subject and its dependants, from the shortest paths: [dependant, dependency]. */
  edges: [string, string][];
  contracts: Row[];
  lockIn: Row[];
  spofs: Row[];
  exposure: Row[];
};

const ReportQuery = z.object({ organisation: listParam });
const ReportParams = z.object({ uid: z.string().min(1).max(300) });

async function run(analyses: AnalysisDefinition[], driver: Driver, name: string, params: Record<string, unknown>) {
  const analysis = analyses.find(a => a.name === name);
  if (!analysis) return { rows: [] as Row[], summary: undefined };
  return analysis.run(driver, analysis.params.parse(params));
}

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));

/** Gathers a report from the node's details and the analyses (impact, lock-in, SPOF, exposure). */
export async function reportData(driver: Driver, analyses: AnalysisDefinition[], uid: string, organisations?: string[]): Promise<ReportData> {
  const detail = await nodeDetail(driver, analyses, uid);
  const properties = detail.properties as Record<string, unknown>;
  const kind = detail.kind;
  const own = kind === 'Organisation' ? [str(properties.id)] : typeof properties.organisation === 'string' ? [properties.organisation] : organisations;
  const organisation = own?.length ? own.join(',') : undefined;
  let dependants: Row[] = [];
  const edges: [string, string][] = [];
  if (kind !== 'Organisation') {
    dependants = (await run(analyses, driver, 'impact', { node: uid, organisation })).rows;
    const seen = new Set<string>();
    for (const row of dependants) {
      const path = Array.isArray(row.path) ? (row.path as string[]) : [];
      for (let i = 0; i + 1 < path.length; i++) {
        const key = `${path[i]}>${path[i + 1]}`;
        if (!seen.has(key)) { seen.add(key); edges.push([path[i], path[i + 1]]); }
      }
    }
  }
  let lockIn: Row[] = [];
  const ownLockIn = (detail as { lockIn?: Row | null }).lockIn;
  if (ownLockIn && Array.isArray(ownLockIn.factors)) {
    lockIn = (ownLockIn.factors as Row[]).map(f => ({ name: f.factor, value: f.raw, weight: f.weight, score: f.contribution }));
    lockIn.unshift({ name: 'score', score: ownLockIn.score });
  } else if (kind === 'Organisation') {
    lockIn = (await run(analyses, driver, 'lock-in', { organisation })).rows
      .sort((a, b) => Number(b.score) - Number(a.score)).slice(0, 15).map(r => ({ uid: r.uid, name: r.name, score: r.score, top: topFactor(r) }));
  }
  const affected = new Set([uid, ...dependants.map(r => str(r.uid))]);
  const spofRows = (await run(analyses, driver, 'single-points-of-failure', { organisation })).rows;
  const spofs = (kind === 'Organisation' ? spofRows.slice(0, 15) : spofRows.filter(r => affected.has(str(r.uid))))
    .map(r => ({ uid: r.uid, name: r.name, kind: r.kind, criticalApplications: r.failedCriticalApplications, businessFunctions: r.failedBusinessFunctions, applications: r.failedApplications }));
  const exposure = kind === 'Organisation' ? (await run(analyses, driver, 'supplier-exposure', { organisation })).rows.slice(0, 20) : [];
  return {
    subject: { uid, kind, name: str(properties.name ?? uid), properties },
    generatedAt: new Date().toISOString(),
    dependants: dependants.map(r => ({ uid: r.uid, name: r.name, kind: r.kind, hops: r.hops, criticality: r.criticality, organisation: r.organisation, path: r.path })),
    edges,
    contracts: (detail.contracts as Row[]).map(c => ({ ...c })),
    lockIn,
    spofs,
    exposure,
  };
}

function topFactor(row: Row): string {
  const factors = Array.isArray(row.factors) ? (row.factors as Row[]) : [];
  const top = [...factors].sort((a, b) => Number(b.contribution) - Number(a.contribution))[0];
  return top ? str(top.factor) : '';
}

// ---- PDF -------------------------------------------------------------------------------------------
const COLOURS: Record<string, string> = { Application: '#0072B2', Supplier: '#D55E00', SupplierGroup: '#8a3b00', Platform: '#009E73', Organisation: '#000000' };
const TEXT = {
  nl: { title: 'Afhankelijkheidsrapport', generated: 'Gemaakt op', picture: 'Afhankelijkheidsplaat', dependants: 'Wat uitvalt als dit uitvalt', contracts: 'Contracten', lockIn: 'Lock-in', spofs: 'Kwetsbare punten', exposure: 'Leveranciers', page: 'Pagina', of: 'van', none: 'Geen' },
  en: { title: 'Dependency report', generated: 'Generated on', picture: 'Dependency picture', dependants: 'What fails when this fails', contracts: 'Contracts', lockIn: 'Lock-in', spofs: 'Single points of failure', exposure: 'Suppliers', page: 'Page', of: 'of', none: 'None' },
};

/** Renders the report as a PDF; resolves with the bytes. */
export async function reportPdf(data: ReportData, language: 'nl' | 'en' = 'nl'): Promise<Buffer> {
  const text = TEXT[language];
  // Loaded on the first report, not at start-up: pdfkit and its fonts are about 28 MB of memory.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 60, left: 50, right: 50 }, bufferPages: true, info: { Title: `${text.title}: ${data.subject.name}`, Author: 'Roer' } });
  const chunks: Buffer[] = [];
  doc.on('data', chunk => chunks.push(chunk as Buffer));
  const done = new Promise<Buffer>(resolve => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 100;

  doc.font('Helvetica-Bold').fontSize(18).text(`${text.title}: ${data.subject.name}`);
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(`${data.subject.kind} · ${data.subject.uid} · ${text.generated} ${data.generatedAt.slice(0, 10)}`).fillColor('#000');
  doc.moveDown();

  if (data.subject.kind !== 'Organisation') {
    heading(doc, `${text.picture}`);
    picture(doc, data, width);
  }
  if (data.exposure.length) table(doc, text.exposure, data.exposure, [['name', 200], ['applications', 70], ['criticalApplications', 70], ['contractValue', 90], ['contractValueShare', 60]], text.none);
  table(doc, `${text.dependants} (${data.dependants.length})`, data.dependants, [['name', 190], ['kind', 80], ['hops', 40], ['criticality', 70], ['organisation', 100]], text.none);
  table(doc, `${text.contracts} (${data.contracts.length})`, data.contracts, [['id', 90], ['suppliers', 110], ['noticeDeadline', 75], ['end', 75], ['annualValue', 70], ['applications', 75]], text.none);
  table(doc, `${text.lockIn}`, data.lockIn, [['name', 220], ['value', 80], ['weight', 60], ['score', 60], ['top', 75]], text.none);
  table(doc, `${text.spofs} (${data.spofs.length})`, data.spofs, [['name', 200], ['kind', 80], ['criticalApplications', 80], ['businessFunctions', 70], ['applications', 65]], text.none);

  // Page numbers, written once the page count is known.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#444').text(`${text.page} ${i + 1} ${text.of} ${range.count} · Roer`, 50, doc.page.height - 35, { width, align: 'right' });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string) {
  if (doc.y > doc.page.height - 140) doc.addPage();
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(12).fillColor('#000').text(title, 50).font('Helvetica').fontSize(9).moveDown(0.3);
}

function cell(value: unknown): string {
  if (Array.isArray(value)) return value.map(v => (v && typeof v === 'object' ? str((v as Row).name ?? (v as Row).uid) : str(v))).join(', ');
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(2);
  if (typeof value === 'boolean') return value ? 'ja/yes' : 'nee/no';
  return str(value);
}

function table(doc: PDFKit.PDFDocument, title: string, rows: Row[], columns: [string, number][], none: string) {
  heading(doc, title);
  if (rows.length === 0) { doc.text(none, 50); return; }
  const header = () => {
    let x = 50;
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(8);
    for (const [key, w] of columns) { doc.text(key, x, y, { width: w - 4, lineBreak: false, ellipsis: true }); x += w; }
    doc.font('Helvetica').moveTo(50, y + 11).lineTo(50 + columns.reduce((s, [, w]) => s + w, 0), y + 11).strokeColor('#999').stroke();
    doc.y = y + 14;
  };
  header();
  for (const row of rows.slice(0, 300)) {
    if (doc.y > doc.page.height - 80) { doc.addPage(); header(); }
    let x = 50;
    const y = doc.y;
    doc.fontSize(8);
    for (const [key, w] of columns) { doc.text(cell(row[key]), x, y, { width: w - 4, height: 11, lineBreak: false, ellipsis: true }); x += w; }
    doc.y = y + 12;
  }
  doc.x = 50;
}

/** The subject in the middle, dependants on rings by hop distance (same idea as the web page). */
function picture(doc: PDFKit.PDFDocument, data: ReportData, width: number) {
  const shown = data.dependants.filter(r => Number(r.hops) <= 3).slice(0, 150);
  const maxHop = Math.max(1, ...shown.map(r => Number(r.hops) || 1));
  const size = Math.min(width, 320);
  if (doc.y + size > doc.page.height - 70) doc.addPage();
  const cx = 50 + width / 2, cy = doc.y + size / 2, ring = (size / 2 - 20) / maxHop;
  const pos = new Map<string, [number, number]>([[data.subject.uid, [cx, cy]]]);
  // Crowded rings go without labels; the table lists every dependant.
  const labelled = new Map<string, boolean>([[data.subject.uid, true]]);
  for (let hop = 1; hop <= maxHop; hop++) {
    const list = shown.filter(r => (Number(r.hops) || 1) === hop);
    doc.circle(cx, cy, hop * ring).dash(3, { space: 3 }).strokeColor('#cccccc').stroke().undash();
    list.forEach((r, i) => {
      const angle = -Math.PI / 2 + hop * 0.3 + (2 * Math.PI * i) / Math.max(1, list.length);
      pos.set(str(r.uid), [cx + hop * ring * Math.cos(angle), cy + hop * ring * Math.sin(angle)]);
      labelled.set(str(r.uid), list.length <= 20);
    });
  }
  for (const [a, b] of data.edges) {
    const p = pos.get(a), q = pos.get(b);
    if (p && q) doc.moveTo(p[0], p[1]).lineTo(q[0], q[1]).lineWidth(0.6).strokeColor('#9aa3ad').stroke();
  }
  const dot = (uid: string, kind: string, label: string, r: number) => {
    const [x, y] = pos.get(uid)!;
    doc.circle(x, y, r).fillColor(COLOURS[kind] ?? '#777').fill();
    if (labelled.get(uid)) doc.fillColor('#000').fontSize(6).text(label.slice(0, 22), x - 40, y + r + 1, { width: 80, align: 'center', lineBreak: false });
  };
  for (const r of shown) dot(str(r.uid), str(r.kind), str(r.name), 3);
  dot(data.subject.uid, data.subject.kind, data.subject.name, 8);
  doc.y = cy + size / 2 + 10;
  doc.x = 50;
}

/** GET /api/reports/:uid (JSON) and GET /api/reports/:uid.pdf. Mount with the other route modules. */
export function registerReportRoutes(router: Router, { driver, services, registry }: AppContext): void {
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid.pdf', summary: 'Dependency report as PDF (application, supplier, group or organisation uid)', tag: 'reports', role: 'viewer', params: ReportParams, query: ReportQuery.extend({ lang: z.enum(['nl', 'en']).default('nl') }), produces: ['application/pdf'], responses: [404] },
    async ({ params, query }, _req, res) => {
      const data = await reportData(driver, services.analyses, params.uid, query.organisation);
      const pdf = await reportPdf(data, query.lang);
      res.type('application/pdf').attachment(`roer-rapport-${params.uid.replace(/[^\w-]+/g, '-')}.pdf`).send(pdf);
    },
  );
  addRoute(
    router,
    registry,
    { method: 'get', path: '/api/reports/:uid', summary: 'Dependency report data: dependants, contracts, lock-in, single points of failure', tag: 'reports', role: 'viewer', params: ReportParams, query: ReportQuery, responses: [404] },
    ({ params, query }) => reportData(driver, services.analyses, params.uid, query.organisation),
  );
}
