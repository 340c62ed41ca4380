// (:Application)-[:REALISES]->(:ReferenceComponent): when a GEMMA release renames a reference component
// (same GEMMA id, new name, so a new uid), the applications' mappings move from the old node to the
// new one, and the new node remembers the old name so importers can still resolve it. Run after the
// load and before the cleanup of the GEMMA run $stamp.
MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs AND new.gemmaId IS NOT NULL
MATCH (old:ReferenceComponent {gemmaId: new.gemmaId})
WHERE old <> new AND NOT $stamp IN coalesce(old.runs, [])
SET new.formerNames = [name IN coalesce(new.formerNames, []) WHERE name <> old.name] + old.name,
    old.replacedBy = new.uid
RETURN count(old) AS renamed;

MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (a)-[r:REALISES]->(old:ReferenceComponent {replacedBy: new.uid})
MERGE (a)-[moved:REALISES]->(new)
SET moved.runs = coalesce(moved.runs, []) + [stamp IN r.runs WHERE NOT stamp IN coalesce(moved.runs, [])]
DELETE r
RETURN count(*) AS moved
