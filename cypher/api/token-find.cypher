// title: Find API token
// description: The token whose sha256 hash is $hash (the token itself is never stored).
MATCH (t:ApiToken {hash: $hash})
RETURN t.name AS name, t.role AS role
