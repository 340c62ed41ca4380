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

/** An InputError's message in `language` when it is a file problem; else its own message. */
export const problemInLanguage = (error: InputError | TooLargeError, language: 'nl' | 'en'): string => {
  const facts = fileProblemFacts(error.details);
  return facts ? issueWords(facts, language).message : error.message;
};

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
