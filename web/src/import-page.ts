// Import page: choose files (CSV/XLSX tables, an ArchiMate model, a coArchi zip, the portfolio) and the source they update, check them (dry run: every row error
// with file, line, field, value and what was expected, and what the import would remove), then import;
// progress while it runs; an import that would remove more than it may, or whose source is unclear,
// waits for the user to decide; the history of earlier runs in words.
import { issueWords } from '../../importers/issue-words.js';
import { fieldWords, missingColumnNames } from '../../importers/column-words.js';
import { kindPlural } from '../../server/labels.js';
import { registerSummary } from './algorithms.js';
import { ApiError, download, getImports, postImport } from './api.js';
import type { Context } from './context.js';
import { conflictImport, keptImport, keepImport, type KeptImport } from './import-state.js';
import { clear, fill, h, message, sortableTable } from './dom.js';
import { errorText, localDetail } from './errors.js';
import { type MessageKey, formatDateTime, formatNumber, inWords, kindLabel, language, t } from './i18n.js';
import { expandableList } from './lists.js';
import { str } from './rows.js';
import { sourceKeyOf, sourceValid } from './source-field.js';
import { nodeCountWords, runCountsOf } from './run-counts.js';
import { sourceName } from './data-quality-words.js';
import { runChangesHash } from './changes-words.js';
import { knownOrganisations, orgName } from './organisations.js';
import type { ImportIssue, ImportReport, Row } from './types.js';

type Reason = 'share' | 'unnamed-source';
type Removals = { removing: number; maxShare: number; needsConfirmation: Reason | null; kinds: { label: string; asserted: number; removing: number; relationships: number; sample: string[] }[] };
type SourceUnclear = { proposed: string; existing: string[] };

/** Names shown in a removal list before "Toon alle". */
const FIRST_NAMES = 10;

