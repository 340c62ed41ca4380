// title: Lock the audit head
// description: The chain's head (last seq and hash), created empty at the first entry. SET before the read takes the
// head's write lock first, so appends from every process on this database queue here until commit and never fork the chain.
MERGE (h:AuditHead {id: 'audit'})
  ON CREATE SET h.seq = 0, h.hash = $genesis
SET h._lock = true
WITH h
RETURN h.seq AS seq, h.hash AS hash, toString(datetime.realtime()) AS at
