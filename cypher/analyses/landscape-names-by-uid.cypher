// title: Landscape snapshot: names by uid
// description: The names of the business functions and reference components $uids, for a snapshot patch whose applications now name them (server/analyses/snapshot-patch.ts).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE n:BusinessFunction OR n:ReferenceComponent
RETURN n.uid AS uid, n.name AS name, CASE WHEN n:BusinessFunction THEN 'BusinessFunction' ELSE 'ReferenceComponent' END AS kind
ORDER BY uid
