// title: LOAD CSV platform hosting
// description: (:Platform)-[:RUNS_ON]->(:Platform) from platforms.csv, a second pass because a row may name a later platform.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  WITH row
  WHERE row.runsOn <> ''
  MATCH (p:Entity {uid: 'platform:' + row.id})
  MATCH (host:Entity {uid: 'platform:' + row.runsOn})
  MERGE (p)-[:RUNS_ON]->(host)
} IN TRANSACTIONS OF 10000 ROWS
