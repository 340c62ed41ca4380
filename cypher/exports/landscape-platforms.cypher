// title: Landscape workbook: platforms
// description: The platforms an organisation's ($organisation) applications run on, directly or through other platforms, plus those the sources of its applications list without any application on them, as rows of the platforms table. Within the organisation's boundary (exports/organisation-scope: $uids, $relationships): a platform or a "runs on" only another organisation asserts stays out.
CALL () {
  MATCH (a:Application {organisation: $organisation})
  UNWIND coalesce(a.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS sources
}
MATCH (p:Platform)
WHERE p.uid IN $uids AND (EXISTS { (:Application {organisation: $organisation})-[:RUNS_ON*1..]->(p) }
   OR (any(stamp IN coalesce(p.runs, []) WHERE split(stamp, '#')[0] IN sources)
       AND NOT EXISTS { (:Application)-[:RUNS_ON*1..]->(p) }))
RETURN p.id AS id, p.name AS name, p.type AS type, p.jurisdiction AS jurisdiction,
  COLLECT { MATCH (s:Supplier)-[r:PROVIDES]->(p) WHERE elementId(r) IN $relationships RETURN s.id AS id ORDER BY id }[0] AS supplier,
  COLLECT { MATCH (p)-[r:RUNS_ON]->(under:Platform) WHERE elementId(r) IN $relationships RETURN under.id AS id ORDER BY id }[0] AS runsOn,
  properties(p) AS props
ORDER BY id
