// title: Audit log
// description: The latest $limit audit entries, newest first.
MATCH (e:AuditEntry)
RETURN toString(e.at) AS at, e.actor AS actor, e.action AS action, e.target AS target, e.counts AS counts
ORDER BY e.at DESC
LIMIT $limit
