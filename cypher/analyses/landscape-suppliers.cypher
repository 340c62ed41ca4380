// title: Landscape snapshot: suppliers
// description: Every supplier with its normalised name, its country, its supplier group (parent company), if any, and the group's jurisdiction: the supplier's own row first, else the group node's (from any of its suppliers' rows), else the group's country.
MATCH (s:Supplier)
OPTIONAL MATCH (s)-[:PART_OF]->(g:SupplierGroup)
WITH s, min(g.uid) AS groupUid
OPTIONAL MATCH (g:SupplierGroup {uid: groupUid})
RETURN s.uid AS uid, s.name AS name, s.normalizedName AS normalizedName, groupUid AS group, g.name AS groupName,
       s.country AS country, coalesce(s.groupJurisdiction, g.jurisdiction) AS groupJurisdiction, g.country AS groupCountry
ORDER BY uid
