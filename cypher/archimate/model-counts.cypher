// title: ArchiMate model counts
// description: How many ArchiMate elements (nodes with an archimateId) and relationships (RELATES_TO) the source $source asserts in its latest run.
CALL () {
  MATCH (n:Entity)
  WHERE NOT n:Staged AND n.archimateId IS NOT NULL AND any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
  RETURN count(n) AS elements
}
CALL () {
  MATCH ()-[r:RELATES_TO]->()
  WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix)
  RETURN count(r) AS relationships
}
RETURN elements, relationships
