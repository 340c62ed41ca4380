// title: Applications to match
// description: The applications of the organisations $organisations (uids), with product and suppliers, that an algorithm's text may name.
MATCH (o:Organisation)-[:USES]->(a:Application)
WHERE o.uid IN $organisations AND NOT a:Staged
RETURN a.uid AS uid, o.uid AS organisation, a.name AS name, a.product AS product,
       [(s:Supplier)-[:SUPPLIES]->(a) WHERE NOT s:Staged | {uid: s.uid, name: s.name}] AS suppliers
ORDER BY uid
