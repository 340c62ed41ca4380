// title: Landscape snapshot: interfaces
// description: Every interface (koppeling) of the chosen organisations with its from, to and via application (null when the end is missing) and whether it uses an open standard.
CALL () {
  // Index seeks on :Interface(organisation) for the chosen organisations; every interface only when
  // $organisations is null (`$organisations IS NULL OR … IN …` would scan them all either way).
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (i:Interface {organisation: organisation})
  RETURN i
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (i:Interface)
  RETURN i
}
RETURN i.uid AS uid,
       i.organisation AS organisation,
       i.standard AS standard,
       coalesce(i.openStandard, false) AS openStandard,
       COLLECT { MATCH (i)-[:FROM]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS from,
       COLLECT { MATCH (i)-[:TO]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS to,
       COLLECT { MATCH (i)-[:VIA]->(a:Application) RETURN a.uid ORDER BY a.uid LIMIT 1 }[0] AS via
ORDER BY uid
