// title: Demo applications for algorithms
// description: Every organisation's applications with a supplier's name, which the demo register entries name (importers/demo/algorithms.ts).
MATCH (o:Organisation)-[:USES]->(a:Application)
OPTIONAL MATCH (s:Supplier)-[:SUPPLIES]->(a)
RETURN o.id AS organisation, o.name AS organisationName, a.name AS name, min(s.name) AS supplier
