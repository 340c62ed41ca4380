// How many Roer nodes the database holds. Answered from Neo4j's count store (a static label,
// no filter), so it costs nothing: with none, the load need not ask which uids exist.
MATCH (n:Entity)
RETURN count(n) AS nodes
