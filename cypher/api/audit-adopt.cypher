// title: Adopt unchained audit entry
// description: Puts an entry written before the chain existed into it as entry $seq, in the new field names.
MATCH (e:AuditEntry)
WHERE elementId(e) = $id
SET e += {seq: $seq, object: $object, result: $result, origin: $origin, details: $details, prevHash: $prevHash, hash: $hash}
REMOVE e.target, e.counts
