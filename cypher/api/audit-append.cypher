// title: Append audit entry
// description: Entry $seq after the locked head, which moves on to it. Details are JSON text (properties cannot hold maps).
MATCH (h:AuditHead {id: 'audit'})
CREATE (:AuditEntry {
  seq: $seq, at: datetime($at), actor: $actor, action: $action, object: $object, result: $result, origin: $origin,
  details: $details, prevHash: $prevHash, hash: $hash
})
SET h.seq = $seq, h.hash = $hash
REMOVE h._lock
