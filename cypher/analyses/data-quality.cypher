// title: Data quality / Datakwaliteit
// description: Findings per check: applications without supplier, applications without platform, contracts covering no application, interfaces missing a FROM or TO application (an unknown application), and business-critical (high/critical) applications no running contract covers (none, or all ended on $today). Duplicate-looking suppliers come from data-quality-suppliers.
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
  // Running: not ended, or renewing by itself (its current term runs on, server/analyses/contract-term.ts).
  // One whose contracts all ended is as uncovered as one that never had any, and says when the last ended.
  UNWIND applications AS a
  WITH a WHERE a.criticality IN ['high', 'critical']
    AND NOT EXISTS { MATCH (c:Contract)-[:COVERS]->(a) WHERE c.end IS NULL OR c.autoRenew OR date(c.end) >= date($today) }
  WITH a, COLLECT { MATCH (c:Contract)-[:COVERS]->(a) RETURN toString(date(c.end)) AS end ORDER BY end DESC LIMIT 1 } AS lastEnd
  RETURN 'critical-application-without-contract' AS check, 'warning' AS severity, a.uid AS uid, a.name AS name, a.organisation AS organisation,
         CASE WHEN size(lastEnd) = 0 THEN 'Business-critical (' + a.criticality + ') but no contract covers it / Bedrijfskritisch zonder contract'
              ELSE 'Business-critical (' + a.criticality + ') but its last contract ended on ' + lastEnd[0] + ' / Bedrijfskritisch, laatste contract beëindigd op ' + lastEnd[0] END AS detail
}
RETURN check, severity, uid, name, organisation, detail
ORDER BY check, uid
