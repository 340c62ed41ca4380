// title: Dependency view: the node in the middle
// description: The node $uid with the few properties the dependency view shows.
MATCH (n:Entity {uid: $uid})
WHERE NOT n:Staged
RETURN n.uid AS uid,
       [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
       coalesce(n.name, n.id, n.uid) AS name,
       n.organisation AS organisation,
       n.criticality AS criticality
