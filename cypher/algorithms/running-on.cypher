// title: Algorithms on applications
// description: The algorithms (not retired) that run on any of $applications (uids): confirmed by a review, or matched with a confidence in $likely and not rejected.
UNWIND $applications AS appUid
MATCH (a:Application {uid: appUid})
CALL (a) {
  MATCH (n:Algorithm)-[m:MAY_RUN_ON]->(a)
  WHERE m.confidence IN $likely
  RETURN n, 'likely' AS link
  UNION
  MATCH (d:AlgorithmReview {target: a.uid})
  WHERE d.decision = 'confirmed'
  MATCH (n:Algorithm {uid: d.algorithm})
  RETURN n, 'confirmed' AS link
}
WITH a, n, collect(link) AS links
WHERE n.status <> 'retired'
  AND NOT EXISTS { MATCH (r:AlgorithmReview {key: n.uid + '>' + a.uid}) WHERE r.decision = 'rejected' }
OPTIONAL MATCH (o:Organisation)-[:DEPLOYS]->(n)
RETURN n.uid AS uid, n.name AS name, o.id AS organisation, coalesce(o.name, n.organisationName) AS organisationName,
       n.status AS status, n.impactful AS impactful, n.highRisk AS highRisk, n.url AS url,
       a.uid AS application, a.name AS applicationName,
       CASE WHEN 'confirmed' IN links THEN 'confirmed' ELSE 'likely' END AS link
ORDER BY uid, application
