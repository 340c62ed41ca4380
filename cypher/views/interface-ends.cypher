// title: Interface ends
// description: For the given interface uids, the names of their from, to and via applications and their standard, so people read "Zaaksysteem → BRP (StUF-BG)" instead of an interface's id.
UNWIND $uids AS uid
MATCH (i:Interface {uid: uid})
WHERE NOT i:Staged
RETURN i.uid AS uid,
       i.id AS id,
       i.name AS name,
       COLLECT { MATCH (i)-[:FROM]->(a:Application) RETURN a.name ORDER BY a.uid LIMIT 1 }[0] AS from,
       COLLECT { MATCH (i)-[:TO]->(a:Application) RETURN a.name ORDER BY a.uid LIMIT 1 }[0] AS to,
       COLLECT { MATCH (i)-[:VIA]->(a:Application) RETURN a.name ORDER BY a.uid LIMIT 1 }[0] AS via,
       i.standard AS standard
