// (:Entity:$label {uid}) with its properties, stamped with the source and run that asserted it.
// $label comes from a fixed list in importers/load.ts, never from input. row.hash tells whether
// the properties changed: unchanged nodes only get the new stamp, and the report can say
// created / updated / unchanged. `reasserted` counts nodes that carried an earlier stamp of this source
// and `stamped` nodes that now carry this run's stamp for the first time: together they tell the
// cleanup whether anything can have become stale. `overwrote`: the other sources whose nodes this
// batch gave other properties (see importers/unchanged.ts), one list per such node.
// Claims: a node that several sources assert keeps what each of them asserted as a (:Claim) beside
// it, so that when one source stops asserting it, cleanup/stale-claims gives the node back what the
// others say. A source that asserted the node before any other did has no claim yet: what the node
// holds now is what it asserted. The catalogue ($cataloguePrefix, GEMMA) is the authority on what it
// asserts: another source never writes over its properties (importers/load.ts CATALOGUE_SOURCE).
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n.hash = '+'
SET n:$($label)
WITH n, row, n.hash = '+' AS created, coalesce(n.runs, []) AS before
// The catalogue's authority: a node the catalogue source asserts takes its properties from the
// catalogue only; another source's differing properties stay its claim (reported by data-quality).
WITH n, row, created, before, $sourcePrefix <> $cataloguePrefix AND any(stamp IN before WHERE stamp STARTS WITH $cataloguePrefix) AS catalogued
WITH n, row, created, before, NOT catalogued AND coalesce(n.hash, '') <> row.hash AS changed
WITH n, row, created, changed, before, [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix | split(stamp, '#')[0]] AS others
CALL (n, row, others) {
  WITH n, row, others
  WHERE size(others) > 0
  CALL (n, others) {
    UNWIND others AS other
    MERGE (claim:Claim {claimKey: n.uid + '|' + other})
    ON CREATE SET claim += properties(n), claim.claimUid = n.uid, claim.claimSource = other, claim.claimAt = datetime()
    REMOVE claim.runs, claim.uid
  }
  MERGE (mine:Claim {claimKey: n.uid + '|' + $source})
  SET mine = row.props, mine.claimKey = n.uid + '|' + $source, mine.claimUid = n.uid, mine.claimSource = $source,
      mine.claimAt = datetime(), mine.hash = row.hash
}
SET n += CASE WHEN changed THEN row.props ELSE {} END,
    n.hash = CASE WHEN changed OR created THEN row.hash ELSE n.hash END,
    n.runs = [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT created AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $sourcePrefix AND stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN $stamp IN before THEN 0 ELSE 1 END) AS stamped,
       collect(CASE WHEN changed AND NOT created THEN [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix | split(stamp, '#')[0]] END) AS overwrote
