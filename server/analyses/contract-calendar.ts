// Contract calendar: notice deadlines and end dates in a window, with the covered applications,
// their criticality and lock-in score. The date arithmetic is Neo4j's (calendar months).
import { z } from 'zod';
import { InputError } from '../errors.js';
import { read } from '../neo4j.js';
import { query } from '../queries.js';
import type { AnalysisDefinition, Row } from './types.js';
import { fetchLandscape } from './landscape.js';
import { loadLockInWeights, lockInScores } from './lock-in.js';
import { addMonths, booleanParam, daysBetween, Integer, OptionalDate, Organisations, today } from './params.js';
import { byUrgency, currentTerm, urgencyOf } from './contract-term.js';

export const ContractCalendarParams = z.object({
  organisation: Organisations,
  from: OptionalDate('Window start on notice deadline or end date (default today) / Begin van het venster'),
  to: OptionalDate('Window end (default from + 12 months) / Einde van het venster'),
  today: OptionalDate('Reference date for days left and overdue (default today) / Peildatum'),
  critical: booleanParam.default(false).meta({ description: 'Only contracts covering a business-critical (high or critical) application / Alleen bedrijfskritisch' }),
  minLockIn: Integer(0, 100, 0, 'Only contracts covering an application with at least this lock-in score (0 = all; the calendar page uses 50) / Minimale lock-in-score'),
});

type CalendarRow = Row & { uid: string; organisation: string; end: string; noticeMonths: number; autoRenew: boolean; noticeDeadline: string | null; applications: { uid: string; name: string; criticality: string; lockIn?: number | null }[] };

export const contractCalendar: AnalysisDefinition<typeof ContractCalendarParams> = {
  name: 'contract-calendar',
  title: 'Contract calendar / Contractkalender',
  description:
    'Contracts with their end date, notice deadline (end date minus the notice period in calendar months), auto-renewal, days left and covered applications with criticality and lock-in score, ' +
    'for notice deadlines or end dates in the window (default the next 12 months), and those overdue in every window that holds today; overdue = notice deadline passed while a contract that renews automatically still runs. ' +
    'A contract without automatic renewal has nothing to cancel, so no notice deadline (null): it is in the window by its end date, and what follows it must be arranged before then. ' +
    '`urgency` says how soon to act, and orders the rows: actNow (overdue, renews automatically, covers a business-critical application), noticeNow (notice deadline within 3 months, business-critical), followUpNow (no automatic renewal, ends within 3 months, business-critical), ' +
    'endsSoon (the same, not business-critical), noticePassed (overdue), noticeSoon (notice deadline within 3 months), noticeLater, endsLater, ended: the first three, the next three and the two after them are each ordered together by the date to act by (the notice deadline; the end date of an overdue contract or one that does not renew). ' +
    'Optionally only contracts covering a business-critical application (`critical`) or one with a lock-in score of at least `minLockIn`. Also available as ICS.',
  params: ContractCalendarParams,
  async run(driver, params) {
    const asOf = params.today ?? today();
    const from = params.from ?? asOf;
    const to = params.to ?? addMonths(from, 12);
    if (to < from) throw new InputError(`'to' (${to}) is before 'from' (${from}) / 'to' ligt voor 'from'`);
    let rows = renewedInWindow(await read<CalendarRow>(driver, query('analyses/contract-calendar').text, { organisations: params.organisation, from, to, today: asOf }), asOf, from, to);
    if (rows.length > 0) {
      // The snapshot of the scope asked (the other analyses share it), not of the organisations
      // that happen to have contracts in the window: for the country that was a second snapshot.
      const landscape = await fetchLandscape(driver, params.organisation);
      const scores = lockInScores(landscape, await loadLockInWeights(driver), asOf, rows.flatMap(row => row.applications.map(a => a.uid)));
      for (const row of rows) {
        for (const application of row.applications) application.lockIn = scores.get(application.uid)?.score ?? null;
        row.criticalApplications = row.applications.filter(a => a.criticality === 'high' || a.criticality === 'critical').length;
      }
      // The filters of the calendar page, here so that its downloads carry exactly the rows it shows.
      rows = rows.filter(row => (!params.critical || (row.criticalApplications as number) > 0) && (params.minLockIn === 0 || row.applications.some(a => (a.lockIn ?? 0) >= params.minLockIn)));
      const toActOn = (row: CalendarRow) => ({ uid: row.uid, end: row.end, noticeDeadline: row.noticeDeadline, critical: (row.criticalApplications as number) > 0 });
      for (const row of rows) row.urgency = urgencyOf(toActOn(row), asOf);
      const order = byUrgency(asOf);
      rows.sort((a, b) => order(toActOn(a), toActOn(b)));
    }
    return { rows, summary: { from, to, today: asOf, contracts: rows.length, overdue: rows.filter(row => row.overdue).length } };
  },
};

/**
 * Contracts that renewed automatically come from the query with their written end date; here they
 * get their current term (end, notice deadline, days left, overdue) and stay when that term's
 * notice deadline or end falls in the window.
 */
function renewedInWindow(rows: CalendarRow[], asOf: string, from: string, to: string): CalendarRow[] {
  const inWindow = (date: string) => date >= from && date <= to;
  return rows.flatMap((row): CalendarRow[] => {
    const term = currentTerm(row, asOf);
    if (!term?.renewed) return [{ ...row, renewed: false, contractEnd: row.end }];
    // Renewed, so it renews automatically and has a notice deadline.
    const { end, renewed, contractEnd } = term, noticeDeadline = term.noticeDeadline!;
    const overdue = noticeDeadline < asOf && end >= asOf;
    // Past its notice deadline (still running) is to act on now: in every window that holds today, as in the query.
    if (!inWindow(noticeDeadline) && !inWindow(end) && !(overdue && from <= asOf)) return [];
    return [{ ...row, end, noticeDeadline, renewed, contractEnd, daysToNoticeDeadline: daysBetween(asOf, noticeDeadline), daysToEnd: daysBetween(asOf, end), overdue }];
  });
}
