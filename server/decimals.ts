// How many decimals a set of numbers shown together needs; used by the web pages (web/src/rounding.ts)
// and the report, so the same gain reads 0,35 on the page and in the PDF. No Node imports: the page bundles it.

/**
 * Decimals (1 or 2) at which different values also look different, and a value below 1 keeps its
 * second digit (0,37 rather than 0,4: fourteen moves of 0,37 are not 5,6 points).
 */
export function decimalsToTellApart(values: number[], format: (value: number, decimals: number) => string): number {
  const distinct = [...new Set(values)];
  const apart = new Set(distinct.map(value => format(value, 1))).size === distinct.length;
  return apart && distinct.every(value => value === 0 || Math.abs(value) >= 1) ? 1 : 2;
}
