// Numbers shown side by side that must add up as shown: a score's parts and its total
// (partsAddingUp, shared with the report in server/decimals.ts).

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

// The decimals rule and the parts adding up are shared with the PDF report (server/reports/sections.ts), so page and paper show the same digits.
export { decimalsToTellApart, partsAddingUp } from '../../server/decimals.js';
