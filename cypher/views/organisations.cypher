// title: Organisations
// description: Every organisation with its number of applications and contracts. USES only leads to applications and HOLDS to contracts, so the counts are relationship degrees (read from the node, not by visiting 150,000 applications).
MATCH (o:Organisation)
RETURN o.uid AS uid,
       o.id AS id,
       coalesce(o.name, o.id) AS name,
       COUNT { (o)-[:USES]->() } AS applications,
       COUNT { (o)-[:HOLDS]->() } AS contracts
ORDER BY name
