// Numbers shown side by side that must add up as shown: a score's parts and its total. Rounding
// each part on its own can leave the parts 0,1 off the total (35,35 + 21,35 = 56,7 shown as
// 35,4 + 21,4 = 56,8); the largest-remainder method rounds them so they add up to the rounded total.

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

/**
 * When `shown` (partsAddingUp) differs from rounding each part on its own, the parts unrounded and
 * rounded on their own, for a sentence that says so once ("30,48 + 26,17" and "30,5 + 26,2"); else null.
 */
export function roundedApart(parts: number[], shown: number[], format: (value: number, decimals: number) => string, decimals = 1): { exact: string; plain: string } | null {
  const unit = 10 ** decimals;
  const apart = parts.map(part => Math.round(Math.round(part * unit * 1e6) / 1e6) / unit);
  if (apart.every((value, i) => Math.abs(value - shown[i]) < 1e-9)) return null;
  return { exact: parts.map(part => format(part, decimals + 1)).join(' + '), plain: parts.map(part => format(part, decimals)).join(' + ') };
}

// The decimals rule is shared with the PDF report (server/reports/sections.ts), so page and paper show the same digits.
export { decimalsToTellApart } from '../../server/decimals.js';
