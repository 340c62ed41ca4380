// Forget the algorithm links $source made in earlier runs but not in this one ($stamp). Review
// decisions are nodes of their own (AlgorithmReview) and stay.
MATCH (:Algorithm)-[r]-()
WHERE any(stamp IN r.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT $stamp IN r.runs
SET r.runs = [stamp IN r.runs WHERE NOT stamp STARTS WITH $sourcePrefix]
WITH DISTINCT r
WHERE size(r.runs) = 0
DELETE r
