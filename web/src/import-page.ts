// Import page: choose CSV/XLSX files, check them (dry run: every row error with file, line, field,
// value and what was expected, and what the import would remove), then import; progress while it
// runs; an import that would remove more than it may waits for the user to confirm; the history.
import { getImports, postImport } from './api.js';
import type { Context } from './context.js';
import { clear, fill, h, message, sortableTable } from './dom.js';
import { errorText, reportError } from './errors.js';
import { formatDateTime, formatNumber, kindLabel, t } from './i18n.js';
import { str } from './rows.js';
import type { ImportIssue, ImportReport, Row } from './types.js';

type Removals = { removing: number; maxShare: number; needsConfirmation: 'share' | 'unnamed-source' | null; kinds: { label: string; asserted: number; removing: number; sample: string[] }[] };

export async function renderImport(root: HTMLElement, ctx: Context): Promise<void> {
  const files = h('input', { type: 'file', id: 'import-files', multiple: true, accept: '.csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const source = h('input', { type: 'text', id: 'import-source', placeholder: 'csv:gemeente', autocomplete: 'off' });
  const progress = h('progress', { id: 'import-progress', hidden: true, 'aria-label': t('import.progress') });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const history = h('div', { id: 'import-history' });
  const buttons = [
    h('button', { type: 'button', id: 'import-dry-run', onclick: () => void run(true) }, t('import.dryRun')),
    h('button', { type: 'button', id: 'import-commit', class: 'primary', onclick: () => void run(false) }, t('import.commit')),
  ];
  root.append(h('h1', {}, t('import.heading')),
    h('form', { class: 'toolbar', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'import-files' }, t('import.files')), files),
      h('div', { class: 'field' }, h('label', { for: 'import-source' }, t('import.source')), source),
      h('div', { class: 'buttons' }, buttons, progress)),
    result,
    h('section', {}, h('h2', {}, t('import.history')), history));

  async function run(dryRun: boolean, allowRemovals = false): Promise<void> {
    const chosen = [...(files.files ?? [])];
    if (chosen.length === 0) { fill(result, message(t('import.chooseFiles'), 'error')); return; }
    progress.hidden = false;
    buttons.forEach(b => (b.disabled = true));
    progress.removeAttribute('value');
    const status = h('p', { role: 'status', id: 'import-status' }, t('import.progress'));
    fill(result, status);
    try {
      const report = await postImport(chosen, { dryRun, source: source.value.trim() || undefined, allowRemovals }, step => {
        status.textContent = t(`import.phase.${step.phase}`, { done: formatNumber(step.done), total: formatNumber(step.total), percent: step.total ? Math.floor((step.done / step.total) * 100) : 0 });
        if (step.phase === 'load' && step.total > 0) {
          progress.max = step.total;
          progress.value = step.done;
        }
      });
      showReport(report, dryRun);
      if (!dryRun && report.ok) {
        ctx.graphCache.clear();
        // New organisations belong in the selector at once, not after a reload.
        await ctx.refreshOrganisations().catch(reportError);
      }
    } catch (error) {
      fill(result, message(errorText(error), 'error'));
    } finally {
      progress.hidden = true;
      buttons.forEach(b => (b.disabled = false));
      void loadHistory();
    }
  }

  function showReport(report: ImportReport, dryRun: boolean): void {
    const issues = report.issues ?? [];
    const removals = report.removals as Removals | null | undefined;
    const percent = Math.round((removals?.maxShare ?? 0) * 100);
    const confirm = report.confirmationNeeded && removals?.needsConfirmation
      ? [message(t(`import.confirmNeeded.${removals.needsConfirmation}`, { percent, source: str(report.source) }), 'error'),
        h('button', { type: 'button', id: 'import-confirm', onclick: () => void run(false, true) }, t('import.confirm'))]
      : null;
    fill(result,
      confirm ?? (issues.length === 0 && report.ok !== false
        ? message(dryRun ? t('import.ok') : report.unchangedSince ? t('import.okUnchanged', { when: formatDateTime(report.unchangedSince.finishedAt) }) : t('import.okCommitted'), 'ok')
        : message(t('import.issues', { n: issues.length }), 'error')),
      removals && removals.removing > 0 ? removalList(removals, str(report.source), dryRun || Boolean(confirm)) : null,
      dryRun && removals?.needsConfirmation ? h('p', { class: 'hint', id: 'import-confirm-dry' }, t('import.confirmDry', { percent })) : null,
      issues.length ? sortableTable<ImportIssue>({
        id: 'import-issues',
        caption: t('import.issues', { n: issues.length }),
        captionHidden: true,
        rows: issues,
        columns: [
          { key: 'file', label: t('import.col.file'), value: i => str(i.file ?? i.table) },
          { key: 'line', label: t('import.col.line'), value: i => i.line, numeric: true },
          { key: 'column', label: t('import.col.column'), value: i => str(i.column) },
          { key: 'field', label: t('import.col.field'), value: i => str(i.field) },
          { key: 'value', label: t('import.col.value'), value: i => (i.value === undefined ? '' : typeof i.value === 'object' ? JSON.stringify(i.value) : str(i.value)) },
          { key: 'expected', label: t('import.col.expected'), value: i => str(i.expected) },
          { key: 'message', label: t('import.col.message'), value: i => str(i.message) },
        ],
      }) : null,
      report.tables && Object.keys(report.tables).length ? h('section', {}, h('h2', {}, t('import.tables')),
        h('p', { id: 'import-tables' }, summarise(report.tables) || t('common.none'))) : null,
    );
  }

  /** What the import removes (or would): per kind, how many of how many, and the first names. */
  function removalList(removals: Removals, sourceName: string, wouldRemove: boolean): HTMLElement {
    return h('section', { id: 'import-removals' },
      h('p', {}, t(wouldRemove ? 'import.removalsDry' : 'import.removals', { source: sourceName })),
      h('ul', {}, removals.kinds.filter(kind => kind.removing > 0).map(kind => h('li', {},
        t('import.removalKind', { removing: formatNumber(kind.removing), asserted: formatNumber(kind.asserted), kind: kindLabel(kind.label) }),
        kind.sample.length ? `: ${kind.sample.join(', ')}${kind.removing > kind.sample.length ? ', …' : ''}` : ''))));
  }

  async function loadHistory(): Promise<void> {
    try {
      const runs = await getImports();
      fill(history, runs.length ? sortableTable<Row>({
        caption: t('import.history'),
        captionHidden: true,
        rows: runs,
        sortKey: 'when',
        columns: [
          { key: 'when', label: t('import.col.when'), value: r => str(r.finishedAt ?? r.startedAt ?? r.at ?? r.when), render: r => formatDateTime(r.finishedAt ?? r.startedAt ?? r.at ?? r.when) },
          { key: 'source', label: t('import.col.source'), value: r => str(r.source) },
          { key: 'status', label: t('import.col.status'), value: r => (r.unchangedSince ? t('import.status.unchanged') : str(r.status)) },
          { key: 'user', label: t('import.col.user'), value: r => str(r.user) },
          { key: 'counts', label: t('import.col.counts'), value: r => summarise(r.counts) },
        ],
      }) : h('p', { class: 'hint' }, t('common.none')));
    } catch (error) {
      fill(history, message(errorText(error), 'error'));
    }
  }
  await loadHistory();
}

/** Counts as short text: nested tables become "applications 2 (errors 2)", zeros are left out. */
export function summarise(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    try { return summarise(JSON.parse(value)); } catch { return value; }
  }
  if (Array.isArray(value)) return value.map(summarise).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== 0 && v !== null && v !== undefined && !(typeof v === 'object' && Object.keys(v as object).length === 0))
      .map(([k, v]) => {
        if (v && typeof v === 'object' && !Array.isArray(v)) {
          const inner = v as Record<string, unknown>;
          if (typeof inner.read === 'number') {
            const rest = Object.entries(inner).filter(([key, n]) => key !== 'read' && n !== 0).map(([key, n]) => `${key} ${summarise(n)}`).join(', ');
            return inner.read === 0 && !rest ? '' : `${k} ${formatNumber(inner.read)}${rest ? ` (${rest})` : ''}`;
          }
          const text = summarise(v);
          return text ? `${k}: ${text}` : '';
        }
        return `${k} ${summarise(v)}`;
      })
      .filter(Boolean)
      .join('; ');
  }
  return str(value);
}
