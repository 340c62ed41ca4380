// The other importers' problems as codes and parameters (issue 19; the CSV/XLSX importers' way, see
// importers/issue-words.ts), so the web page and the API say them in Dutch or English. A problem the
// import stops at is thrown as an InputError whose `details` are the facts (file, line, field, code,
// params): its message is the English sentence, and the API's problem document puts it in the language
// the client asks for (server/routes/problem.ts). A problem found in a row or JSON object is an issue
// that carries the same code and parameters.
import { InputError, TooLargeError } from '../server/errors.js';
import type { Issue } from './read.js';
import { jsonErrorAt } from './sources/json-lines.js';
import { type FileIssueCode, type IssueFacts, type IssueParams, issueWords } from './issue-words.js';

export type FileProblemFacts = { file: string; line?: number; column?: string; field?: string; value?: unknown; code: FileIssueCode; params?: IssueParams };

/**
 * A problem the import stops at: an InputError with the importer's own `message` (English, as the CLI
 * prints it) whose details say it in codes, which the API puts in the client's language (problemInLanguage).
 */
export function fileProblem(message: string, facts: FileProblemFacts): InputError {
  return new InputError(message, { ...facts, message });
}

/** A file or upload over a size limit (413): a TooLargeError with the English `message` and the facts in codes. */
export function fileTooLarge(message: string, facts: Omit<FileProblemFacts, 'file'> & { file?: string }): TooLargeError {
  return new TooLargeError(message, { ...facts, message });
}

/** A file larger than a reader accepts: its size and the limit, in MB for people. */
export const tooLargeFile = (file: string, size: number, max: number): TooLargeError =>
  fileTooLarge(`${file}: ${size} bytes is more than the ${max} bytes accepted`, { file, code: 'file-too-large', params: { size, max } });

/** The facts of a thrown file problem, or null when `details` are not such facts. */
export function fileProblemFacts(details: unknown): (IssueFacts & { code: FileIssueCode }) | null {
  if (typeof details !== 'object' || details === null) return null;
  const facts = details as IssueFacts;
  return typeof facts.code === 'string' && typeof facts.message === 'string' ? (facts as IssueFacts & { code: FileIssueCode }) : null;
}

/** An InputError's message in `language` when it is a file problem or a list of them; else its own message. */
export const problemInLanguage = (error: InputError | TooLargeError, language: 'nl' | 'en'): string => {
  const listed = listedProblems(error.details);
  if (listed) return problemsSentence(listed, language);
  const facts = fileProblemFacts(error.details);
  return facts ? issueWords(facts, language).message : error.message;
};

/** One of several files' problems (fileProblems): the file, where in it when known, and what is wrong. */
export type ListedProblem = IssueFacts & { file: string };

/**
 * Every file an upload could not read, not only the first (importers/read.ts): one InputError that
 * says them all, with each one's file, line and column as its details (the API's `errors`).
 */
export function fileProblems(problems: { file: string; error: InputError }[]): InputError {
  const listed = problems.map(({ file, error }) => listedProblem(file, error));
  return new InputError(`${problemsSentence(listed, 'en')} / ${problemsSentence(listed, 'nl')}`, listed);
}

function listedProblem(file: string, error: InputError): ListedProblem {
  const facts = fileProblemFacts(error.details);
  if (facts) return { ...facts, file: facts.file ?? file };
  // A CSV reader's place (sources/csv.ts csvProblem): the column by number and its header.
  const place = (error.details ?? {}) as { line?: unknown; column?: unknown; header?: unknown };
  const column = typeof place.column === 'number' ? (typeof place.header === 'string' && place.header ? `${place.column} (${place.header})` : String(place.column)) : undefined;
  return { file, ...(typeof place.line === 'number' ? { line: place.line } : {}), ...(column ? { column } : {}), message: error.message };
}

/** The details of fileProblems' error, or null. */
function listedProblems(details: unknown): ListedProblem[] | null {
  return Array.isArray(details) && details.length > 0 && details.every(d => typeof d?.file === 'string' && typeof d?.message === 'string') ? (details as ListedProblem[]) : null;
}

/** One listed problem's sentence in `language`: from its code, else the half of its "English / Nederlands" message. */
export function listedProblemText(problem: ListedProblem, language: 'nl' | 'en'): string {
  if (problem.code && fileProblemFacts(problem)) return issueWords(problem, language).message;
  const parts = problem.message.split(' / ');
  return parts.length === 2 ? parts[language === 'nl' ? 1 : 0] : problem.message;
}

const problemsSentence = (listed: ListedProblem[], language: 'nl' | 'en') =>
  `${language === 'nl' ? `${listed.length} bestanden zijn niet te lezen` : `${listed.length} files could not be read`}: ${listed.map(problem => listedProblemText(problem, language)).join('; ')}`;

/** fileProblems' list with each problem's message in `language` (the API's `errors`, as the detail is); null for any other error. */
export function listedProblemsInLanguage(error: InputError | TooLargeError, language: 'nl' | 'en'): ListedProblem[] | null {
  return listedProblems(error.details)?.map(problem => ({ ...problem, message: listedProblemText(problem, language) })) ?? null;
}

/** A field of a JSON or XML file holding what it should not: an issue with the English `message` the importer wrote and the code to say it in Dutch. */
export const fieldIssue = (issue: Issue, params: IssueParams = {}): Issue => ({ ...issue, code: 'field-invalid', params: { expected: issue.expected, ...params } });

/**
 * A JSON file's value; a file that is not UTF-8 or not JSON is a problem the import stops at, naming the
 * line and what the file should have been (`expected`, English: issue-words.ts has the Dutch).
 */
export function readJson(file: { name: string; bytes: Uint8Array }, expected: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes).replace(/^\uFEFF/, '');
  } catch {
    throw fileProblem(`${file.name}: not UTF-8 text; expected ${expected} / geen UTF-8`, { file: file.name, code: 'file-not-utf8', params: { expected: 'a JSON file in UTF-8' } });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const { line, column } = jsonErrorAt(text, error as Error);
    throw fileProblem(`${file.name}: not valid JSON (${(error as Error).message}); expected ${expected} / geen geldige JSON`, { file: file.name, line, code: 'json-unreadable', params: { detail: (error as Error).message, column, expected } });
  }
}