export async function renderImport(root: HTMLElement, ctx: Context): Promise<void> {
  const files = h('input', { type: 'file', id: 'import-files', multiple: true, accept: '.csv,.xlsx,.txt,.xml,.archimate,.zip,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/zip' });
  // The organisations Roer knows, to pick from (shown with their names); a new one's id may be typed.
  const organisation = h('input', { type: 'text', id: 'import-organisation', placeholder: 'gm0363', autocomplete: 'off', list: 'import-organisation-list', 'aria-describedby': 'import-organisation-hint' });
  const organisationList = h('datalist', { id: 'import-organisation-list' }, knownOrganisations().map(id => h('option', { value: id, label: orgName(id) })));
  const failed = (error: unknown) => fill(result, message(t('common.error', { message: (error as Error).message }), 'error'));
  const template = h('button', { type: 'button', id: 'import-template', class: 'link', onclick: () => void download('/api/exports/template.xlsx', { lang: language() }, language() === 'nl' ? 'roer-invulsjabloon.xlsx' : 'roer-template.xlsx', { dated: false }).catch(failed) }, t('import.template'));
  // The landscape as the import tables, to edit in Excel and import again: one organisation's (the chosen one, or the only one).
  const editable = ctx.organisations().length === 1 ? ctx.organisations()[0] : knownOrganisations().length === 1 ? knownOrganisations()[0] : undefined;
  const landscapeWorkbook = editable
    ? h('button', { type: 'button', id: 'import-landscape-xlsx', class: 'link', onclick: () => void download('/api/exports/landscape.xlsx', { organisation: editable, lang: language() }, `roer-${language() === 'nl' ? 'landschap' : 'landscape'}-${editable}.xlsx`).catch(failed) }, t('import.landscapeWorkbook', { organisation: orgName(editable) }))
    : h('span', { class: 'hint', id: 'import-landscape-xlsx-hint' }, t('import.landscapeWorkbookChoose'));
  // The same landscape for architects: as an ArchiMate model to open in Archi (the chosen organisations, or the only one).
  const modelled = ctx.organisations().length > 0 ? ctx.organisations() : editable ? [editable] : [];
  const landscapeModel = modelled.length > 0
    ? h('button', { type: 'button', id: 'import-landscape-ameff', class: 'link', onclick: () => void download('/api/exports/ameff', { organisation: modelled }, `roer-${language() === 'nl' ? 'landschap' : 'landscape'}-${modelled.length === 1 ? modelled[0] : 'archimate'}.xml`).catch(failed) },
      t('import.landscapeModel', { organisation: modelled.map(orgName).join(', ') }))
    : null;
  const sources = h('datalist', { id: 'import-sources' });
  const source = h('input', { type: 'text', id: 'import-source', placeholder: t('import.sourcePlaceholder'), autocomplete: 'off', list: 'import-sources', 'aria-describedby': 'import-source-hint' });
  const progress = h('progress', { id: 'import-progress', hidden: true, 'aria-label': t('import.progress') });
  const result = h('div', { id: 'import-result', 'aria-live': 'polite' });
  const history = h('div', { id: 'import-history' });
  // The runs as the history last read them: the link to what an import changed needs its start.
  let runs: Row[] = [];
  let changesLine: HTMLElement | null = null;
  /** "Bekijk wat deze import veranderde" under a finished import's answer, once the history knows its run. */
  const linkChanges = () => {
    if (!changesLine) return;
    const runId = shown && !shown.dryRun && shown.report.ok ? shown.report.runId : null;
    const run = runId ? runs.find(r => r.runId === runId) : undefined;
    const hash = run ? runChangesHash(run) : null;
    fill(changesLine, hash ? h('a', { href: hash, id: 'import-changes-link' }, t('import.seeChanges')) : []);
    changesLine.hidden = !hash;
  };
  const buttons = [
    h('button', { type: 'button', id: 'import-dry-run', onclick: () => void run(true) }, t('import.dryRun')),
    h('button', { type: 'button', id: 'import-commit', class: 'primary', onclick: () => void run(false) }, t('import.commit')),
  ];
  // An answer, and the choices it offers, belong to the files and source it was given for.
  let shown: KeptImport['shown'] = null;
  const keep = () => keepImport({ files: [...(files.files ?? [])], source: source.value, organisation: organisation.value, shown });
  const forget = () => { clear(result); shown = null; keep(); };
  // The source name's rule in words as it is typed, with a valid name made from it.
  const sourceProblem = h('p', { class: 'field-error', id: 'import-source-problem', role: 'alert', hidden: true });
  const checkSource = () => {
    const valid = sourceValid(source.value);
    // A source typed by the name the pages show it by ("Gemeente Roerdam (demo)", as the workbook names it) is that
    // source: offered first, not a new key made from the words (a user was offered gemeente-roerdam-demo).
    const typed = source.value.trim().toLocaleLowerCase('nl');
    const known = valid ? undefined : [...new Set(runs.map(r => str(r.source)))].find(name => sourceName(name).toLocaleLowerCase('nl') === typed);
    const key = known ?? sourceKeyOf(source.value);
    source.setAttribute('aria-invalid', valid ? 'false' : 'true');
    sourceProblem.hidden = valid;
    const use = known ? t('import.sourceUseKnown', { name: sourceName(known), source: known }) : t('import.sourceUse', { source: key });
    fill(sourceProblem, valid ? [] : [t('import.sourceRule'), ' ', key ? h('button', { type: 'button', class: 'link', id: 'import-source-fix', onclick: () => { source.value = key; checkSource(); forget(); } }, use) : '']);
    return valid;
  };
  // The browser's own file button speaks the browser's language ("Choose Files"): ours speaks the page's.
  files.classList.add('sr-only');
  const chosenNames = h('span', { class: 'hint', id: 'import-chosen', 'aria-live': 'polite' });
  const showChosen = () => {
    const list = [...(files.files ?? [])];
    chosenNames.textContent = list.length ? list.map(file => file.name).join(', ') : t('import.noFiles');
  };
  files.addEventListener('change', () => { showChosen(); forget(); });
  source.addEventListener('input', () => { checkSource(); forget(); });
  organisation.addEventListener('input', forget);
  root.append(h('h1', {}, t('import.heading')),
    h('details', { class: 'help', id: 'import-help' }, h('summary', {}, t('import.help')), h('p', {}, t('import.helpText')), h('p', {}, t('import.helpFormats'))),
    h('p', {}, template, ' · ', landscapeWorkbook, ...(landscapeModel ? [' · ', landscapeModel] : [])),
    h('form', { class: 'toolbar stacked', id: 'import-form', onsubmit: (e: Event) => e.preventDefault() },
      h('div', { class: 'field' }, h('label', { for: 'import-files' }, t('import.files')), files,
        h('div', {}, h('label', { for: 'import-files', class: 'file-button' }, t('import.pickFiles')), ' ', chosenNames)),
      h('div', { class: 'field' }, h('label', { for: 'import-source' }, t('import.source')), source, sources,
        sourceProblem, h('p', { class: 'hint', id: 'import-source-hint' }, t('import.sourceHint'))),
      h('div', { class: 'field' }, h('label', { for: 'import-organisation' }, t('import.organisation')), organisation, organisationList,
        h('p', { class: 'hint', id: 'import-organisation-hint' }, t('import.organisationHint'))),
      h('div', { class: 'buttons' }, buttons, progress)),
    result,
    h('section', {}, h('h2', {}, t('import.history')), history));
  // After a language switch the page is drawn anew: the chosen files, source and the last answer stay, in the new language.
  const kept = keptImport();
  if (kept) {
    const transfer = new DataTransfer();
    kept.files.forEach(chosen => transfer.items.add(chosen));
    files.files = transfer.files;
    source.value = kept.source;
    checkSource();
    organisation.value = kept.organisation;
    if (kept.shown) {
      showReport(kept.shown.report, kept.shown.dryRun);
      if (kept.shown.conflicts !== null) void conflictImport(result, str(kept.shown.report.source), shown, kept.shown.conflicts);
    }
    keep();
  }

  showChosen();

  async function run(dryRun: boolean, allowRemovals = false): Promise<void> {
    const chosen = [...(files.files ?? [])];
    if (chosen.length === 0) { fill(result, message(t('import.chooseFiles'), 'error')); return; }
    if (!checkSource()) { source.focus(); return; }
    progress.hidden = false;
    buttons.forEach(b => (b.disabled = true));
    progress.removeAttribute('value');
    const status = h('p', { role: 'status', id: 'import-status' }, t('import.progress'));
    fill(result, status);
    try {
      const report = await postImport(chosen, { dryRun, source: source.value.trim() || undefined, organisation: organisation.value.trim() || undefined, allowRemovals }, step => {
        status.textContent = t(`import.phase.${step.phase}`, { done: formatNumber(step.done), total: formatNumber(step.total), percent: step.total ? Math.floor((step.done / step.total) * 100) : 0 });
        if (step.phase === 'load' && step.total > 0) {
          progress.max = step.total;
          progress.value = step.done;
        }
      });
      showReport(report, dryRun);
      if (!dryRun && report.ok) {
        ctx.graphCache.clear();
        ctx.onImported?.();
        // Asked after the answer is shown: the import is done whatever this says.
        void conflictImport(result, str(report.source), shown).then(keep);
      }
      keep();
    } catch (error) {
      const unreadable = unreadableFiles(error);
      fill(result, unreadable ? [message(t('import.filesUnreadable', { n: unreadable.length }), 'error'), fileProblemTable(unreadable)] : message(errorText(error), 'error'));
    } finally {
      progress.hidden = true;
      buttons.forEach(b => (b.disabled = false));
      void loadHistory();
    }
  }

  /** Imports again under a source the user picked from the choices an unclear source offered. */
  const importAs = (name: string) => {
    source.value = name;
    void run(false);
  };
  /** Checks again under a source the user picked: what would go depends on which source is updated. */
  const checkAs = (name: string) => {
    source.value = name;
    void run(true);
  };

  function showReport(report: ImportReport, dryRun: boolean): void {
    shown = { report, dryRun, conflicts: null };
    const issues = report.issues ?? [];
    const removals = report.removals as Removals | null | undefined;
    const unclear = report.sourceUnclear as SourceUnclear | null | undefined;
    const percent = Math.round((removals?.maxShare ?? 0) * 100);
    const removing = Boolean(removals && removals.removing > 0);
    // Sources by their names ("Gemeente Roerdam (demo)"), as the history lists them; their keys go into the source field.
    const existing = unclear?.existing.map(sourceName).join(', ') ?? '';
    let answer: (HTMLElement | null)[];
    if (issues.length > 0 || (report.ok === false && !report.confirmationNeeded)) answer = [message(issuesFound(issues.length), 'error')];
    else if (unclear && !dryRun) {
      answer = [message(t('import.sourceUnclear', { existing }), 'error'), h('div', { class: 'buttons', id: 'import-source-choice' },
        unclear.existing.map(name => h('button', { type: 'button', class: 'primary', onclick: () => importAs(name) }, t('import.useSource', { source: sourceName(name) }))),
        h('button', { type: 'button', onclick: () => importAs(unclear.proposed) }, t('import.newSource', { source: sourceName(unclear.proposed) })))];
    } else if (report.confirmationNeeded && removals?.needsConfirmation) {
      answer = [message(t(`import.confirmNeeded.${removals.needsConfirmation}`, { percent, source: sourceName(str(report.source)) }), 'error'),
        h('button', { type: 'button', id: 'import-confirm', onclick: () => void run(false, true) }, t('import.confirm'))];
    } else if (dryRun) {
      answer = [message(removing ? t('import.okWithRemovals') : t('import.ok'), removing ? 'info' : 'ok'),
        // checkAs through a closure: after a language switch this runs before checkAs is defined.
        alongside(report, name => checkAs(name)),
        unclear ? h('div', { id: 'import-unclear-dry' }, h('p', { class: 'hint' }, t('import.sourceUnclearDry', { existing })),
          h('div', { class: 'buttons' }, unclear.existing.map(name => h('button', { type: 'button', onclick: () => checkAs(name) }, t('import.checkAsSource', { source: sourceName(name) }))))) : null,
        removals?.needsConfirmation ? h('p', { class: 'hint', id: 'import-confirm-dry' }, t(`import.confirmDry.${removals.needsConfirmation}`, { percent })) : null];
    } else {
      answer = [message(report.unchangedSince ? t('import.okUnchanged', { when: formatDateTime(report.unchangedSince.finishedAt) }) : removing ? t('import.okCommittedRemoved') : t('import.okCommitted'), 'ok'),
        alongside(report, null)];
    }
    const catalogue = report.catalogue as { rows: number; renamed: { from: string; to: string }[] } | undefined;
    changesLine = h('p', { id: 'import-changes', hidden: true });
    fill(result,
      answer,
      changesLine,
      catalogue ? h('p', { class: 'hint', id: 'import-catalogue' }, t('import.catalogue', { n: catalogue.rows, renames: catalogue.renamed.map(r => `${r.from} → ${r.to}`).join(', ') })) : null,
      reresolvedHint(report),
      mergeList(report),
      removals && removing && !unclear ? removalList(removals, sourceName(str(report.source)), dryRun || Boolean(report.confirmationNeeded)) : null,
      issues.length ? issueTable(issues) : null,
      modelSummary(report),
      report.tables && Object.keys(report.tables).length ? h('section', {}, h('h2', {}, t('import.tables')),
        h('p', { id: 'import-tables' }, tableCounts(report.tables, report.written === 'initial') || t('common.none'))) : null,
    );
    linkChanges();
  }

  /** What the import removes (or would): per kind how many of how many, and their names, the first few at once. */
  function removalList(removals: Removals, source: string, wouldRemove: boolean): HTMLElement {
    return h('section', { id: 'import-removals' },
      h('p', {}, t(wouldRemove ? 'import.removalsDry' : 'import.removals', { source })),
      h('ul', {}, removals.kinds.filter(kind => kind.removing > 0).map(kind => {
        const names = h('span', { class: 'names' }, kind.sample.slice(0, FIRST_NAMES).join(', '), kind.removing > FIRST_NAMES ? ', …' : '');
        const more = kind.sample.length > FIRST_NAMES
          ? h('button', { type: 'button', class: 'link', onclick: (event: Event) => {
            fill(names, kind.sample.join(', '), kind.removing > kind.sample.length ? ` (${t('import.removalFirst', { n: formatNumber(kind.sample.length) })})` : '');
            (event.currentTarget as HTMLElement).remove();
          // "Toon alle 50" of 151 read as all of them: only what the list holds, the first so many by name.
          } }, t(kind.removing > kind.sample.length ? 'import.removalMoreFirst' : 'import.removalMore', { n: formatNumber(Math.min(kind.removing, kind.sample.length)) }))
          : null;
        return h('li', {},
          t('import.removalKind', { removing: formatNumber(kind.removing), asserted: formatNumber(kind.asserted), kinds: kindPlural(kind.label, language()), relationships: formatNumber(kind.relationships) }),
          kind.sample.length ? ': ' : '', names, more ? ' ' : '', more);
      })));
  }

  async function loadHistory(): Promise<void> {
    try {
      runs = await getImports();
      linkChanges();
      // The key is what the field takes; the name beside it says which source it is.
      fill(sources, [...new Set(runs.map(r => str(r.source)))].sort().map(name => h('option', { value: name, label: sourceName(name) })));
      fill(history, runs.length ? sortableTable<Row>({
        caption: t('import.history'),
        captionHidden: true,
        rows: runs,
        sortKey: 'when',
        columns: [
          { key: 'when', label: t('import.col.when'), value: r => str(r.finishedAt ?? r.startedAt ?? r.at ?? r.when), render: r => whenCell(r) },
          // The source by name (server/reports/source-name.ts), its key beside it: the key is what the source field takes.
          { key: 'source', label: t('import.col.source'), value: r => str(r.source), render: r => sourceName(str(r.source)) === str(r.source) ? str(r.source) : h('span', {}, sourceName(str(r.source)), ' ', h('span', { class: 'hint' }, str(r.source))) },
          { key: 'status', label: t('import.col.status'), value: runStatus },
          { key: 'user', label: t('import.col.user'), value: r => inWords('import.user.', str(r.user)) },
          { key: 'counts', label: t('import.col.counts'), value: r => runCountWords(r.counts, r.written === 'initial') },
        ],
      }) : h('p', { class: 'hint' }, t('common.none')));
    } catch (error) {
      fill(history, message(errorText(error), 'error'));
    }
  }
  await loadHistory();
}

