// title: Delete API token
// description: Revokes the token named $name.
MATCH (t:ApiToken {name: $name})
DELETE t
RETURN count(*) AS deleted
