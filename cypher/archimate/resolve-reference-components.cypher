// title: Resolve reference components
// description: The GEMMA catalogue's current reference component (one the source $catalogue asserts) for each of $refs (strings, answered in their order), by name, former name, GEMMA id (Object ID) or ArchiMate id, case-insensitive; unknown: null.
UNWIND $refs AS ref
CALL (ref) {
  OPTIONAL MATCH (c:ReferenceComponent)
  WHERE (toLower(c.name) = toLower(trim(ref))
     OR c.gemmaId = trim(ref)
     OR c.archimateId = trim(ref)
     OR toLower(trim(ref)) IN [name IN coalesce(c.formerNames, []) | toLower(name)])
    AND any(stamp IN coalesce(c.runs, []) WHERE stamp STARTS WITH $catalogue + '#')
  WITH c
  ORDER BY c.replacedBy IS NULL DESC, CASE WHEN c.gemmaId = trim(ref) OR c.archimateId = trim(ref) THEN 0 WHEN toLower(c.name) = toLower(trim(ref)) THEN 1 ELSE 2 END
  RETURN collect(c)[0] AS c
}
RETURN ref, c.name AS name, c.uid AS uid
