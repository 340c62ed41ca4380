// title: LOAD CSV suppliers
// description: (:Supplier)-[:PART_OF]->(:SupplierGroup) from suppliers.csv, the way a Neo4j user writes it by hand.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (s:Entity {uid: 'supplier:' + row.id})
  SET s:Supplier, s.id = row.id, s.name = row.name, s.country = CASE WHEN row.country <> '' THEN row.country END,
      s.group = CASE WHEN row.group <> '' THEN row.group END
  WITH s, row
  WHERE row.group <> ''
  MERGE (g:Entity {uid: 'group:' + toLower(row.group)})
  ON CREATE SET g:SupplierGroup, g.name = row.group
  MERGE (s)-[:PART_OF]->(g)
} IN TRANSACTIONS OF 10000 ROWS
