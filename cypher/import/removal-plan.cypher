// title: What an import would remove
// description: Per label of $labels: how many nodes $source asserts now (`asserted`), and how many of those only it asserts and the import's uids $keep do not contain (`removing`, the first $sample of them by name): what the import's cleanup would delete (importers/removals.ts).
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  WHERE n:Entity AND any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
  WITH n, all(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT n.uid IN $keep AS goes
  ORDER BY coalesce(n.name, n.id, n.uid)
  RETURN count(n) AS asserted,
         sum(CASE WHEN goes THEN 1 ELSE 0 END) AS removing,
         collect(CASE WHEN goes THEN coalesce(n.name, n.id, n.uid) END)[0..$sample] AS sample
}
RETURN label, asserted, removing, sample