/**
 * The rows' problems, each in the page's language from its code and params (importers/issue-words.ts):
 * where (file, line, column), the value, what was expected and the whole sentence. An issue without a
 * code (another importer's) shows the words it came with.
 */
function issueTable(issues: ImportIssue[]): HTMLElement {
  const words = new Map(issues.map(issue => [issue, issueWords(issue, language(), orgName)]));
  return sortableTable<ImportIssue>({
    id: 'import-issues',
    caption: issuesFound(issues.length),
    captionHidden: true,
    rows: issues,
    columns: [
      { key: 'file', label: t('import.col.file'), value: i => str(i.file ?? i.table) },
      // A JSON field's issue has no line (0): left blank, the field says where.
      { key: 'line', label: t('import.col.line'), value: i => (i.line ? i.line : ''), numeric: true },
      // A missing column by the name people write it in (naar, not to): importers/column-words.ts.
      { key: 'column', label: t('import.col.column'), value: i => (i.code === 'column-missing' ? missingColumnNames(str(i.column), i.params?.accepted === undefined ? undefined : String(i.params.accepted), language()).name : str(i.column)) },
      { key: 'field', label: t('import.col.field'), value: i => (i.field ? fieldWords(str(i.field), language()) : '') },
      { key: 'value', label: t('import.col.value'), value: i => (i.value === undefined ? '' : typeof i.value === 'object' ? JSON.stringify(i.value) : str(i.value)) },
      { key: 'expected', label: t('import.col.expected'), value: i => words.get(i)!.expected },
      { key: 'message', label: t('import.col.message'), value: i => words.get(i)!.message },
    ],
  });
}

