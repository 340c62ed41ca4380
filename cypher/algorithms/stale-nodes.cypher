// Forget the algorithms $source registered in earlier runs but not in this one ($stamp); one that
// another source still asserts keeps that stamp.
OPTIONAL MATCH (n:Algorithm)
WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN n.runs
SET n.runs = [stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH n
WHERE n IS NOT NULL AND size(n.runs) = 0
DETACH DELETE n
RETURN count(n) AS removed
