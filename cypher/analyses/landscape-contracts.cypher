// title: Landscape snapshot: contracts
// description: Every contract of the chosen organisations with its supplier, the applications it covers and its notice deadline = end date minus noticeMonths calendar months (Neo4j clamps to the month's last day: 31 March minus 1 month is 28 or 29 February).
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
RETURN c.uid AS uid,
       coalesce(c.name, c.id) AS name,
       c.organisation AS organisation,
       COLLECT { MATCH (c)-[:WITH]->(s:Supplier) RETURN s.uid ORDER BY s.uid LIMIT 1 }[0] AS supplier,
       toString(c.end) AS end,
       toString(c.end - duration({months: coalesce(c.noticeMonths, 0)})) AS noticeDeadline,
       coalesce(c.noticeMonths, 0) AS noticeMonths,
       coalesce(c.autoRenew, false) AS autoRenew,
       toFloat(coalesce(c.annualValue, 0)) AS annualValue,
       coalesce(c.exitPlan, false) AS exitPlan,
       coalesce(c.dataPortability, false) AS dataPortability,
       COLLECT { MATCH (c)-[:COVERS]->(a:Application) RETURN DISTINCT a.uid } AS covers
ORDER BY uid
