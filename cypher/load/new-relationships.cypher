// Relationships with a new end that no new node anchors (both ends new and of one label, such as an
// application depending on another, or an end that an earlier phase of the load created, such as the
// applications an interface makes depend on each other: planLoad in importers/load.ts), written once
// all nodes exist.
// A new end means the relationship cannot exist yet: created, not merged, and stamped like
// load/relationships. importers/load.ts writes the type in for $($type) from its fixed list;
// row.props carries `key` for the types that have one.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
CREATE (a)-[r:$($type)]->(b)
SET r += row.props, r.runs = [$stamp]
RETURN count(r) AS loaded
