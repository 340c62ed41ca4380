// (:Entity {uid: row.from})-[:TYPE {key: row.key}]->(:Entity {uid: row.to}), stamped like nodes.
// importers/load.ts writes the type in for $($type) from its fixed list: a dynamic type in MERGE
// is planned as a scan of all relationships.
// row.key separates parallel relationships (e.g. two interfaces between the same applications);
// two sources asserting the same fact share one relationship with two stamps.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MERGE (a)-[r:$($type) {key: row.key}]->(b)
SET r += row.props,
    r.runs = [stamp IN coalesce(r.runs, []) WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp
RETURN count(r) AS loaded
