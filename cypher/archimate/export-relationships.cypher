// title: ArchiMate export: relationships
// description: The model relationships (RELATES_TO) and Roer relationships among the exported nodes $uids.
MATCH (a:Entity)-[r:RELATES_TO|DEPENDS_ON|RUNS_ON|SUPPLIES|PROVIDES|REALISES|SUPPORTS]->(b:Entity)
WHERE a.uid IN $uids AND b.uid IN $uids AND NOT a:Staged AND NOT b:Staged
RETURN a.uid AS from, b.uid AS to, type(r) AS type, properties(r) AS props
ORDER BY type, from, to, r.key
