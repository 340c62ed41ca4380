// The data-quality page's texts, and the lines the side panel and the import page show about facts
// that sources assert differently, in Dutch and English (kept apart from i18n.ts: a page of its own).
// Check names and the rules are in server/labels.ts (CHECK_NAMES, CLAIM_RULE_NAMES), shared with the exports.
import { CLAIM_RULE_NAMES, propertyName, propertyValueName } from '../../server/labels.js';
import { sourceName as serverSourceName } from '../../server/reports/source-name.js';
import { formatNumber, language, t } from './i18n.js';
import { knownOrganisations, orgName } from './organisations.js';

const nl = {
  heading: 'Datakwaliteit',
  csv: 'Alle bevindingen als CSV',
  xlsx: 'Alle bevindingen als Excel',
  'answer.none': 'Geen bevindingen: de bronnen spreken elkaar niet tegen en er ontbreekt niets van wat hier wordt gecontroleerd.',
  'answer.lead': 'Gevonden: {list}.',
  'count.conflicting-claim.one': '1 tegenstrijdig gegeven tussen bronnen',
  'count.conflicting-claim': '{n} tegenstrijdige gegevens tussen bronnen',
  'count.application-without-supplier.one': '1 applicatie zonder leverancier',
  'count.application-without-supplier': '{n} applicaties zonder leverancier',
  'count.application-without-platform.one': '1 applicatie zonder platform',
  'count.application-without-platform': '{n} applicaties zonder platform',
  'count.contract-covers-nothing.one': '1 contract dat geen applicatie dekt',
  'count.contract-covers-nothing': '{n} contracten die geen applicatie dekken',
  'count.interface-to-unknown-application.one': '1 koppeling naar een onbekende applicatie',
  'count.interface-to-unknown-application': '{n} koppelingen naar een onbekende applicatie',
  'count.critical-application-without-contract.one': '1 bedrijfskritische applicatie zonder lopend contract',
  'count.critical-application-without-contract': '{n} bedrijfskritische applicaties zonder lopend contract',
  'count.duplicate-supplier.one': '1 leverancier die dubbel lijkt',
  'count.duplicate-supplier': '{n} leveranciers die dubbel lijken',
  conflicts: 'Bronnen die elkaar tegenspreken ({n})',
  'conflicts.none': 'Geen: waar bronnen hetzelfde onderdeel aanleveren, zeggen ze hetzelfde.',
  'conflicts.intro': 'Twee bronnen leveren hetzelfde onderdeel aan met een andere waarde. Eén waarde telt, volgens een vaste regel; pas de andere aan in de bron waar hij vandaan komt.',
  'col.element': 'Onderdeel',
  'col.kind': 'Soort',
  'col.property': 'Gegeven',
  'col.counts': 'Waarde die telt',
  'col.others': 'Andere waarde',
  'col.rule': 'Regel',
  'col.detail': 'Wat er mis is',
  'col.organisation': 'Organisatie',
  from: 'van {source}',
  'others.title': 'Overige bevindingen',
  'duplicate.same': 'zelfde naam als {name}',
  contractEnded: 'laatste contract beëindigd op {date}',
  'duplicate.like': 'lijkt op {name}',
  explainTitle: 'Hoe wordt bepaald welke waarde telt?',
  explainCatalogue: 'GEMMA is leidend: wat de GEMMA-catalogus over een referentiecomponent zegt, telt boven elke andere bron.',
  explainFirst: 'Eerste bron: voor al het andere telt de bron die het onderdeel als eerste aanleverde. Een latere import verandert dat niet; pas als die bron het onderdeel niet meer aanlevert, telt de volgende.',
  // The explorer's side panel and the import page.
  'panel.line': 'Bronnen zijn het oneens over {property}: {values}',
  'panel.counts': 'telt',
  'panel.link': 'Zie Datakwaliteit',
  'import.conflicts.one': '1 gegeven van deze bron wijkt af van een andere bron',
  'import.conflicts': '{n} gegevens van deze bron wijken af van een andere bron',
  'import.conflictsLink': 'zie Datakwaliteit',
};
type Key = keyof typeof nl;

