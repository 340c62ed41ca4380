// title: Landscape snapshot: applications
// description: Every application of the chosen organisations ($organisations = null means all) with its suppliers, the platforms it runs on directly, the business functions it supports, the reference components it realises and the applications it depends on. The shared input of supplier-exposure, lock-in, single-points-of-failure, impact and what-if, fetched in one query so every analysis sees one consistent graph.
CALL () {
  // Index seeks on :Application(organisation) for the chosen organisations; every application only when
  // $organisations is null (`$organisations IS NULL OR … IN …` would scan them all either way).
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (a:Application {organisation: organisation})
  RETURN a
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (a:Application)
  RETURN a
}
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
