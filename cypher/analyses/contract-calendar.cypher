// title: Contract calendar / Contractkalender
// description: Contracts whose notice deadline or end date falls in [$from, $to]. Notice deadline = end date minus noticeMonths CALENDAR months, only for a contract that renews automatically (one that does not ends on its end date whatever notice is given: it has no deadline to meet); Neo4j clamps the day to the month's last day (31 March minus 1 month = 28 or 29 February). Days are counted from $today; a contract past its notice deadline that still runs is in every window that starts on or before $today; overdue = notice deadline before $today while the contract has not ended (end date on or after $today). Contracts that renew automatically and whose end date passed are returned too: the server rolls them to their current term and keeps those in the window.
CALL () {
  // Index seeks on :Contract(organisation) for the chosen organisations; every contract only when
  // $organisations is null (`$organisations IS NULL OR … IN …` would scan them all either way).
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (c:Contract {organisation: organisation})
  RETURN c
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (c:Contract)
  RETURN c
}
WITH c
WHERE c.end IS NOT NULL
WITH c, CASE WHEN c.autoRenew THEN c.end - duration({months: coalesce(c.noticeMonths, 0)}) END AS noticeDeadline
WHERE (noticeDeadline >= date($from) AND noticeDeadline <= date($to))
   OR (c.end >= date($from) AND c.end <= date($to))
   // Past its notice deadline and still running: to act on now, in every window that holds today.
   OR (noticeDeadline < date($today) AND c.end >= date($today) AND date($from) <= date($today))
   // Renewed automatically: its current term (server/analyses/contract-term.ts) may fall in the window.
   OR (c.autoRenew AND c.end < date($today))
OPTIONAL MATCH (c)-[:WITH]->(s:Supplier)
WITH c, noticeDeadline, min(s.uid) AS supplier, min(s.name) AS supplierName
RETURN c.uid AS uid,
       coalesce(c.name, c.id) AS name,
       c.organisation AS organisation,
       supplier,
       supplierName,
       toString(c.start) AS start,
       toString(c.end) AS end,
       coalesce(c.noticeMonths, 0) AS noticeMonths,
       toString(noticeDeadline) AS noticeDeadline,
       coalesce(c.autoRenew, false) AS autoRenew,
       toFloat(coalesce(c.annualValue, 0)) AS annualValue,
       coalesce(c.exitPlan, false) AS exitPlan,
       coalesce(c.dataPortability, false) AS dataPortability,
       duration.inDays(date($today), noticeDeadline).days AS daysToNoticeDeadline,
       duration.inDays(date($today), c.end).days AS daysToEnd,
       coalesce(noticeDeadline < date($today) AND c.end >= date($today), false) AS overdue,
       COLLECT { MATCH (c)-[:COVERS]->(a:Application) RETURN a {.uid, .name, .criticality} ORDER BY a.uid } AS applications
ORDER BY coalesce(noticeDeadline, c.end), uid
