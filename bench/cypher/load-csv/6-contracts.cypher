// title: LOAD CSV contracts
// description: (:Organisation)-[:HOLDS]->(:Contract)-[:WITH]->(:Supplier), (:Contract)-[:COVERS]->(:Application) from contracts.csv.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (o:Entity {uid: 'org:' + row.organisation})
  ON CREATE SET o:Organisation, o.id = row.organisation, o.name = row.organisation
  MERGE (c:Entity {uid: 'contract:' + row.organisation + '/' + row.id})
  SET c:Contract, c.id = row.id, c.organisation = row.organisation, c.start = date(CASE WHEN row.start <> '' THEN row.start END), c.end = date(row.end),
      c.noticeMonths = toInteger(row.noticeMonths), c.autoRenew = row.autoRenew = 'yes', c.annualValue = toFloat(row.annualValue),
      c.exitPlan = row.exitPlan = 'yes', c.dataPortability = row.dataPortability = 'yes'
  MERGE (o)-[:HOLDS]->(c)
  WITH c, row
  CALL (c, row) {
    MATCH (s:Entity {uid: 'supplier:' + row.supplier})
    MERGE (c)-[:WITH]->(s)
  }
  CALL (c, row) {
    UNWIND [app IN split(coalesce(row.applications, ''), '|') WHERE app <> ''] AS app
    MATCH (a:Entity {uid: 'app:' + row.organisation + '/' + app})
    MERGE (c)-[:COVERS]->(a)
  }
} IN TRANSACTIONS OF 10000 ROWS
