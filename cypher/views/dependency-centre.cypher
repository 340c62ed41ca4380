// title: Dependency view: the node in the middle
// description: The node $uid with the few properties the dependency view shows; a contract also with the names of its suppliers and of the applications it covers (it has no name of its own, so the view names it by them).
MATCH (n:Entity {uid: $uid})
WHERE NOT n:Staged
RETURN n.uid AS uid,
       [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
       coalesce(n.name, n.id, n.uid) AS name,
       n.organisation AS organisation,
       n.criticality AS criticality,
       CASE WHEN n:Contract THEN {
         id: coalesce(n.id, n.uid),
         suppliers: COLLECT { MATCH (n)-[:WITH]->(s:Supplier) RETURN s.name },
         applications: COLLECT { MATCH (n)-[:COVERS]->(a:Application) RETURN a.name }
       } END AS contract
