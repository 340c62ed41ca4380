// (:Algorithm)-[:MAY_RUN_ON {confidence, basis}]->(:Application) and (:Algorithm)-[:MAY_COME_FROM]->(:Supplier):
// what the register's text names, proposed for review (the decisions are AlgorithmReview nodes, not these).
UNWIND $rows AS row
MATCH (n:Algorithm {uid: row.uid})
MATCH (t:Entity {uid: row.target})
WHERE (row.kind = 'Application' AND t:Application) OR (row.kind = 'Supplier' AND t:Supplier)
CALL (n, t, row) {
  WITH n, t, row WHERE row.kind = 'Application'
  MERGE (n)-[r:MAY_RUN_ON]->(t)
  SET r.confidence = row.confidence, r.basis = row.basis,
      r.runs = [s IN coalesce(r.runs, []) WHERE NOT s STARTS WITH $sourcePrefix] + $stamp
  UNION
  WITH n, t, row WHERE row.kind = 'Supplier'
  MERGE (n)-[r:MAY_COME_FROM]->(t)
  SET r.confidence = row.confidence, r.basis = row.basis,
      r.runs = [s IN coalesce(r.runs, []) WHERE NOT s STARTS WITH $sourcePrefix] + $stamp
}
