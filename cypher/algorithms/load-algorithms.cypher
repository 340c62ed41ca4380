// (:Entity:Algorithm {uid}) — one per register entry, stamped $stamp (this source's earlier stamps replaced).
UNWIND $rows AS row
MERGE (n:Entity:Algorithm {uid: row.uid})
SET n += row.props,
    n.runs = [s IN coalesce(n.runs, []) WHERE NOT s STARTS WITH $sourcePrefix] + $stamp