const en: Record<Key, string> = {
  heading: 'Data quality',
  csv: 'All findings as CSV',
  xlsx: 'All findings as Excel',
  'answer.none': 'No findings: the sources do not contradict each other and nothing checked here is missing.',
  'answer.lead': 'Found: {list}.',
  'count.conflicting-claim.one': '1 fact the sources disagree on',
  'count.conflicting-claim': '{n} facts the sources disagree on',
  'count.application-without-supplier.one': '1 application without a supplier',
  'count.application-without-supplier': '{n} applications without a supplier',
  'count.application-without-platform.one': '1 application without a platform',
  'count.application-without-platform': '{n} applications without a platform',
  'count.contract-covers-nothing.one': '1 contract covering no application',
  'count.contract-covers-nothing': '{n} contracts covering no application',
  'count.interface-to-unknown-application.one': '1 interface to an unknown application',
  'count.interface-to-unknown-application': '{n} interfaces to an unknown application',
  'count.critical-application-without-contract.one': '1 business-critical application without a running contract',
  'count.critical-application-without-contract': '{n} business-critical applications without a running contract',
  'count.duplicate-supplier.one': '1 supplier that looks duplicated',
  'count.duplicate-supplier': '{n} suppliers that look duplicated',
  conflicts: 'Sources that disagree ({n})',
  'conflicts.none': 'None: where sources deliver the same element, they say the same.',
  'conflicts.intro': 'Two sources deliver the same element with a different value. One value counts, by a fixed rule; correct the other in the source it comes from.',
  'col.element': 'Element',
  'col.kind': 'Kind',
  'col.property': 'Fact',
  'col.counts': 'Value that counts',
  'col.others': 'Other value',
  'col.rule': 'Rule',
  'col.detail': 'What is wrong',
  'col.organisation': 'Organisation',
  from: 'from {source}',
  'others.title': 'Other findings',
  'duplicate.same': 'same name as {name}',
  contractEnded: 'last contract ended on {date}',
  'duplicate.like': 'looks like {name}',
  explainTitle: 'How is it decided which value counts?',
  explainCatalogue: 'GEMMA is the authority: what the GEMMA catalogue says about a reference component counts above any other source.',
  explainFirst: 'First source: for everything else the source that delivered the element first counts. A later import does not change that; only when that source no longer delivers the element does the next one count.',
  'panel.line': 'Sources disagree on {property}: {values}',
  'panel.counts': 'counts',
  'panel.link': 'See Data quality',
  'import.conflicts.one': '1 fact of this source differs from another source',
  'import.conflicts': '{n} facts of this source differ from another source',
  'import.conflictsLink': 'see Data quality',
};

export function dq(key: Key, vars: Record<string, string | number> = {}): string {
  const text = (language() === 'en' ? en : nl)[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/** "3 tegenstrijdige gegevens tussen bronnen": a check's count in words (a check without words: its code). */
export function checkCount(check: string, n: number): string {
  const key = `count.${check}${n === 1 ? '.one' : ''}`;
  return key in nl ? dq(key as Key, { n: formatNumber(n) }) : `${check}: ${formatNumber(n)}`;
}

/** A source as people know it (server/reports/source-name.ts): "Gemeente Roerdam (CSV-bestanden)", "GEMMA-catalogus". */
export const sourceName = (source: string): string => serverSourceName(source, language(), organisationNamed);

/** An organisation id by its name, when it is a known organisation's (undefined: the id is no organisation). */
export const organisationNamed = (id: string): string | undefined => (knownOrganisations().includes(id) ? orgName(id) : undefined);

/** A property's name as a person reads it inside a sentence: "land", "website" (but "GEMMA-id", "ArchiMate-map"). */
export const propertyWords = (property: string) => {
  const name = propertyName(property, language());
  return /^[A-Z][a-z]*(?![A-Za-z])/.test(name) && !/^[A-Z][a-z]*[A-Z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
};

/** A value as text: ja/nee for booleans, dates as 31-03-2027, coded values in words. */
export function valueWords(property: string, value: string): string {
  if (value === 'true' || value === 'false') return t(value === 'true' ? 'common.yes' : 'common.no');
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return `${value.slice(8, 10)}-${value.slice(5, 7)}-${value.slice(0, 4)}`;
  return propertyValueName(property, value, language());
}

export const ruleWords = (rule: string) => CLAIM_RULE_NAMES[rule]?.[language()] ?? rule;
