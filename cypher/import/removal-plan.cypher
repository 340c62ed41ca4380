// title: What an import would remove
// description: Per label of $labels: how many nodes $source asserts now (`asserted`), how many of those only it asserts and the import's uids $keep do not contain (`removing`), the relationships that go with them (`relationships`), and the first $sample of them by name as people know them (a contract with its supplier, an interface as from → to): what the import's cleanup would delete (importers/removals.ts).
UNWIND $labels AS label
CALL (label) {
  MATCH (n:$(label))
  WHERE n:Entity AND any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
  WITH n, all(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) AND NOT n.uid IN $keep AS goes
  ORDER BY coalesce(n.name, n.id, n.uid)
  RETURN count(n) AS asserted,
         sum(CASE WHEN goes THEN 1 ELSE 0 END) AS removing,
         sum(CASE WHEN goes THEN COUNT { (n)--() } ELSE 0 END) AS relationships,
         collect(CASE WHEN goes THEN n END)[0..$sample] AS gone
}
CALL (gone) {
  UNWIND gone AS n
  RETURN collect(CASE
    WHEN n:Contract THEN coalesce(n.name, n.id) + coalesce(' (' + head(COLLECT { MATCH (n)-[:WITH]->(s:Supplier) RETURN s.name }) + ')', '')
    WHEN n:Interface THEN coalesce(head(COLLECT { MATCH (n)-[:FROM]->(a) RETURN a.name }), '?') + ' → ' + coalesce(head(COLLECT { MATCH (n)-[:TO]->(a) RETURN a.name }), '?')
    ELSE coalesce(n.name, n.id, n.uid) END) AS sample
}
RETURN label, asserted, removing, relationships, sample