/** "1 fout gevonden", "3 fouten gevonden": the singular for one. */
const issuesFound = (n: number) => t(n === 1 ? 'import.issues.one' : 'import.issues', { n: formatNumber(n) });

type FileProblem = { file: string; line?: number; column?: string; message: string };

/** The files an upload could not read, when there were several (importers/file-problem.ts fileProblems): the problem document's `errors`. */
function unreadableFiles(error: unknown): FileProblem[] | null {
  const listed = error instanceof ApiError ? (error.body as { errors?: unknown } | undefined)?.errors : undefined;
  if (!Array.isArray(listed) || listed.length < 2 || !listed.every(p => typeof p?.file === 'string' && typeof p?.message === 'string')) return null;
  return listed as FileProblem[];
}

/** Each unreadable file's problem: where (file, line, column) and the sentence, which says what was expected. */
function fileProblemTable(problems: FileProblem[]): HTMLElement {
  return sortableTable<FileProblem>({
    id: 'import-file-problems',
    caption: t('import.filesUnreadable', { n: problems.length }),
    captionHidden: true,
    rows: problems,
    columns: [
      { key: 'file', label: t('import.col.file'), value: p => p.file },
      { key: 'line', label: t('import.col.line'), value: p => p.line ?? '', numeric: true },
      { key: 'column', label: t('import.col.column'), value: p => p.column ?? '' },
      { key: 'message', label: t('import.col.message'), value: p => localDetail(p.message) },
    ],
  });
}

