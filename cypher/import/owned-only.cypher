// Which of the nodes $uids (rows an import removes) only $source asserts: the removal plan counts them,
// since a node other sources assert stays (importers/removals.ts), with the relationships that go with
// them and their names as people know them (as import/removal-plan names them: a contract with its
// supplier, an interface as from → to), `sortName` the order they are listed in.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE NOT n:Staged AND all(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
RETURN n.uid AS uid,
       COUNT { (n)--() } AS relationships,
       coalesce(n.name, n.id, n.uid) AS sortName,
       CASE
         WHEN n:Contract THEN coalesce(n.name, n.id) + coalesce(' (' + head(COLLECT { MATCH (n)-[:WITH]->(s:Supplier) RETURN s.name }) + ')', '')
         WHEN n:Interface THEN coalesce(head(COLLECT { MATCH (n)-[:FROM]->(a) RETURN a.name }), '?') + ' → ' + coalesce(head(COLLECT { MATCH (n)-[:TO]->(a) RETURN a.name }), '?')
         ELSE coalesce(n.name, n.id, n.uid)
       END AS name
