// What is wrong with what a person filled in, in their words: the field by the label the page gives it
// ("Sinds datum"), then what is wrong and what to do ("is geen geldige datum: gebruik dd-mm-jjjj"). Read
// from the server's problem document (server/routes/problem.ts: `errors`, each with a field and a zod
// code). A user who typed a wrong date did not "ask the server" anything, so no such prefix.
import { localDetail } from './errors.js';
import { language, t, type MessageKey } from './i18n.js';

type Kind = 'date' | 'text';
/**
 * The request fields people fill in on a page, by the label of the control they use; only fields that one
 * control fills (`organisation` is sent by every page, so it is no field a person typed).
 */
const FIELDS: Record<string, { label: MessageKey; kind: Kind }> = {
  since: { label: 'changes.sinceDate', kind: 'date' },
  product: { label: 'adv.product', kind: 'text' },
  range: { label: 'adv.range', kind: 'text' },
  source: { label: 'import.source', kind: 'text' },
};

const WORDS = {
  nl: {
    empty: '‘{field}’ is niet ingevuld.',
    date: '‘{field}’ is geen geldige datum: gebruik dd-mm-jjjj, zoals 31-01-2026.',
    other: '‘{field}’ klopt niet; verwacht: {detail}.',
    check: 'Controleer wat er is ingevuld: {detail}',
  },
  en: {
    empty: '‘{field}’ is empty.',
    date: '‘{field}’ is not a valid date: use dd-mm-yyyy, such as 31-01-2026.',
    other: '‘{field}’ is not right; expected: {detail}.',
    check: 'Please check what was entered: {detail}',
  },
};
type Word = keyof typeof WORDS.nl;
const say = (word: Word, vars: Record<string, string>) => WORDS[language()][word].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');

type FieldProblem = { field?: string; code?: string; message?: string };

/** The server's words for one problem without its field name in front ("since: a date …" → "a date …"). */
const detailOf = (problem: FieldProblem) => localDetail(String(problem.message ?? '')).replace(/^\w+:\s*/, '').replace(/\.$/, '');

/**
 * A refused request's problems with the fields people fill in, one sentence each; null when the
 * problem document names none (then the caller says what the server said).
 */
export function inputProblemText(body: unknown): string | null {
  const problems = (body as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(problems)) return null;
  const sentences: string[] = [];
  for (const problem of problems as FieldProblem[]) {
    const known = problem.field ? FIELDS[problem.field] : undefined;
    if (!known) continue;
    const field = t(known.label);
    const sentence = problem.code === 'too_small' && known.kind === 'text' ? say('empty', { field })
      : known.kind === 'date' ? say('date', { field })
        : say('other', { field, detail: detailOf(problem) });
    if (!sentences.includes(sentence)) sentences.push(sentence);
  }
  return sentences.length ? sentences.join(' ') : null;
}

/** A refused request without fields people fill in: what the server said, asking to check the input. */
export const inputCheckText = (detail: string) => say('check', { detail: localDetail(detail) });
