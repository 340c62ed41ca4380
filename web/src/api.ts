// Typed fetch helpers. The only credential is an optional API token the user types in; it lives in
// sessionStorage (gone when the tab closes) and is never part of the bundle.
import { dutchDay } from '../../server/format.js';
import { language, t } from './i18n.js';
import type { AnalysisResult, Graph, ImportReport, Row } from './types.js';

const TOKEN_KEY = 'roer.token';
export const getToken = () => sessionStorage.getItem(TOKEN_KEY) ?? '';
export const setToken = (token: string) => (token ? sessionStorage.setItem(TOKEN_KEY, token) : sessionStorage.removeItem(TOKEN_KEY));

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly body?: unknown) { super(message); }
}

export type Params = Record<string, string | number | boolean | string[] | undefined>;

export function url(path: string, params: Params = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    search.set(key, Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/**
 * Sent with every request: the server refuses a change without `X-Roer-Request: 1`, a header that a
 * page on another site cannot add (server/request-guard.ts).
 */
const headers = (): Record<string, string> => {
  const token = getToken();
  return { 'x-roer-request': '1', ...(token ? { authorization: `Bearer ${token}` } : {}) };
};

async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, { ...init, headers: { accept: 'application/json', ...headers(), ...(init.headers as Record<string, string> | undefined) } });
  const type = response.headers.get('content-type') ?? '';
  const body = type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    const detail = typeof body === 'object' && body ? (body.detail ?? body.message ?? body.error?.message ?? body.title) : body;
    throw new ApiError(String(detail || response.statusText), response.status, body);
  }
  return body as T;
}

export const getJson = <T>(path: string, params: Params = {}) => request<T>(url(path, params));

export type Organisation = { uid?: string; id: string; name: string };
export const getOrganisations = async (): Promise<Organisation[]> => {
  const body = await getJson<Organisation[] | { rows?: Organisation[]; organisations?: Organisation[] }>('/api/organisations');
  return Array.isArray(body) ? body : (body.organisations ?? body.rows ?? []);
};

export const getGraph = (params: { organisation?: string[]; kinds?: string[]; aggregate?: string; expand?: string; maxElements?: number }) =>
  getJson<Graph>('/api/graph', params);

export const getNode = (uid: string) => getJson<Row>(`/api/nodes/${encodeURIComponent(uid)}`);

export const search = async (q: string): Promise<Row[]> => {
  const body = await getJson<Row[] | { rows?: Row[]; results?: Row[] }>('/api/search', { q });
  return Array.isArray(body) ? body : (body.results ?? body.rows ?? []);
};

export const runAnalysis = (name: string, params: Params = {}) =>
  getJson<AnalysisResult>(`/api/analyses/${encodeURIComponent(name)}`, params);

/** A link for the browser to download (CSV, XLSX, ICS, GraphML, PDF). */
export const downloadUrl = (path: string, params: Params = {}) => url(path, params);

/**
 * Downloads go through fetch so the token header is sent; the browser then saves the blob.
 * Without a token a plain link would do, but this keeps one path for both modes. The file name gets
 * the day (by the Dutch clock) before its extension, "roer-contracten-2026-12-06.ics", so that last
 * quarter's list is not overwritten by or mistaken for today's; not a blank template (`dated: false`).
 */
export async function download(path: string, params: Params, filename: string, { dated = true } = {}): Promise<void> {
  const response = await fetch(url(path, params), { headers: headers() });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(String(body.detail ?? body.title ?? response.statusText), response.status, body);
  }
  saveBlob(await response.blob(), dated ? datedName(filename) : filename);
}

/** "roer-contracten.ics" → "roer-contracten-2026-12-06.ics". */
export const datedName = (filename: string, day = dutchDay()) => filename.replace(/(\.[a-z]+)?$/, `-${day}$1`);

/** A CSV download for the reader's Excel: headers in the page's language; Dutch Excel wants `;` and a decimal comma. */
export const csvFor = (lang: string) => ({ format: 'csv', lang, delimiter: lang === 'nl' ? 'semicolon' : 'comma' });

export function saveBlob(blob: Blob, filename: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export type ImportProgress = { phase: 'validate' | 'load' | 'cleanup' | 'done'; done: number; total: number };

/**
 * Uploads the files; the server answers in NDJSON lines, `{progress}` as the import moves and then
 * `{status, report}` or `{status, problem}` (server/routes/imports.ts). A problem before the import
 * began (too large, not allowed) comes as a plain problem document.
 */
export async function postImport(files: File[], options: { dryRun: boolean; source?: string; organisation?: string; allowRemovals?: boolean }, onProgress: (progress: ImportProgress) => void = () => {}): Promise<ImportReport> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  form.append('dryRun', String(options.dryRun));
  if (options.source) form.append('source', options.source);
  if (options.organisation) form.append('organisation', options.organisation);
  if (options.allowRemovals) form.append('allowRemovals', 'true');
  const response = await fetch(url('/api/imports', { dryRun: options.dryRun, source: options.source, allowRemovals: options.allowRemovals || undefined }), { method: 'POST', body: form, headers: { accept: 'application/x-ndjson', 'accept-language': language(), ...headers() } });
  if (!(response.headers.get('content-type') ?? '').includes('ndjson') || !response.body) {
    const body = await response.json().catch(() => ({}));
    throw new ApiError(String(body.detail ?? body.title ?? response.statusText), response.status, body);
  }
  let last: { status: number; report?: ImportReport; problem?: { detail?: string; title?: string } } | undefined;
  for await (const line of ndjsonLines(response.body)) {
    if (line.progress) onProgress(line.progress);
    else last = line;
  }
  // A rejected import (422), or one that needs its removals confirmed (409), still carries its report: errors are data here.
  if (last?.report) return last.report;
  throw new ApiError(String(last?.problem?.detail ?? last?.problem?.title ?? t('import.interrupted')), last?.status ?? 0, last?.problem ?? {});
}

/** Each line of a streamed NDJSON body, parsed as it arrives. */
async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<any> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    buffered += decoder.decode(value, { stream: !done });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) yield JSON.parse(line);
    if (done) break;
  }
  if (buffered.trim()) yield JSON.parse(buffered);
}

export const getImports = async (): Promise<Row[]> => {
  const body = await getJson<Row[] | { rows?: Row[]; imports?: Row[] }>('/api/imports');
  return Array.isArray(body) ? body : (body.imports ?? body.rows ?? []);
};

/** A JSON POST (a change: the request header goes with it, as with every request). */
export const postJson = <T>(path: string, body: unknown) => request<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
