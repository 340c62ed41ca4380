// (:Supplier {normalizedName}) already in the graph from other sources, so an import can merge its
// suppliers into them instead of creating a second node for the same company.
UNWIND $names AS name
MATCH (s:Supplier {normalizedName: name})
WHERE size(coalesce(s.runs, [])) = 0 OR any(stamp IN s.runs WHERE NOT stamp STARTS WITH $sourcePrefix)
RETURN s.id AS id, s.name AS name, s.normalizedName AS normalizedName
