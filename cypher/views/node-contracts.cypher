// title: Contracts of a node
// description: The contract itself, the contracts covering an application, with a supplier, or held by an organisation; notice deadline = end date minus the notice period in calendar months (31 March minus one month is 28/29 February).
MATCH (n:Entity {uid: $uid})
WHERE NOT n:Staged
CALL (n) {
  MATCH (n:Contract) RETURN n AS c
  UNION
  MATCH (n)<-[:COVERS]-(c:Contract) RETURN c
  UNION
  MATCH (n)<-[:WITH]-(c:Contract) RETURN c
  UNION
  MATCH (n)-[:HOLDS]->(c:Contract) RETURN c
}
WITH DISTINCT c
WITH c, CASE WHEN c.end IS NULL THEN null ELSE date(c.end) - duration({months: coalesce(c.noticeMonths, 0)}) END AS deadline
RETURN c.uid AS uid,
       c.id AS id,
       c.organisation AS organisation,
       toString(c.start) AS start,
       toString(c.end) AS end,
       c.noticeMonths AS noticeMonths,
       c.autoRenew AS autoRenew,
       c.annualValue AS annualValue,
       c.exitPlan AS exitPlan,
       c.dataPortability AS dataPortability,
       toString(deadline) AS noticeDeadline,
       deadline < date() AS noticeDeadlinePassed,
       [(c)-[:WITH]->(s:Supplier) | s.name] AS suppliers,
       [(c)-[:COVERS]->(a:Application) | a.name] AS applications
ORDER BY noticeDeadline, uid
