// Forget the relationships $source asserted in earlier runs but not in this one ($stamp); a
// relationship another source still asserts keeps that source's stamp and survives.
// $relationships: the [type, label of the start node] pairs of the tables this import contains (an
// import of the applications alone leaves the source's interfaces and contracts alone); null: all.
MATCH (a)-[r]->()
WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN r.runs
  AND ($relationships IS NULL OR any(scope IN $relationships WHERE type(r) = scope[0] AND scope[1] IN labels(a)))
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH r, type(r) AS type
WHERE size(r.runs) = 0
DELETE r
RETURN type, count(*) AS removed
