// Whether the database holds any Roer node yet. Answered from Neo4j's count store (a static label,
// no filter), so it costs nothing; the load skips asking which uids exist when there are none.
MATCH (n:Entity)
RETURN count(n) AS nodes
