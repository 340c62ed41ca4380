// title: Unchained audit entries
// description: Entries without a seq: written before the chain existed (adopted at its start), or added behind its back.
MATCH (e:AuditEntry)
WHERE e.seq IS NULL
RETURN elementId(e) AS id, toString(e.at) AS at, e.actor AS actor, e.action AS action, coalesce(e.object, e.target) AS object,
       coalesce(e.details, e.counts) AS details
ORDER BY at, id