/**
 * A new source beside others that hold the same organisations: allowed, but said before it is imported (a user
 * typed the workbook's example name and would have got a second source), with a check under each existing one.
 */
function alongside(report: ImportReport, checkAs: ((name: string) => void) | null): HTMLElement | null {
  const existing = (report.alongside as string[] | null | undefined) ?? [];
  if (existing.length === 0) return null;
  return h('div', { id: 'import-alongside' },
    h('p', { class: 'hint' }, t(checkAs ? 'import.alongsideDry' : 'import.alongside', { source: sourceName(str(report.source)), existing: existing.map(sourceName).join(', ') })),
    checkAs ? h('div', { class: 'buttons' }, existing.map(name => h('button', { type: 'button', onclick: () => checkAs(name) }, t('import.checkAsSource', { source: sourceName(name) })))) : null);
}

/** After a GEMMA release that renamed components: the sources whose applications follow the new names (importers/catalogue-reresolve.ts). */
function reresolvedHint(report: ImportReport): HTMLElement | null {
  const followed = (report.reresolved as { source: string; rows: number }[] | undefined) ?? [];
  if (followed.length === 0) return null;
  const sources = followed.map(({ source, rows }) => t('import.reresolvedSource', { source: sourceName(source), n: formatNumber(rows) })).join('; ');
  return h('p', { class: 'hint', id: 'import-reresolved' }, t('import.reresolved', { renamed: formatNumber(Number(report.renamed ?? 0)), sources }));
}

