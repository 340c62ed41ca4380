// A diff's cleanup (removeFacts in importers/load.ts), after row-relationships: the nodes of rows
// $source removed lose its stamp, and so does a catalogue node (organisation, reference component…)
// that a changed or removed row named, once no relationship of the source refers to it any more, as
// cleanup/stale-nodes decides for a whole import. A node left without stamps is deleted with its
// relationships (those other sources assert too, as stale-nodes does).
UNWIND $rows AS row
MATCH (n:Entity {uid: row.uid})
WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
  AND (NOT row.catalogue OR NOT EXISTS { MATCH (n)-[r]-() WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix) })
SET n.runs = [stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, size(n.runs) = 0 AS gone
CALL (n, gone) {
  WITH n
  WHERE gone
  DETACH DELETE n
}
RETURN label, count(*) AS unstamped, sum(CASE WHEN gone THEN 1 ELSE 0 END) AS removed
