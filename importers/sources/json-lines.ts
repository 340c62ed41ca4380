// Where things are in a JSON text, which JSON.parse does not say: the line each element of an array
// starts on (so a problem with the 12th object names its line), and the line and column of a parse
// error's position.

/**
 * The line (1-based) on which each element of the array at `path` starts (`[]`: the top-level value;
 * `['components', 'objects']`: that member's array); empty when there is no array there. One pass over
 * the text, tracking strings and nesting; the text must be valid JSON (parse it first).
 */
export function arrayElementLines(text: string, path: string[]): number[] {
  const lines: number[] = [];
  // The open containers: an object remembers the key being read, an array that a value is expected.
  const stack: { kind: 'object' | 'array'; key: string | null; onPath: boolean }[] = [];
  let line = 1;
  let expectKey = false;
  const valueStarts = () => {
    const parent = stack.at(-1);
    if (parent?.kind === 'array' && parent.onPath && stack.length - 1 === path.length) lines.push(line);
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '\n') line++;
    else if (char === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      const value = text.slice(i + 1, end);
      const parent = stack.at(-1);
      if (parent?.kind === 'object' && expectKey) {
        parent.key = JSON.parse(`"${value}"`) as string;
        expectKey = false;
      } else valueStarts();
      i = end;
    } else if (char === '{' || char === '[') {
      valueStarts();
      const parent = stack.at(-1);
      const depth = stack.length;
      // On the path: the root, or a member of an on-path object under the path's key at its depth.
      const onPath = depth === 0 || (depth <= path.length && parent!.onPath && parent!.kind === 'object' && parent!.key === path[depth - 1]);
      stack.push({ kind: char === '{' ? 'object' : 'array', key: null, onPath });
      expectKey = char === '{';
    } else if (char === '}' || char === ']') stack.pop();
    else if (char === ',') expectKey = stack.at(-1)?.kind === 'object';
    else if (char === ':') expectKey = false;
    else if (/[-0-9tfn]/.test(char)) {
      valueStarts();
      while (i + 1 < text.length && /[-+0-9.eEtrufalsn]/.test(text[i + 1])) i++;
    }
  }
  return lines;
}

/** "… in JSON at position 123 …" (Node 20) → line and column of that position; 1:1 if none is given. */
export function jsonErrorAt(text: string, error: Error): { line: number; column: number } {
  const match = /position (\d+)/.exec(error.message) ?? /line (\d+) column (\d+)/.exec(error.message);
  if (!match) return { line: 1, column: 1 };
  if (match.length === 3) return { line: Number(match[1]), column: Number(match[2]) };
  const before = text.slice(0, Number(match[1]));
  const line = before.split('\n').length;
  return { line, column: before.length - before.lastIndexOf('\n') };
}
