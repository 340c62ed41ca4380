// The explorer side panel's lock-in factors: what was found (the raw value, under the factor), how much of the factor
// that is (0–100 %, the value the contribution is computed from), the weight and the contribution,
// with one line saying how they fit (server/analyses/README.md §2): contribution = weight × share,
// scaled when the weights do not add up to 100; the contributions add up to the score.
import { h } from './dom.js';
import { formatNumber, language, t } from './i18n.js';
import { lockInValueText } from '../../server/reports/lock-in-words.js';
import { partsAddingUp } from './rounding.js';
import { pick, str } from './rows.js';
import type { Row } from './types.js';

/** `ofSupplier`: the factors are means over the supplier's applications (said as a share of them, or per application). */
export function lockInTable(factors: Row[], score: unknown, label: (factor: string) => string, ofSupplier = false): HTMLElement[] {
  const weights = factors.map(f => Number(pick(f, 'weight')) || 0);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const contributions = factors.map(f => Number(pick(f, 'contribution')) || 0);
  // One decimal everywhere, rounded so the contributions add up to the score as shown.
  const shown = partsAddingUp(contributions, typeof score === 'number' ? score : contributions.reduce((sum, c) => sum + c, 0));
  const num = (text: string) => h('td', { class: 'num' }, text);
  return [
    h('table', { class: 'data compact', id: 'panel-lockin' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('panel.factor')), h('th', { scope: 'col', class: 'num' }, t('panel.share')), h('th', { scope: 'col', class: 'num' }, t('panel.weight')), h('th', { scope: 'col', class: 'num' }, t('panel.contribution')))),
      h('tbody', {}, factors.map((f, i) => h('tr', {},
        // The raw value under the factor's name: the narrow panel has no room for a fifth column.
        h('td', {}, label(str(pick(f, 'factor'))), h('br'), h('span', { class: 'hint' }, t('panel.rawValue', { value: lockInValueText(str(pick(f, 'factor')), pick(f, 'raw'), language(), ofSupplier) }))),
        num(`${formatNumber(100 * (Number(pick(f, 'value')) || 0), 0)}%`),
        num(formatNumber(weights[i], 0)),
        num(formatNumber(shown[i], 1)))))),
    h('p', { class: 'hint', id: 'panel-lockin-how' }, t(Math.round(total) === 100 ? 'panel.lockinHow' : 'panel.lockinHowScaled', { total: formatNumber(total, 0) })),
  ];
}
