// Forget the nodes $source asserted in earlier runs but not in this one; nodes that other sources
// still assert (shared suppliers, platforms) keep their other stamps and survive.
MATCH (n:Entity)
WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN n.runs
SET n.runs = [stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS label
WHERE size(n.runs) = 0
DETACH DELETE n
RETURN label, count(*) AS removed
