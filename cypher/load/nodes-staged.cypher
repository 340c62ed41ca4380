// A staged import's nodes that existed before it began (runStaged in importers/import.ts). Readers
// must not see the import before it finishes, so a node is only stamped now when nothing a reader
// sees changes: same properties (hash), the label already there, and no other source asserting it
// (whose claims would change: load/nodes). It keeps its latest earlier stamp beside this run's, so a
// rollback, which only takes this run's stamp off, leaves it asserted as it was. Every other row comes
// back in `deferred` and is written by load/nodes in the import's last transaction: a node without a
// hash (made by another tool) too, so inPlace is never null, which neither branch would count.
// $label is a parameter here (compared, not written), so this file needs no label written in.
UNWIND $rows AS row
OPTIONAL MATCH (n:Entity {uid: row.uid})
WITH n, row, coalesce(n.runs, []) AS before
WITH n, row, before,
     n IS NOT NULL AND coalesce(n.hash = row.hash, false) AND $label IN labels(n) AND all(stamp IN before WHERE stamp STARTS WITH $sourcePrefix) AS inPlace
CALL (n, before, inPlace) {
  WITH n, before
  WHERE inPlace AND NOT $stamp IN before
  SET n.runs = before[-1..] + $stamp
}
RETURN sum(CASE WHEN inPlace THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN inPlace AND any(stamp IN before WHERE stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN inPlace AND NOT $stamp IN before THEN 1 ELSE 0 END) AS stamped,
       collect(CASE WHEN NOT inPlace THEN row.uid END) AS deferred
