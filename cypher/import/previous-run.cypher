// The latest successful run of $source: how many nodes and relationships it left stamped
// (`asserted`; null for runs recorded before Roer counted them). No row: the source never ran.
MATCH (r:ImportRun {source: $source})
WHERE r.status = 'ok'
RETURN r.asserted AS asserted
ORDER BY r.finishedAt DESC
LIMIT 1
