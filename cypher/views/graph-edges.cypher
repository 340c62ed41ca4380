// title: Graph edges
// description: Relationships between the nodes $ids, one row per (source, type, target) with how many there are (two interfaces give two DEPENDS_ON); only those in $relationships (element ids) unless it is null.
UNWIND $ids AS id
MATCH (a:Entity {uid: id})-[r]->(b:Entity)
WHERE b.uid IN $ids AND ($relationships IS NULL OR elementId(r) IN $relationships)
RETURN a.uid AS source, type(r) AS type, b.uid AS target, count(r) AS count
ORDER BY source, type, target
