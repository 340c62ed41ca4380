// One relationship type and direction of load/new-nodes: row.rels[$(block)] lists the other end (uid)
// and properties of each relationship of this type that the row's new node anchors. importers/load.ts
// writes in $(block) and $($type), and turns the arrow round for incoming relationships.
CALL (n, row) {
  UNWIND row.rels[$(block)] AS rel
  MATCH (other:Entity {uid: rel.uid})
  CREATE (n)-[r:$($type)]->(other)
  SET r += rel.props, r.runs = [$stamp]
  RETURN count(r) AS made
}
WITH n, row, relationships + made AS relationships
