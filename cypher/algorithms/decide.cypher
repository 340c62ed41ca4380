// title: Record a review decision
// description: Confirms or rejects that algorithm $algorithm runs on (or comes from) $target, by $user at $at; an AlgorithmReview node of its own, which no import's cleanup touches.
MATCH (n:Algorithm {uid: $algorithm})
MATCH (t:Entity {uid: $target})
WHERE t:Application OR t:Supplier
OPTIONAL MATCH (n)-[m:MAY_RUN_ON|MAY_COME_FROM]->(t)
MERGE (d:AlgorithmReview {key: $algorithm + '>' + $target})
SET d.algorithm = $algorithm, d.target = $target, d.decision = $decision, d.user = $user, d.at = datetime($at),
    d.confidence = coalesce(m.confidence, d.confidence)
RETURN d.key AS key, d.decision AS decision, [l IN labels(t) WHERE l <> 'Entity'][0] AS kind
