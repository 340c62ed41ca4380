// title: Landscape snapshot: applications by uid
// description: The applications $uids with the same columns as landscape-applications: what a cached snapshot takes over from the runs that changed them since it was fetched (server/analyses/snapshot-patch.ts). A uid with no application gives no row.
UNWIND $uids AS uid
MATCH (a:Application {uid: uid})
RETURN a.uid AS uid,
       a.name AS name,
       a.organisation AS organisation,
       coalesce(a.criticality, 'medium') AS criticality,
       coalesce(a.personalData, false) AS personalData,
       COLLECT { MATCH (s:Supplier)-[:SUPPLIES]->(a) RETURN DISTINCT s.uid } AS suppliers,
       COLLECT { MATCH (a)-[:RUNS_ON]->(p:Platform) RETURN DISTINCT p.uid } AS platforms,
       COLLECT { MATCH (a)-[:SUPPORTS]->(f:BusinessFunction) RETURN DISTINCT f.uid } AS functions,
       COLLECT { MATCH (a)-[:REALISES]->(r:ReferenceComponent) RETURN DISTINCT r.uid } AS referenceComponents,
       COLLECT { MATCH (a)-[:DEPENDS_ON]->(b:Application) RETURN DISTINCT b.uid } AS dependsOn
ORDER BY uid
