// title: ArchiMate export: relationships
// description: The model relationships (RELATES_TO) and Roer relationships among the exported nodes $uids that are within the organisations' scope ($relationships, element ids: exports/organisation-scope).
MATCH (a:Entity)-[r:RELATES_TO|DEPENDS_ON|RUNS_ON|SUPPLIES|PROVIDES|REALISES|SUPPORTS]->(b:Entity)
WHERE a.uid IN $uids AND b.uid IN $uids AND NOT a:Staged AND NOT b:Staged AND elementId(r) IN $relationships
RETURN a.uid AS from, b.uid AS to, type(r) AS type, properties(r) AS props
ORDER BY type, from, to, r.key
