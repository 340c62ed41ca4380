// The report's sentences on what changed (server/reports/changes-section.ts) and when its list of rows is
// said to be incomplete (change-words.ts), on made-up changes: the words of kinds the graph has no label
// for, one item in the sentence and several as lines, and which imports that kept only counts matter.
import { changesLead } from '../../server/reports/changes-section.js';
import type { ReportChanges } from '../../server/reports/report-data.js';
import { fieldLine, wroteTableRows } from '../../server/reports/change-words.js';
import type { ChangesRun, HeadlineChange } from '../../server/analyses/changes.js';

const EMPTY = { added: 0, changed: 0, removed: 0, items: { added: [], changed: [], removed: [] } };
const point = (name: string, kind: string, rank: number) => ({ uid: `x:${name}`, name, kind, rank, articulationPoint: false, failedApplications: 3, directlyFailedApplications: 1, failedCriticalApplications: 1, businessFunctionsStopping: 0 });
const headline = (ranking: HeadlineChange['ranking']): HeadlineChange => ({
  organisation: 'gm1', before: null, baseline: 'since', after: null, entered: { spofs: [], notice: [] }, left: { spofs: [], notice: [] }, ended: [], suppliers: [], ranking,
});
const changes = (ranking: HeadlineChange['ranking']): ReportChanges => ({
  since: '2026-12-05T13:47:00Z', source: 'demo:gm1', complete: true,
  tables: { applications: { ...EMPTY, changed: 1 }, suppliers: EMPTY, platforms: EMPTY, interfaces: EMPTY, contracts: EMPTY },
  headline: headline(ranking),
});

describe('the report\'s sentences on what changed', () => {
  it('when an intermediary moved in the top 10, then it is named in the report\'s words for it, not its key', () => {
    const lead = changesLead(changes({ entered: [], left: [], moved: [{ ...point('Berichtenbus', 'intermediary', 2), before: 124, after: 125 }] }), 'nl', '2026-12-05', id => (id === 'gm1' ? 'Gemeente Een' : undefined));
    expect(lead).toEqual([
      'Vergeleken met de import van 05-12-2026 14:47 uit Gemeente Een (demo).',
      'Applicaties: 1 gewijzigd.',
      'Kwetsbare punten die meer of minder bedrijfskritische applicaties raken: Berichtenbus (tussenstation): 124 → 125.',
    ]);
    expect(changesLead(changes({ entered: [], left: [], moved: [{ ...point('Bus', 'intermediary', 2), before: 1, after: 2 }] }), 'en', '2026-12-05').at(-1)).toBe('Single points of failure hitting more or fewer business-critical applications: Bus (intermediary): 1 → 2.');
  });

  it('when several entered the top 10, then each is a line of its own under the sentence', () => {
    const lead = changesLead(changes({ entered: [point('A', 'application', 1), point('B', 'platform', 2)], left: [], moved: [] }), 'nl', '2026-12-05');
    expect(lead.slice(2)).toEqual(['Nieuw in de top 10 kwetsbare punten:', '– A (applicatie): nu #1, 1 bedrijfskritische applicatie geraakt', '– B (platform): nu #2, 1 bedrijfskritische applicatie geraakt']);
  });
});

describe('which imports that kept only counts leave rows out of the report\'s list', () => {
  const run = (counts: ChangesRun['counts']): ChangesRun => ({ runId: 'r', source: 's', at: '2026-12-05T13:47:00Z', startedAt: '2026-12-05T13:46:50Z', user: 'u', kind: null, imported: null, rows: false, counts });
  it('when an import wrote algorithms or release cycles only, then no table row is missing', () => {
    expect(wroteTableRows(run({ tables: { algorithms: { added: 5, changed: 0, unchanged: 0, removed: 0 } } }))).toBe(false);
    expect(wroteTableRows(run({ tables: {}, nodes: { ReleaseCycle: { created: 16 } } }))).toBe(false);
  });
  it('when a first import or a model\'s first wrote applications, then rows are missing', () => {
    expect(wroteTableRows(run({ tables: { applications: { added: 120, changed: 0, unchanged: 0, removed: 0 } } }))).toBe(true);
    expect(wroteTableRows(run({ tables: {}, nodes: { Application: { created: 12 } } }))).toBe(true);
  });
});

describe('a changed field in words', () => {
  it('when a contract\'s annual value changed, then both amounts read as money', () => {
    expect(fieldLine({ field: 'annualValue', before: 782369, after: 932369 }, 'nl').replace(/\u00a0/g, ' ')).toBe('jaarwaarde: € 782.369 → € 932.369');
    expect(fieldLine({ field: 'noticeMonths', before: 3, after: 6 }, 'nl')).toMatch(/: 3 → 6$/);
  });
});
