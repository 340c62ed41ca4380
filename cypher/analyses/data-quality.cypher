// title: Data quality / Datakwaliteit
// description: Findings per check: applications without supplier, applications without platform, contracts covering no application, interfaces missing a FROM or TO application (an unknown application), and business-critical (high/critical) applications no contract covers. Duplicate-looking suppliers come from data-quality-suppliers.
// The chosen organisations' applications, contracts and interfaces, by index (see landscape-applications).
// OPTIONAL CALL: a landscape without contracts (or interfaces) still gets the other checks; a plain CALL
// that finds none drops the row, and every finding with it.
OPTIONAL CALL () {
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (a:Application {organisation: organisation})
  RETURN a
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (a:Application)
  RETURN a
}
WITH collect(a) AS applications
OPTIONAL CALL () {
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (c:Contract {organisation: organisation})
  RETURN c
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (c:Contract)
  RETURN c
}
WITH applications, collect(c) AS contracts
OPTIONAL CALL () {
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (i:Interface {organisation: organisation})
  RETURN i
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (i:Interface)
  RETURN i
}
WITH applications, contracts, collect(i) AS interfaces
CALL (applications, contracts, interfaces) {
  UNWIND applications AS a
  WITH a WHERE NOT EXISTS { (:Supplier)-[:SUPPLIES]->(a) }
  RETURN 'application-without-supplier' AS check, 'warning' AS severity, a.uid AS uid, a.name AS name, a.organisation AS organisation,
         'No supplier delivers this application / Geen leverancier bekend' AS detail
  UNION ALL
  UNWIND applications AS a
  WITH a WHERE NOT EXISTS { (a)-[:RUNS_ON]->(:Platform) }
  RETURN 'application-without-platform' AS check, 'info' AS severity, a.uid AS uid, a.name AS name, a.organisation AS organisation,
         'Not known where this application runs / Geen platform bekend' AS detail
  UNION ALL
  UNWIND contracts AS c
  WITH c WHERE NOT EXISTS { (c)-[:COVERS]->(:Application) }
  RETURN 'contract-covers-nothing' AS check, 'warning' AS severity, c.uid AS uid, coalesce(c.name, c.id) AS name, c.organisation AS organisation,
         'Contract covers no application / Contract dekt geen applicatie' AS detail
  UNION ALL
  UNWIND interfaces AS i
  WITH i WHERE NOT EXISTS { (i)-[:FROM]->(:Application) } OR NOT EXISTS { (i)-[:TO]->(:Application) }
  RETURN 'interface-to-unknown-application' AS check, 'error' AS severity, i.uid AS uid, coalesce(i.name, i.id) AS name, i.organisation AS organisation,
         CASE WHEN NOT EXISTS { (i)-[:FROM]->(:Application) } AND NOT EXISTS { (i)-[:TO]->(:Application) } THEN 'Missing both FROM and TO application / Van- en naar-applicatie ontbreken'
              WHEN NOT EXISTS { (i)-[:FROM]->(:Application) } THEN 'Missing FROM application / Van-applicatie ontbreekt'
              ELSE 'Missing TO application / Naar-applicatie ontbreekt' END AS detail
  UNION ALL
  UNWIND applications AS a
  WITH a WHERE a.criticality IN ['high', 'critical'] AND NOT EXISTS { (:Contract)-[:COVERS]->(a) }
  RETURN 'critical-application-without-contract' AS check, 'warning' AS severity, a.uid AS uid, a.name AS name, a.organisation AS organisation,
         'Business-critical (' + a.criticality + ') but no contract covers it / Bedrijfskritisch zonder contract' AS detail
}
RETURN check, severity, uid, name, organisation, detail
ORDER BY check, uid
