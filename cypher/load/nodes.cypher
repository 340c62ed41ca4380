// (:Entity:$label {uid}) with its properties, stamped with the source and run that asserted it.
// $label comes from a fixed list in importers/load.ts, never from input. row.hash tells whether
// the properties changed, so the import report can say created / updated / unchanged.
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n.createdRun = $runId
SET n:$($label)
WITH n, row, n.createdRun = $runId AS created, coalesce(n.hash, '') <> row.hash AS changed
SET n += row.props,
    n.hash = row.hash,
    n.runs = [stamp IN coalesce(n.runs, []) WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT created AND NOT changed THEN 1 ELSE 0 END) AS unchanged
