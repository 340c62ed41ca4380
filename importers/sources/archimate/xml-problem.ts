// What the XML validator (fast-xml-parser) found, as a kind and the names in it, so the words people
// read are ours in Dutch or English (importers/issue-words.ts) rather than the parser's English
// inside a Dutch sentence. A message it does not recognise keeps the parser's text as `detail`.
import type { IssueParams } from '../../issue-words.js';

/** The validator's messages we put in words (node_modules/fast-xml-parser/src/validator.js). */
const KNOWN: [RegExp, (m: RegExpExecArray) => IssueParams][] = [
  [/^Expected closing tag '(.+)' \(opened in line (\d+), col (\d+)\) instead of closing tag '(.+)'\.$/, m => ({ kind: 'wrong-close', tag: m[1], openLine: Number(m[2]), openColumn: Number(m[3]), other: m[4] })],
  [/^Unclosed tag '(.+)'\.$/, m => ({ kind: 'unclosed', tag: m[1] })],
  [/^Invalid '\[(.*)\]' found\.$/, m => ({ kind: 'unclosed-many', tags: (m[1].match(/"([^"]+)"/g) ?? []).map(tag => tag.slice(1, -1)).join('|') })],
  [/^Closing tag '(.+)' has not been opened\.$/, m => ({ kind: 'not-opened', tag: m[1] })],
  [/^char '&' is not expected\.$/, () => ({ kind: 'ampersand' })],
  [/^char '(.)' is not expected\.$/, m => ({ kind: 'char', char: m[1] })],
  [/^Extra text at the end$/, () => ({ kind: 'extra-text' })],
  [/^Multiple possible root nodes found\.$/, () => ({ kind: 'several-roots' })],
  [/^Start tag expected\.$/, () => ({ kind: 'not-xml' })],
  [/^Attribute '(.+)' is repeated\.$/, m => ({ kind: 'attribute-twice', name: m[1] })],
  [/^Attribute '(.+)' is without value\.$/, m => ({ kind: 'attribute-no-value', name: m[1] })],
  [/^Attributes for '(.+)' have open quote\.$/, m => ({ kind: 'attribute-quote', tag: m[1] })],
  [/^Tag '(.+)' is an invalid name\.$/, m => ({ kind: 'bad-name', tag: m[1] })],
];

/** The validator's message as a kind and its names; `detail` keeps the parser's own text for what is not known. */
export function xmlProblem(message: string): IssueParams {
  for (const [pattern, params] of KNOWN) {
    const match = pattern.exec(message);
    if (match) return { ...params(match), detail: message };
  }
  return { kind: 'other', detail: message };
}

/** A web page where a model was expected: a login or error page saved instead of the file. */
const HTML = /^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+html|<html[\s>])/i;

/** A web page by its start: <!DOCTYPE html> or <html>. */
export const looksHtml = (text: string) => HTML.test(text.slice(0, 4096));

/**
 * Before the validator: a web page with <!DOCTYPE html> (not to be refused as a DTD), or text that is no
 * XML at all (a CSV or PDF named .xml). Well-formed XHTML passes, to be told it is not ArchiMate by its root.
 */
export function notXml(text: string): IssueParams | null {
  if (/^\uFEFF?\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<!DOCTYPE\s+html/i.test(text.slice(0, 4096))) return { kind: 'html' };
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (!start.startsWith('<')) return { kind: 'not-xml', start: start.slice(0, 40).split(/\r?\n/)[0] };
  return null;
}
