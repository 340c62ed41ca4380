// title: List API tokens
// description: Names, roles and creation times; never the hashes.
MATCH (t:ApiToken)
RETURN t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt
ORDER BY name
