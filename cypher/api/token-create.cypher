// title: Create API token
// description: A new (:ApiToken); the uniqueness constraint on the name (schema.cypher) refuses a second one named $name.
CREATE (t:ApiToken {name: $name, hash: $hash, role: $role, createdAt: datetime()})
RETURN t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt
