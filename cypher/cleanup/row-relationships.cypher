// A diff's cleanup (removeFacts in importers/load.ts): the relationships of one type that $source's
// previous rows asserted and its new rows do not lose the source's stamp; one left without stamps is
// deleted. Found by their ends' uids, never by a scan. importers/load.ts writes the type in for
// $($type) from its fixed list and drops ` {key: row.key}` for the types that have no key.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MATCH (a)-[r:$($type) {key: row.key}]->(b)
WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix)
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH r, size(r.runs) = 0 AS gone
CALL (r, gone) {
  WITH r
  WHERE gone
  DELETE r
}
RETURN count(r) AS unstamped, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed
