// (:Entity {uid}) for the uids an import refers to but does not contain itself: one query per table.
// A node only this source asserts does not count: this import's cleanup would remove it.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE size(coalesce(n.runs, [])) = 0 OR any(stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix)
RETURN n.uid AS uid
