// title: Register organisations not in the landscape
// description: The organisations named by algorithms that no organisation of the landscape deploys, with how many algorithms each.
MATCH (n:Algorithm)
WHERE NOT EXISTS { (:Organisation)-[:DEPLOYS]->(n) }
RETURN n.organisationName AS name, count(*) AS algorithms
ORDER BY algorithms DESC, name
