// title: Landscape snapshot: interfaces by uid
// description: The interfaces $uids with the same columns as landscape-interfaces, for a snapshot patch (server/analyses/snapshot-patch.ts).
UNWIND $uids AS uid
MATCH (i:Interface {uid: uid})
RETURN i.uid AS uid,
       i.organisation AS organisation,
       i.standard AS standard,
       coalesce(i.openStandard, false) AS openStandard,
       COLLECT { MATCH (i)-[:FROM]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS from,
       COLLECT { MATCH (i)-[:TO]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS to,
       COLLECT { MATCH (i)-[:VIA]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS via
ORDER BY uid
