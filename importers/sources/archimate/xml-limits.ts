// Limits on what one XML file may hold, checked on its bytes as they arrive (an upload) or before
// they are decoded (a file): fast-xml-parser copies an attribute or a text several times over
// (entities, trimming), so a 40 MB attribute took 1.6 GB, and it recurses per level of nesting, so
// 10,000 levels failed with a 500. Not a validator: XMLValidator reports malformed XML afterwards.
import { fileProblem } from '../../file-problem.js';

/**
 * Models nest folders and diagram groups a few levels deep (10 in the deepest reference model), and
 * fast-xml-parser stops at 100 with an error of its own; documentation runs to pages, not megabytes.
 */
export const XML_LIMITS = { attributeBytes: 100_000, textBytes: 1_000_000, depth: 100 };
export type XmlLimits = typeof XML_LIMITS;

export type XmlLimitScanner = { write(chunk: Uint8Array): void };

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const BRACKET = 0x5d;
const NEWLINE = 0x0a;

// States of the scanner; numbers, as it looks at every byte of a file of up to 64 MB.
const TEXT = 0; // between tags
const OPENED = 1; // just after '<'
const BANGED = 2; // just after '<!'
const TAG = 3; // in a start tag
const QUOTED = 4; // in a quoted attribute value
const TO_GT = 5; // in an end tag, processing instruction or declaration, up to '>'
const COMMENT = 6; // up to '-->'
const CDATA = 7; // up to ']]>', counted as text

/**
 * Feeds bytes through a small state machine: text between tags, start tags with their quoted values,
 * and comments, CDATA, processing instructions, declarations and end tags skipped up to their end.
 * Throws an InputError at the line and column where the offending value or text begins.
 */
export function xmlLimitScanner(fileName: string, limits: XmlLimits = XML_LIMITS): XmlLimitScanner {
  let state = TEXT;
  let line = 1;
  let column = 0; // of the byte just read
  let depth = 0;
  let length = 0; // of the current text, CDATA or quoted value
  let startLine = 1; // where it, or the current tag, began
  let startColumn = 1;
  let quote = 0;
  let previous = 0; // in a tag, the byte before: '/' before '>' closes an empty element
  let run = 0; // '-' or ']' just before, toward '-->' or ']]>'

  const fail = (what: string): never => {
    throw fileProblem(`${fileName}:${startLine}:${startColumn}: ${what} (onleesbare XML: te groot of te diep genest)`, { file: fileName, line: startLine, column: String(startColumn), code: 'xml-too-large', params: { detail: what } });
  };

  return {
    write(chunk) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      for (let i = 0; i < bytes.length; i++) {
        // Most bytes are text or quoted values: jump to their end, counting lines on the way.
        if ((state === TEXT || state === QUOTED) && length > 0) {
          const found = bytes.indexOf(state === TEXT ? LT : quote, i);
          const end = found < 0 ? bytes.length : found;
          length += end - i;
          if (state === TEXT && length > limits.textBytes) fail(`a text of more than ${limits.textBytes} bytes`);
          if (state === QUOTED && length > limits.attributeBytes) fail(`an attribute value of more than ${limits.attributeBytes} bytes`);
          for (; i < end; i++) {
            if (bytes[i] === NEWLINE) {
              line++;
              column = 0;
            } else if ((bytes[i] & 0xc0) !== 0x80) column++;
          }
          if (i === bytes.length) break;
        }
        const byte = bytes[i];
        if (byte === NEWLINE) {
          line++;
          column = 0;
        } else if ((byte & 0xc0) !== 0x80) column++;
        switch (state) {
          case TEXT:
            if (byte === LT) {
              state = OPENED;
              startLine = line;
              startColumn = column;
            } else if (length++ === 0) {
              startLine = line;
              startColumn = column;
            } else if (length > limits.textBytes) fail(`a text of more than ${limits.textBytes} bytes`);
            break;
          case OPENED:
            if (byte === BANG) state = BANGED;
            else if (byte === SLASH || byte === QUESTION) {
              if (byte === SLASH) depth--;
              state = TO_GT;
            } else {
              state = TAG;
              previous = byte;
            }
            break;
          case BANGED:
            state = byte === DASH ? COMMENT : byte === 0x5b ? CDATA : TO_GT;
            run = 0;
            length = 0;
            break;
          case TAG:
            if (byte === 0x22 || byte === 0x27) {
              state = QUOTED;
              quote = byte;
              length = 0;
              startLine = line;
              startColumn = column;
            } else if (byte === GT) {
              if (previous !== SLASH && ++depth > limits.depth) fail(`elements nested more than ${limits.depth} deep`);
              state = TEXT;
              length = 0;
            }
            previous = byte;
            break;
          case QUOTED:
            if (byte === quote) {
              state = TAG;
              previous = byte;
            } else if (++length > limits.attributeBytes) fail(`an attribute value of more than ${limits.attributeBytes} bytes`);
            break;
          case TO_GT:
            if (byte === GT) {
              state = TEXT;
              length = 0;
            }
            break;
          case COMMENT:
          case CDATA: {
            const closer = state === COMMENT ? DASH : BRACKET;
            if (byte === GT && run >= 2) {
              state = TEXT;
              length = 0;
            } else {
              run = byte === closer ? run + 1 : 0;
              if (state === CDATA && ++length > limits.textBytes + 2) fail(`a CDATA section of more than ${limits.textBytes} bytes`);
            }
            break;
          }
        }
      }
    },
  };
}

/** The whole of a file's bytes through xmlLimitScanner. */
export function checkXmlLimits(bytes: Uint8Array, fileName: string, limits: XmlLimits = XML_LIMITS): void {
  xmlLimitScanner(fileName, limits).write(bytes);
}
