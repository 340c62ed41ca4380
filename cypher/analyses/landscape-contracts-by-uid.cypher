// title: Landscape snapshot: contracts by uid
// description: The contracts $uids with the same columns as landscape-contracts, for a snapshot patch (server/analyses/snapshot-patch.ts).
UNWIND $uids AS uid
MATCH (c:Contract {uid: uid})
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
