// title: Resolve reference components
// description: GEMMA reference components by name, former name, GEMMA id (Object ID) or ArchiMate id, case-insensitive; $refs is a list of strings.
UNWIND $refs AS ref
OPTIONAL MATCH (c:ReferenceComponent)
WHERE toLower(c.name) = toLower(trim(ref))
   OR c.gemmaId = trim(ref)
   OR c.archimateId = trim(ref)
   OR toLower(trim(ref)) IN [name IN coalesce(c.formerNames, []) | toLower(name)]
WITH ref, c
ORDER BY c.replacedBy IS NULL DESC
WITH ref, collect(c)[0] AS c
RETURN ref, c.name AS name, c.uid AS uid
