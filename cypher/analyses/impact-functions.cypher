// title: Impact: business functions touched
// description: Per organisation and business function supported by the affected applications ($applications): how many affected and how many supporting applications that organisation has. lostAllSupport = every supporting application is affected.
UNWIND $applications AS uid
MATCH (a:Application {uid: uid})-[:SUPPORTS]->(f:BusinessFunction)
WITH f, a.organisation AS organisation, count(DISTINCT a) AS affected
WITH f, organisation, affected, COUNT { MATCH (f)<-[:SUPPORTS]-(b:Application) WHERE b.organisation = organisation } AS supporting
RETURN organisation, f.uid AS uid, coalesce(f.name, f.uid) AS name, affected AS affectedApplications, supporting AS supportingApplications, affected = supporting AS lostAllSupport
ORDER BY lostAllSupport DESC, organisation, uid
