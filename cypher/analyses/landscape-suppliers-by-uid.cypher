// title: Landscape snapshot: suppliers by uid
// description: The suppliers $uids with the same columns as landscape-suppliers, for a snapshot patch (server/analyses/snapshot-patch.ts).
UNWIND $uids AS uid
MATCH (s:Supplier {uid: uid})
OPTIONAL MATCH (s)-[:PART_OF]->(g:SupplierGroup)
WITH s, min(g.uid) AS groupUid
OPTIONAL MATCH (g:SupplierGroup {uid: groupUid})
RETURN s.uid AS uid, s.name AS name, s.normalizedName AS normalizedName, groupUid AS group, g.name AS groupName,
       s.country AS country, coalesce(s.groupJurisdiction, g.jurisdiction) AS groupJurisdiction, g.country AS groupCountry
ORDER BY uid
