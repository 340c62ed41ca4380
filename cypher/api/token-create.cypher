// title: Create API token
// description: A new (:ApiToken) unless one named $name exists; no row back means the name is taken.
OPTIONAL MATCH (existing:ApiToken {name: $name})
WITH existing
WHERE existing IS NULL
CREATE (t:ApiToken {name: $name, hash: $hash, role: $role, createdAt: datetime()})
RETURN t.name AS name, t.role AS role, toString(t.createdAt) AS createdAt
