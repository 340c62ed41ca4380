// title: Seed admin token
// description: The admin token from ROER_ADMIN_TOKEN, replaced when the variable changes.
MERGE (t:ApiToken {name: $name})
ON CREATE SET t.createdAt = datetime()
SET t.hash = $hash, t.role = 'admin'
RETURN t.name AS name
