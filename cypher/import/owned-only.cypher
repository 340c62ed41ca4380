// Which of the nodes $uids (rows an import removes) only $source asserts: the removal plan counts them,
// since a node other sources assert stays (importers/removals.ts).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE NOT n:Staged AND all(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
RETURN n.uid AS uid
