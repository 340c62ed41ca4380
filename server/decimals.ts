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

// Rounding each part of a total on its own can leave the parts 0,1 off the total (35,35 + 21,35 = 56,7
// shown as 35,4 + 21,4 = 56,8): the largest-remainder method rounds them so they add up as shown. The
// lock-in panel and the report both show a score's contributions so (a reader saw 2,5 on one, 2,6 on the other).
/**
 * `parts` rounded to `decimals` so that they add up to `total` rounded to `decimals`: each part
 * rounded down, then the units still missing go one each to the parts that lost most by it (the
 * larger part first on equal losses); a total below the parts' sum takes units back from the parts
 * that lost least. Parts of 0 stay 0.
 */
export function partsAddingUp(parts: number[], total: number, decimals = 1): number[] {
  const unit = 10 ** decimals;
  // Scaled and cleaned of binary noise (35.35 × 10 is 353.49999…).
  const scaled = parts.map(part => Math.round(part * unit * 1e6) / 1e6);
  const shown = scaled.map(Math.floor);
  let missing = Math.round(Math.round(total * unit * 1e6) / 1e6) - shown.reduce((sum, n) => sum + n, 0);
  const order = scaled.map((value, index) => ({ index, value, rest: Math.round((value - shown[index]) * 1e6) / 1e6 }))
    .filter(p => p.value > 0)
    .sort((a, b) => b.rest - a.rest || b.value - a.value || a.index - b.index);
  for (let i = 0; missing > 0 && order.length > 0; i = (i + 1) % order.length, missing--) shown[order[i].index]++;
  const back = [...order].reverse();
  for (let i = 0; missing < 0 && back.some(p => shown[p.index] > 0); i = (i + 1) % back.length) {
    if (shown[back[i].index] > 0) {
      shown[back[i].index]--;
      missing++;
    }
  }
  return shown.map(n => n / unit);
}
