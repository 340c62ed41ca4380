// title: LOAD CSV platforms
// description: (:Supplier)-[:PROVIDES]->(:Platform) from platforms.csv.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (p:Entity {uid: 'platform:' + row.id})
  SET p:Platform, p.id = row.id, p.name = row.name, p.type = row.type, p.jurisdiction = row.jurisdiction
  WITH p, row
  WHERE row.supplier <> ''
  MATCH (s:Entity {uid: 'supplier:' + row.supplier})
  MERGE (s)-[:PROVIDES]->(p)
} IN TRANSACTIONS OF 10000 ROWS
