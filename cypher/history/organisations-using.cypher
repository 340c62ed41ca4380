// The organisations whose landscape a change of suppliers $suppliers or platforms $platforms touches:
// those with an application the supplier supplies or that runs on the platform (or on a platform
// on it), or a contract with the supplier. Their headline numbers are recorded again.
CALL () {
  UNWIND $suppliers AS uid
  MATCH (:Supplier {uid: uid})-[:SUPPLIES|PROVIDES]->(x)
  OPTIONAL MATCH (x)<-[:RUNS_ON*0..4]-(a:Application)
  RETURN a.organisation AS organisation
  UNION
  UNWIND $suppliers AS uid
  MATCH (:Supplier {uid: uid})<-[:WITH]-(c:Contract)
  RETURN c.organisation AS organisation
  UNION
  UNWIND $platforms AS uid
  MATCH (:Platform {uid: uid})<-[:RUNS_ON*1..5]-(a:Application)
  RETURN a.organisation AS organisation
}
WITH organisation WHERE organisation IS NOT NULL
RETURN DISTINCT organisation
ORDER BY organisation
