// How many of the nodes $uids (a sample of a source's row state) exist, seen by readers, with a stamp
// of the source: fewer than all means the state no longer describes the graph (importers/unchanged.ts).
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
WHERE NOT n:Staged AND any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
RETURN count(n) AS found