/** What format the upload was taken for and, for a model, what it held and what became of it. */
function modelSummary(report: ImportReport): HTMLElement | null {
  const format = str(report.detectedFormat);
  if (!format) return null;
  const lines: HTMLElement[] = [h('p', { id: 'import-detected' }, t('import.detected', { format: inWords('import.format.', format) }))];
  if (typeof report.elements === 'number') {
    lines.push(h('p', { id: 'import-model' }, t('import.model', { model: str(report.model), elements: formatNumber(report.elements), relationships: formatNumber(report.relationships), views: formatNumber(report.views) })));
    // What was read, as the history says it ("120 applicaties, 14 leveranciers"), then how much of it is new or changed.
    const graph = report.graph as { nodes?: Record<string, Record<'created' | 'updated' | 'unchanged', number>>; removed?: Record<string, number> } | undefined;
    const read = nodeCountWords(graph?.nodes, graph?.removed);
    const total = (key: 'created' | 'updated' | 'unchanged') => Object.values(graph?.nodes ?? {}).reduce((sum, counts) => sum + (counts[key] ?? 0), 0);
    const changes = (['created', 'updated', 'unchanged'] as const).filter(key => total(key) > 0).map(key => t(`import.count.${key}`, { n: formatNumber(total(key)) })).join(', ');
    if (read) lines.push(h('p', { id: 'import-model-nodes' }, t(changes ? 'import.modelRead' : 'import.modelReadOnly', { counts: read, changes })));
    // A dry run loads nothing: what the model holds, by kind.
    const mapped = report.mapped as Record<string, number> | undefined;
    const found = !read && mapped ? nodeCountWords(Object.fromEntries(Object.entries(mapped).map(([kind, n]) => [kind, { created: n }])), undefined) : '';
    if (found) lines.push(h('p', { id: 'import-model-nodes' }, t('import.modelFound', { counts: found })));
  }
  if (format === 'algoritmeregister') lines.push(...registerSummary(report));
  return h('section', { id: 'import-format' }, lines);
}

