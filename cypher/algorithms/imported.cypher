// title: Register imported
// description: Whether any algorithm is in the graph (from the count store: no scan).
MATCH (n:Algorithm)
RETURN count(n) > 0 AS imported
