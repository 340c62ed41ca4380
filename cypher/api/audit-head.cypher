// title: Audit head
// description: The last seq and hash the chain reached; no row before the first entry.
MATCH (h:AuditHead {id: 'audit'})
RETURN h.seq AS seq, h.hash AS hash
