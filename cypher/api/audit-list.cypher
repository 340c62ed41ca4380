// title: Audit log
// description: The latest $limit audit entries, newest first (entries outside the chain, which verify reports, first of all).
MATCH (e:AuditEntry)
RETURN e.seq AS seq, toString(e.at) AS at, e.actor AS actor, e.action AS action, coalesce(e.object, e.target) AS object,
       e.result AS result, e.origin AS origin, coalesce(e.details, e.counts) AS details, e.hash AS hash
ORDER BY e.seq IS NULL DESC, e.seq DESC
LIMIT $limit
