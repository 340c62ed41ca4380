// title: ArchiMate export: interfaces
// description: The organisations' ($organisations) interfaces whose both ends are among the exported nodes $uids, with their intermediary when it is exported too; each becomes a Flow relationship.
MATCH (i:Interface)-[:FROM]->(f:Application), (i)-[:TO]->(t:Application)
WHERE i.organisation IN $organisations AND f.uid IN $uids AND t.uid IN $uids
OPTIONAL MATCH (i)-[:VIA]->(v:Application)
WHERE v.uid IN $uids
RETURN i.uid AS uid, properties(i) AS props, f.uid AS from, t.uid AS to, v.uid AS via
ORDER BY uid
