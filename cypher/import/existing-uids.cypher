// (:Entity {uid}) for the uids an import refers to but does not contain itself: one query per table.
// A node only this source asserts does not count when it is of a kind the import's tables hold
// ($labels; null: every kind): this import's cleanup would remove it. Nor does one another import is
// still loading (Staged): it may yet be rolled back.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
WHERE NOT n:Staged
  AND (size(coalesce(n.runs, [])) = 0 OR any(stamp IN n.runs WHERE NOT stamp STARTS WITH $sourcePrefix)
    OR ($labels IS NOT NULL AND NOT any(label IN labels(n) WHERE label IN $labels)))
RETURN n.uid AS uid
