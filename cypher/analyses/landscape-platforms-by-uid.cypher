// title: Landscape snapshot: platforms by uid
// description: The platforms $uids with the same columns as landscape-platforms, for a snapshot patch (server/analyses/snapshot-patch.ts).
UNWIND $uids AS uid
MATCH (p:Platform {uid: uid})
RETURN p.uid AS uid,
       p.name AS name,
       coalesce(p.jurisdiction, 'NL') AS jurisdiction,
       COLLECT { MATCH (p)-[:RUNS_ON]->(q:Platform) RETURN DISTINCT q.uid } AS runsOn,
       COLLECT { MATCH (s:Supplier)-[:PROVIDES]->(p) RETURN DISTINCT s.uid } AS providers
ORDER BY uid
