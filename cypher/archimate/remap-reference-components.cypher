// (:Application)-[:REALISES]->(:ReferenceComponent): when a GEMMA release renames a reference component
// (same GEMMA id, new name, so a new uid), what other sources tied to the old node moves to the new
// one, the new node remembers the old name so importers resolve it (archimate/resolve-reference-
// components), and the old node goes: no source's later import brings it back, since every importer
// resolves names through the catalogue. Run after the load and before the cleanup of the GEMMA run
// $stamp. The new node keeps the old one's earlier names too, and the stamps other sources put on it
// (they named it: an import of theirs would stamp the new node), so the graph is what their next
// import would write; their stored rows are re-resolved in the same transaction
// (importers/catalogue-reresolve.ts), so that import finds them unchanged.
MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs AND new.gemmaId IS NOT NULL
MATCH (old:ReferenceComponent {gemmaId: new.gemmaId})
WHERE old <> new AND NOT $stamp IN coalesce(old.runs, [])
WITH new, old, [name IN coalesce(new.formerNames, []) + coalesce(old.formerNames, []) + old.name WHERE name <> new.name] AS names
SET new.formerNames = [i IN range(0, size(names) - 1) WHERE NOT names[i] IN names[..i] | names[i]],
    new.runs = new.runs + [stamp IN coalesce(old.runs, []) WHERE NOT split(stamp, '#')[0] IN [held IN new.runs | split(held, '#')[0]]],
    old.replacedBy = new.uid
RETURN count(old) AS renamed;

MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (a)-[r:REALISES]->(old:ReferenceComponent {replacedBy: new.uid})
MERGE (a)-[moved:REALISES]->(new)
SET moved.runs = coalesce(moved.runs, []) + [stamp IN r.runs WHERE NOT stamp IN coalesce(moved.runs, [])]
DELETE r
RETURN count(*) AS moved;

// An organisation's ArchiMate model's own relationships with the old node (kept as RELATES_TO, one per
// model relationship: its archimateId) move with it, in either direction.
MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (a)-[r:RELATES_TO]->(old:ReferenceComponent {replacedBy: new.uid})
WHERE a <> new
CREATE (a)-[moved:RELATES_TO]->(new)
SET moved = properties(r)
DELETE r
RETURN count(*) AS movedIn;

MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (old:ReferenceComponent {replacedBy: new.uid})-[r:RELATES_TO]->(b)
WHERE b <> new
CREATE (new)-[moved:RELATES_TO]->(b)
SET moved = properties(r)
DELETE r
RETURN count(*) AS movedOut;

MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (old:ReferenceComponent {replacedBy: new.uid})
OPTIONAL MATCH (claim:Claim {claimUid: old.uid})
DETACH DELETE old, claim
RETURN count(*) AS removed
