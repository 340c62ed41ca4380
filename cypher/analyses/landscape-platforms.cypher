// title: Landscape snapshot: platforms
// description: Every platform with its jurisdiction, the platforms it runs on and the suppliers that provide (host) it. Platforms are shared between organisations, so all of them are fetched; there are few compared with applications.
MATCH (p:Platform)
RETURN p.uid AS uid,
       p.name AS name,
       coalesce(p.jurisdiction, 'NL') AS jurisdiction,
       COLLECT { MATCH (p)-[:RUNS_ON]->(q:Platform) RETURN DISTINCT q.uid } AS runsOn,
       COLLECT { MATCH (s:Supplier)-[:PROVIDES]->(p) RETURN DISTINCT s.uid } AS providers
ORDER BY uid
