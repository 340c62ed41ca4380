// How many nodes of any kind the database holds (Neo4j's count store: no cost). A bulk load
// (importers/bulk.ts) replaces the whole database, so it goes ahead only at zero.
MATCH (n)
RETURN count(n) AS nodes
