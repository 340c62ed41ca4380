// (:Entity:$label {uid}) with its properties, stamped with the source and run that asserted it.
// $label comes from a fixed list in importers/load.ts, never from input. row.hash tells whether
// the properties changed: unchanged nodes only get the new stamp, and the report can say
// created / updated / unchanged. `reasserted` counts nodes that carried an earlier stamp of this source
// and `stamped` nodes that now carry this run's stamp for the first time: together they tell the
// cleanup whether anything can have become stale. `overwrote`: the other sources whose nodes this
// batch gave other properties (see importers/unchanged.ts), one list per such node.
// $staged (an import committed in several transactions): a node that existed keeps what a rollback
// needs: its earlier stamps (undoRun, undoRuns) and, when its properties change, a copy of them
// (:ImportUndo). See cypher/import/rollback.cypher.
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n.hash = '+'
SET n:$($label)
WITH n, row, n.hash = '+' AS created, coalesce(n.hash, '') <> row.hash AS changed, coalesce(n.runs, []) AS before
// What a rollback restores: the node as it was before this run first touched it.
WITH n, row, created, changed, before, $staged AND NOT created AND NOT $stamp IN before AS keepUndo
CALL (n, keepUndo, changed) {
  WITH n WHERE keepUndo AND changed
  CREATE (u:ImportUndo)
  SET u += properties(n), u.importUndoRun = $runId, u.importUndoUid = n.uid
}
SET n += CASE WHEN changed THEN row.props ELSE {} END,
    n.hash = row.hash,
    n.runs = [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp,
    n.undoRun = CASE WHEN keepUndo THEN $runId ELSE n.undoRun END,
    n.undoRuns = CASE WHEN keepUndo THEN before ELSE n.undoRuns END
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT created AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $sourcePrefix AND stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN $stamp IN before THEN 0 ELSE 1 END) AS stamped,
       collect(CASE WHEN changed AND NOT created THEN [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix | split(stamp, '#')[0]] END) AS overwrote
