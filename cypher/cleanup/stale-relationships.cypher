// Forget the relationships $source asserted in earlier runs but not in this one ($stamp); a
// relationship another source still asserts keeps that source's stamp and survives.
MATCH ()-[r]->()
WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN r.runs
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH r, type(r) AS type
WHERE size(r.runs) = 0
DELETE r
RETURN type, count(*) AS removed
