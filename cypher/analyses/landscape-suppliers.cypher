// title: Landscape snapshot: suppliers
// description: Every supplier with its normalised name and its supplier group (parent company), if any.
MATCH (s:Supplier)
OPTIONAL MATCH (s)-[:PART_OF]->(g:SupplierGroup)
WITH s, min(g.uid) AS groupUid
OPTIONAL MATCH (g:SupplierGroup {uid: groupUid})
RETURN s.uid AS uid, s.name AS name, s.normalizedName AS normalizedName, groupUid AS group, g.name AS groupName
ORDER BY uid