/** When a run finished; for a run that wrote something, a link to what it changed (the changes page). */
function whenCell(run: Row): string | HTMLElement {
  const when = formatDateTime(run.finishedAt ?? run.startedAt ?? run.at ?? run.when);
  const hash = runChangesHash(run);
  return hash ? h('a', { href: hash, title: t('import.seeChanges') }, when) : when;
}

const runStatus = (run: Row): string =>
  run.unchangedSince ? t('import.status.unchanged') : run.removalsConfirmed && run.status === 'ok' ? t('import.status.confirmed') : inWords('import.status.', str(run.status));

/** A run's counts in words: per table for a table import, per kind of fact for one that writes the model whole (run-counts.ts). */
function runCountWords(counts: unknown, initial: boolean): string {
  const parts = runCountsOf(counts);
  return parts.tables ? tableCounts(parts.tables, initial) : nodeCountWords(parts.nodes, parts.removed);
}

/** "1 rij", "2 rijen": the singular where the words have one (rows and errors; "nieuw", "gewijzigd" do not change). */
const countKey = (key: 'read' | 'created' | 'updated' | 'unchanged' | 'merged' | 'removed' | 'errors', n: number): MessageKey =>
  (n === 1 && (key === 'read' || key === 'errors') ? `import.count.${key}.one` : `import.count.${key}`) as MessageKey;

/** Per table what an import read and did, in words: "applicaties: 400 rijen (400 nieuw)". Tables it did not contain are left out. */
export function tableCounts(tables: unknown, initial = false): string {
  if (typeof tables === 'string') {
    try { return tableCounts(JSON.parse(tables), initial); } catch { return tables; }
  }
  if (!tables || typeof tables !== 'object') return '';
  return Object.entries(tables as Record<string, Record<string, number>>)
    .filter(([, counts]) => counts && typeof counts === 'object' && Object.values(counts).some(n => typeof n === 'number' && n > 0))
    .map(([table, counts]) => {
      // "merged": supplier rows taken into another supplier of the files, else the counts do not add up to the rows read.
      const done = (['created', 'updated', 'unchanged', 'merged', 'removed', 'errors'] as const)
        .filter(key => (counts[key] ?? 0) > 0)
        // A source's first import changes no row of its own: what it "updated" another source delivered first.
        .map(key => t(initial && key === 'updated' ? 'import.count.existed' : countKey(key, counts[key]), { n: formatNumber(counts[key]) }));
      return `${inWords('import.table.', table)}: ${t(countKey('read', counts.read ?? 0), { n: formatNumber(counts.read ?? 0) })}${done.length ? ` (${done.join(', ')})` : ''}`;
    })
    .join('; ');
}

type SupplierMerge = { kept: string; dropped: string; keptName: string; droppedName: string; reason: 'same name' | 'alias file' | 'earlier import' };

/** The suppliers the import merged, and why: "ACME bv (acme2) → Acme B.V. (acme): zelfde naam". */
function mergeList(report: ImportReport): HTMLElement | null {
  const merges = (report.merges ?? []) as SupplierMerge[];
  if (merges.length === 0) return null;
  const named = (name: string, id: string) => (name === id ? id : `${name} (${id})`);
  return h('section', { id: 'import-merges' },
    h('p', {}, t('import.merges', { n: formatNumber(merges.length) })),
    expandableList(merges, merge => `${named(merge.droppedName, merge.dropped)} → ${named(merge.keptName, merge.kept)}: ${t(`import.merge.${merge.reason}` as MessageKey)}`, { initial: 10 }));
}
