// A sovereignty chain in words: "Belastingen → draait op Polder Cloud → draait op Nimbus EU-West →
// aangeboden door Nimbus Inc. (VS)". Pure: the web page and the reports both write it.
import type { ChainStep } from '../analyses/sovereignty.js';
import { JURISDICTION_NAMES, type Language, relationName } from '../labels.js';
import { shownName } from './boundary.js';

export const jurisdictionName = (jurisdiction: string | null | undefined, language: Language): string =>
  jurisdiction ? (JURISDICTION_NAMES[jurisdiction]?.[language] ?? jurisdiction) : '—';

export function chainText(chain: ChainStep[], language: Language): string {
  return chain.map((step, index) => {
    const shown = shownName(step.name, language);
    const name = index === chain.length - 1 ? `${shown} (${jurisdictionName(step.jurisdiction, language)})` : shown;
    return step.relation && step.direction ? `${relationName(step.relation, step.direction, language)} ${name}` : name;
  }).join(' → ');
}
