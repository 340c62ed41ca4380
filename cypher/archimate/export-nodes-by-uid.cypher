// title: ArchiMate export: chosen nodes
// description: Exactly the nodes $uids (an organisation's scope, or the findings of an analysis within it), for an AMEFF export; an application with the names of the open standards it implements.
MATCH (n:Entity)
WHERE n.uid IN $uids AND NOT n:Staged AND NOT n:Organisation AND NOT n:Interface AND NOT n:Contract AND NOT n:Standard AND NOT n:SupplierGroup
RETURN n.uid AS uid, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props,
       COLLECT { MATCH (n:Application)-[:IMPLEMENTS]->(s:Standard) RETURN s.name AS name ORDER BY name } AS standards
ORDER BY label, n.name, uid
