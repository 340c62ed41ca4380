// title: Audit chain page
// description: Up to $limit entries after seq $after, in chain order, with every field the hash covers as stored.
MATCH (e:AuditEntry)
WHERE e.seq > $after
RETURN e.seq AS seq, toString(e.at) AS at, e.actor AS actor, e.action AS action, e.object AS object, e.result AS result,
       e.origin AS origin, e.details AS details, e.prevHash AS prevHash, e.hash AS hash
ORDER BY e.seq
LIMIT $limit
