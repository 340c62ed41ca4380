// A diff's cleanup (removeFacts in importers/load.ts): the relationships that $source's previous rows
// asserted and its new rows do not lose the source's stamp; one left without stamps is deleted. Found
// between their ends' uids (Neo4j expands from the end with fewer relationships), never by a scan.
// row.type is one of the fixed relationship types; row.key is null for the types without a key.
UNWIND $rows AS row
MATCH (a:Entity {uid: row.from})
MATCH (b:Entity {uid: row.to})
MATCH (a)-[r]->(b)
WHERE type(r) = row.type AND (row.key IS NULL OR r.key = row.key) AND any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix)
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH r, row.type AS type, size(r.runs) = 0 AS gone
CALL (r, gone) {
  WITH r
  WHERE gone
  DELETE r
}
RETURN type, count(r) AS unstamped, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed
