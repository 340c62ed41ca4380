// (:Application {id}) in any organisation: only asked for the few contract references that matched
// no application of the contract's own organisation, to say which organisation they belong to.
MATCH (a:Application)
WHERE a.id IN $ids
  AND (size(coalesce(a.runs, [])) = 0 OR any(stamp IN a.runs WHERE NOT stamp STARTS WITH $sourcePrefix) OR ($labels IS NOT NULL AND NOT 'Application' IN $labels))
RETURN a.id AS id, a.organisation AS organisation
