// title: Impact: contracts touched
// description: Contracts covering at least one affected application ($applications), with the affected applications they cover.
UNWIND $applications AS uid
MATCH (c:Contract)-[:COVERS]->(a:Application {uid: uid})
WITH c, a ORDER BY a.uid
WITH c, collect(a.uid) AS affectedApplications
RETURN c.uid AS uid,
       coalesce(c.name, c.id) AS name,
       c.organisation AS organisation,
       COLLECT { MATCH (c)-[:WITH]->(s:Supplier) RETURN s.uid ORDER BY s.uid LIMIT 1 }[0] AS supplier,
       toString(c.end) AS end,
       toFloat(coalesce(c.annualValue, 0)) AS annualValue,
       affectedApplications
ORDER BY uid
