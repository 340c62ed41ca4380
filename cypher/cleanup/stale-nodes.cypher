// Forget the nodes $source asserted in earlier runs but not in this one; nodes that other sources
// still assert (shared suppliers, platforms) keep their other stamps and survive.
// $labels: the node labels of the tables this import contains (null: all). A node of the catalogue
// those tables only refer to ($catalogue: organisations, reference components, standards…) is the
// source's to forget once no relationship of the source refers to it any more (run after
// stale-relationships), whichever table referred to it.
MATCH (n:Entity)
WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN n.runs
  AND ($labels IS NULL
    OR any(label IN labels(n) WHERE label IN $labels)
    OR (any(label IN labels(n) WHERE label IN $catalogue)
        AND NOT EXISTS { MATCH (n)-[r]-() WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix) }))
SET n.runs = [stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS label
WHERE size(n.runs) = 0
DETACH DELETE n
RETURN label, count(*) AS removed
