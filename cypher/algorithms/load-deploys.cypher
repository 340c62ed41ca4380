// (:Organisation)-[:DEPLOYS]->(:Algorithm) — the organisation that registered the algorithm.
UNWIND $rows AS row
MATCH (o:Organisation {uid: row.organisation})
MATCH (n:Algorithm {uid: row.uid})
MERGE (o)-[r:DEPLOYS]->(n)
SET r.runs = [s IN coalesce(r.runs, []) WHERE NOT s STARTS WITH $sourcePrefix] + $stamp
