// title: Write audit entry
// description: Who did what to which target when, with counts as JSON (Neo4j properties cannot hold maps).
CREATE (e:AuditEntry {at: datetime(), actor: $actor, action: $action, target: $target, counts: $counts})
RETURN toString(e.at) AS at
