// title: Algorithms with their proposed links and decisions
// description: The algorithms of organisations $organisations (ids; null = every organisation in the landscape), or only those linked to application $application (null = any), each with the applications and suppliers its text names (confidence, basis) and the review decisions on it.
MATCH (o:Organisation)-[:DEPLOYS]->(n:Algorithm)
WHERE ($organisations IS NULL OR o.id IN $organisations)
  AND ($application IS NULL
    OR EXISTS { MATCH (n)-[:MAY_RUN_ON]->(a:Application) WHERE a.uid = $application }
    OR EXISTS { MATCH (d:AlgorithmReview) WHERE d.algorithm = n.uid AND d.target = $application })
RETURN n.uid AS uid, properties(n) AS props, o.id AS organisation, o.name AS organisationName,
       [(n)-[m:MAY_RUN_ON|MAY_COME_FROM]->(t:Entity) | {target: t.uid, kind: [l IN labels(t) WHERE l <> 'Entity'][0], name: t.name, confidence: m.confidence, basis: m.basis}] AS candidates,
       COLLECT {
         MATCH (d:AlgorithmReview) WHERE d.algorithm = n.uid
         OPTIONAL MATCH (t:Entity {uid: d.target})
         RETURN {target: d.target, kind: [l IN labels(t) WHERE l <> 'Entity'][0], name: t.name, decision: d.decision, user: d.user, at: toString(d.at), confidence: d.confidence}
       } AS decisions
ORDER BY organisationName, n.name, uid
