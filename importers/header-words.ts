// Column headers in words for the workbook Roer writes (server/exports/landscape-workbook.ts), where
// the field key or its first Dutch alias is written together (opzegtermijnMaanden). Each is also read
// back as that column (importers/mapping.ts headerIndex), next to the keys and aliases in COLUMNS.
import type { TableName } from './model.js';

export const HEADER_WORDS: Partial<Record<TableName, Record<string, { nl: string; en: string }>>> = {
  suppliers: { groupJurisdiction: { nl: 'jurisdictie concern', en: 'group jurisdiction' } },
  platforms: { runsOn: { nl: 'draait op', en: 'runs on' } },
  applications: {
    referenceComponents: { nl: 'referentiecomponenten', en: 'reference components' },
    businessFunctions: { nl: 'bedrijfsfuncties', en: 'business functions' },
    personalData: { nl: 'persoonsgegevens', en: 'personal data' },
    openStandards: { nl: 'open standaarden', en: 'open standards' },
    versionStatus: { nl: 'versiestatus', en: 'version status' },
    useStart: { nl: 'in gebruik sinds', en: 'in use since' },
    useEnd: { nl: 'in gebruik tot', en: 'in use until' },
    bbnScore: { nl: 'bbn', en: 'BBN score' },
    ibpScore: { nl: 'ibp', en: 'IBP score' },
  },
  contracts: {
    noticeMonths: { nl: 'opzegtermijn (maanden)', en: 'notice (months)' },
    autoRenew: { nl: 'stilzwijgend verlengd', en: 'renews automatically' },
    annualValue: { nl: 'jaarwaarde', en: 'annual value' },
    exitPlan: { nl: 'exitplan', en: 'exit plan' },
    dataPortability: { nl: 'dataportabiliteit', en: 'data portability' },
  },
};

/** The header words of a table's fields, both languages: [header, field]. */
export const headerWordsOf = (table: TableName): [string, string][] =>
  Object.entries(HEADER_WORDS[table] ?? {}).flatMap(([field, words]) => [[words.nl, field], [words.en, field]] as [string, string][]);
