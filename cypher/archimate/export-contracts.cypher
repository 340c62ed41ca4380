// title: ArchiMate export: contracts
// description: The organisations' ($organisations) contracts with an exported supplier (or only those in $selected when not null), with the exported applications they cover; each becomes a Contract element, named as a report names it after its supplier and the names of all the applications it covers.
MATCH (c:Contract)-[:WITH]->(s:Supplier)
WHERE c.organisation IN $organisations AND s.uid IN $uids AND ($selected IS NULL OR c.uid IN $selected)
OPTIONAL MATCH (c)-[:COVERS]->(a:Application)
WHERE a.uid IN $uids
WITH c, s, a ORDER BY a.uid
RETURN c.uid AS uid, properties(c) AS props, s.uid AS supplier, collect(a.uid) AS applications,
       s.name AS supplierName, COLLECT { MATCH (c)-[:COVERS]->(x:Application) WHERE NOT x:Staged RETURN x.name AS name ORDER BY name } AS applicationNames
ORDER BY uid
