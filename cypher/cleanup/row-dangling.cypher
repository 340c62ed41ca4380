// A diff's cleanup (removeFacts in importers/load.ts), before row-nodes: a node of a removed row that
// only $source asserts is about to be deleted with its relationships, some of them asserted by rows
// the import did not change (an interface of an application the import removes, when the interfaces
// table is not in it, as a whole import's cleanup deletes them too). They lose the source's stamp
// first, each counted once, so the run's `asserted` stays exact.
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
WHERE NOT row.catalogue AND all(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
MATCH (n)-[r]-()
WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix)
WITH DISTINCT r
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
RETURN count(r) AS unstamped
