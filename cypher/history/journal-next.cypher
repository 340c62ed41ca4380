// The landscape journal's next number, taken in the last transaction of every run that changes the
// landscape (and of a source's deletion). A server's snapshot cache compares it with the number its
// snapshot was fetched at (server/analyses/snapshot-patch.ts). Taking it also orders those
// transactions: they lock this one node.
MERGE (j:Journal {id: 'landscape'})
SET j.seq = coalesce(j.seq, 0) + 1
RETURN j.seq AS seq
