// title: Organisations
// description: Every organisation with its number of applications and contracts (a staged import's new ones, not yet labelled, do not count until it finishes).
MATCH (o:Organisation)
RETURN o.uid AS uid,
       o.id AS id,
       coalesce(o.name, o.id) AS name,
       COUNT { (o)-[:USES]->(:Application) } AS applications,
       COUNT { (o)-[:HOLDS]->(:Contract) } AS contracts
ORDER BY toLower(name)
