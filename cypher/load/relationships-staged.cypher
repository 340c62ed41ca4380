// A staged import's relationships between nodes that existed before it began: like
// load/nodes-staged, only a relationship that exists with the same properties and that no other
// source asserts is stamped now; a new one, a changed one and a shared one come back in `deferred`
// (their row.i) and are written by load/relationships in the import's last transaction.
// importers/load.ts writes the type in for $($type) from its fixed list, and drops ` {key: row.key}`
// for the types that have no key (as for load/relationships).
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[r:$($type) {key: row.key}]->(b)
  RETURN r
  LIMIT 1
}
WITH r, row, coalesce(r.runs, []) AS before
WITH r, row, before,
     r IS NOT NULL AND all(stamp IN before WHERE stamp STARTS WITH $sourcePrefix)
       AND all(key IN keys(row.props) WHERE coalesce(r[key] = row.props[key], r[key] IS NULL AND row.props[key] IS NULL)) AS inPlace
CALL (r, before, inPlace) {
  WITH r, before
  WHERE inPlace AND NOT $stamp IN before
  SET r.runs = before[-1..] + $stamp
}
RETURN count(row) AS loaded,
       sum(CASE WHEN inPlace AND any(stamp IN before WHERE stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN inPlace AND NOT $stamp IN before THEN 1 ELSE 0 END) AS stamped,
       collect(CASE WHEN NOT inPlace THEN row.i END) AS deferred
