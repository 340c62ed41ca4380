// A lock-in factor's own measure in words, for the report and the explorer's side panel: yes/no, a count
// with its unit ("1 koppeling", "4,3 jaar"); for a supplier, whose factors are means over its
// applications, the share of them a yes/no factor holds for ("bij 65% van de applicaties") or the mean
// per application ("gemiddeld 4,3 applicaties"). Pure (the web UI bundles it).
import { formatNumber, formatPercent } from '../format.js';
import { type Language, YES_NO } from '../labels.js';
import { countedText, reportText } from './words.js';
import { partsAddingUp } from '../decimals.js';

/** Lock-in factors that hold or not for an application; the others count (interfaces, years, dependants, alternatives). */
const YES_NO_FACTORS = new Set(['noExitPlan', 'noDataPortability', 'autoRenewed', 'supplierHosts', 'outsideEu']);
const COUNTED_FACTORS = new Set(['closedInterfaces', 'remainingContractYears', 'dependants', 'fewSubstitutes']);
type CountedFactor = 'closedInterfaces' | 'remainingContractYears' | 'dependants' | 'fewSubstitutes';

export function lockInValueText(factor: string, raw: unknown, language: Language, ofSupplier = false): string {
  const counted = (value: string) => (COUNTED_FACTORS.has(factor) ? countedText(language, `lockIn.unit.${factor as CountedFactor}`, Number(raw), { n: value }) : value);
  if (ofSupplier && typeof raw === 'number') {
    return YES_NO_FACTORS.has(factor)
      ? reportText(language, 'lockIn.share', { share: formatPercent(raw * 100, language, 0) })
      : reportText(language, 'lockIn.mean', { value: counted(formatNumber(raw, language, 1)) });
  }
  if (typeof raw === 'boolean') return YES_NO[raw ? 'yes' : 'no'][language];
  if (typeof raw === 'number') return counted(formatNumber(raw, language, Number.isInteger(raw) ? 0 : 1));
  return raw === null || raw === undefined ? '—' : String(raw);
}

/**
 * Each factor's contribution as the page's lock-in table shows it: rounded to one decimal so that they add up to
 * the score as shown (partsAddingUp). Rounded one by one, the report said 2,6 where the side panel said 2,5.
 */
export function shownContributions(lockIn: { score: number; factors: { factor: string; contribution: number }[] }): Map<string, number> {
  const shown = partsAddingUp(lockIn.factors.map(f => f.contribution), lockIn.score);
  return new Map(lockIn.factors.map((f, i) => [f.factor, shown[i]]));
}
