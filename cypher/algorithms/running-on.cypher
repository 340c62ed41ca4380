// title: Algorithms on applications
// description: The algorithms (not retired) and the applications they run on: confirmed by a review, or matched with a confidence in $likely and not rejected.
// All of them, not those of given applications: the register's links (a few thousand at most) are
// fewer than the applications a supplier's failure takes down (108,000 in the country), whose uids
// as a parameter cost about a second per answer; server/algorithms.ts picks the failed ones.
CALL () {
  MATCH (n:Algorithm)-[m:MAY_RUN_ON]->(a:Application)
  WHERE m.confidence IN $likely
  RETURN n, a, 'likely' AS link
  UNION
  MATCH (d:AlgorithmReview)
  WHERE d.decision = 'confirmed'
  MATCH (n:Algorithm {uid: d.algorithm})
  MATCH (a:Application {uid: d.target})
  RETURN n, a, 'confirmed' AS link
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
