// title: Landscape workbook: suppliers
// description: The suppliers an organisation ($organisation) depends on (of its applications, its contracts and the platforms its applications run on), plus those the sources of its applications list without any organisation using them (nor a platform of theirs), as rows of the suppliers table: re-imported under that source, none goes missing. Within the organisation's boundary (exports/organisation-scope: $uids).
CALL () {
  MATCH (a:Application {organisation: $organisation})
  UNWIND coalesce(a.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS sources
}
MATCH (s:Supplier)
WHERE s.uid IN $uids AND (EXISTS { (s)-[:SUPPLIES]->(:Application {organisation: $organisation}) }
   OR EXISTS { (:Contract {organisation: $organisation})-[:WITH]->(s) }
   OR EXISTS { (s)-[:PROVIDES]->(:Platform)<-[:RUNS_ON*1..]-(:Application {organisation: $organisation}) }
   OR (any(stamp IN coalesce(s.runs, []) WHERE split(stamp, '#')[0] IN sources)
       AND NOT EXISTS { (s)-[:SUPPLIES]->(:Application) }
       AND NOT EXISTS { (:Contract)-[:WITH]->(s) }
       AND NOT EXISTS { (s)-[:PROVIDES]->(:Platform)<-[:RUNS_ON*1..]-(:Application) }))
RETURN s.id AS id, s.name AS name, s.group AS `group`, s.country AS country, properties(s) AS props
ORDER BY id
