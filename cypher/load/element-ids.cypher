// The element ids of nodes a load refers to but does not write itself (e.g. a supplier another
// source asserted), so relationships find their ends by id.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid, elementId(n) AS id
