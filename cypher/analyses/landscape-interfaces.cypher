// title: Landscape snapshot: interfaces
// description: Every interface (koppeling) of the chosen organisations with its from, to and via application (null when the end is missing) and whether it uses an open standard.
MATCH (i:Interface)
WHERE $organisations IS NULL OR i.organisation IN $organisations
RETURN i.uid AS uid,
       coalesce(i.name, i.id) AS name,
       i.organisation AS organisation,
       i.standard AS standard,
       coalesce(i.openStandard, false) AS openStandard,
       COLLECT { MATCH (i)-[:FROM]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS from,
       COLLECT { MATCH (i)-[:TO]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS to,
       COLLECT { MATCH (i)-[:VIA]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS via
ORDER BY uid
