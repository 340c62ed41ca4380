// (:Entity {uid: row.from})-[:TYPE {key: row.key}]->(:Entity {uid: row.to}), stamped like nodes and
// counted the same way (reasserted, stamped, overwrote).
// importers/load.ts writes the type in for $($type) from its fixed list: a dynamic type in MERGE
// is planned as a scan of all relationships.
// row.key separates parallel relationships (two interfaces between the same applications: DEPENDS_ON;
// ArchiMate relationships: RELATES_TO); for the other types load.ts drops ` {key: row.key}`: there is
// at most one such fact between two nodes, and the country has two million of them without a key
// property to store. Two sources asserting the same fact share one relationship with two stamps.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MERGE (a)-[r:$($type) {key: row.key}]->(b)
WITH r, row, coalesce(r.runs, []) AS before
WITH r, row, before, any(key IN keys(row.props) WHERE NOT coalesce(r[key] = row.props[key], r[key] IS NULL AND row.props[key] IS NULL)) AS changed
SET r += row.props,
    r.runs = [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp
RETURN count(r) AS loaded,
       sum(CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $sourcePrefix AND stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN $stamp IN before THEN 0 ELSE 1 END) AS stamped,
       collect(CASE WHEN changed THEN [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix | split(stamp, '#')[0]] END) AS overwrote
