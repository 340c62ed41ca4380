// (a)-[:TYPE {key: row.key}]->(b) between nodes found by element id (row.from, row.to: ids the
// node load returned or cypher/load/element-ids looked up, both in this transaction), stamped like
// nodes and counted the same way (reasserted, stamped), with the same undo record when $staged.
// importers/load.ts writes the type in for $($type) from its fixed list: a dynamic type in MERGE
// is planned as a scan of all relationships.
// row.key separates parallel relationships (e.g. two interfaces between the same applications);
// two sources asserting the same fact share one relationship with two stamps.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.from
MATCH (b) WHERE elementId(b) = row.to
MERGE (a)-[r:$($type) {key: row.key}]->(b)
WITH r, row, coalesce(r.runs, []) AS before
// What a rollback restores: the relationship as it was before this run first touched it.
WITH r, row, before, $staged AND size(before) > 0 AND NOT $stamp IN before AS keepUndo
CALL (r, row, keepUndo) {
  WITH r WHERE keepUndo AND any(key IN keys(row.props) WHERE NOT coalesce(r[key] = row.props[key], r[key] IS NULL AND row.props[key] IS NULL))
  CREATE (u:ImportUndo)
  SET u += properties(r), u.importUndoRun = $runId, u.importUndoRelationship = elementId(r)
}
SET r += row.props,
    r.runs = [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp,
    r.undoRun = CASE WHEN keepUndo THEN $runId ELSE r.undoRun END,
    r.undoRuns = CASE WHEN keepUndo THEN before ELSE r.undoRuns END
RETURN count(r) AS loaded,
       sum(CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $sourcePrefix AND stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN $stamp IN before THEN 0 ELSE 1 END) AS stamped
