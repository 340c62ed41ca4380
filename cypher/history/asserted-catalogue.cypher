// Which of the catalogue nodes $uids (organisations, components…) a diff's new rows name already carry
// a stamp of the source, with the properties they would be written with ($hashes): those are not
// written again (importers/diff.ts).
UNWIND range(0, size($uids) - 1) AS i
MATCH (n:Entity {uid: $uids[i]})
WHERE n.hash = $hashes[i] AND any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
RETURN n.uid AS uid
