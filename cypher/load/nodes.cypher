// (:Entity:$label {uid}) with its properties, stamped with the source and run that asserted it.
// $label comes from a fixed list in importers/load.ts, never from input. row.hash tells whether
// what this source asserts changed: unchanged rows only get the new stamp, and the report can say
// created / updated / unchanged. `reasserted` counts nodes that carried an earlier stamp of this source
// and `stamped` nodes that now carry this run's stamp for the first time: together they tell the
// cleanup whether anything can have become stale. `overwrote`: the other sources whose values on a
// node this batch wrote over (see importers/unchanged.ts), one list per such node.
// One owner per shared fact: a node that several sources assert keeps what each of them asserted as
// a (:Claim) beside it (a source that asserted it before any other has no claim until a second one
// comes: what the node holds is what it asserted). The node shows, property by property, the value of
// the source first in this order: the catalogue ($catalogueSource, GEMMA) on what it asserts, then the
// sources in the order they first asserted the node (n.runs keeps that order: a re-import keeps its
// place, only a source that stopped asserting the node and comes back goes last). So a source writes
// only the properties no source before it asserts, whatever the import order; its other values stay
// its claim (reported by data-quality `conflicting-claim`). When a source stops asserting the node,
// cleanup/stale-claims makes it again from the others' claims by the same order.
UNWIND $rows AS row
MERGE (n:Entity {uid: row.uid})
ON CREATE SET n.hash = '+'
SET n:$($label)
WITH n, row, coalesce(n.hash = '+', false) AS created, coalesce(n.runs, []) AS before
WITH n, row, created, before, [i IN range(0, size(before) - 1) WHERE before[i] STARTS WITH $sourcePrefix][0] AS place
// The sources before this one: the catalogue (unless this is it), then those that asserted the node first.
WITH n, row, created, before, place,
     CASE WHEN $source = $catalogueSource THEN [] ELSE
       CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $cataloguePrefix) THEN [$catalogueSource] ELSE [] END +
       [stamp IN CASE WHEN place IS NULL THEN before ELSE before[..place] END WHERE NOT stamp STARTS WITH $cataloguePrefix | split(stamp, '#')[0]]
     END AS ahead,
     [stamp IN before WHERE NOT stamp STARTS WITH $sourcePrefix | split(stamp, '#')[0]] AS others
OPTIONAL MATCH (earlier:Claim {claimKey: n.uid + '|' + $source})
// A node without a hash (made by another tool) counts as changed: its properties are this row's.
WITH n, row, created, before, place, ahead, others, coalesce(coalesce(earlier.hash, n.hash) <> row.hash, true) AS changed
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
// What this source may write: the properties no source ahead of it asserts (all of them for the owner).
CALL (n, row, ahead, changed) {
  WITH n, row, ahead
  WHERE changed
  OPTIONAL MATCH (c:Claim) WHERE c.claimKey IN [source IN ahead | n.uid + '|' + source]
  WITH n, row, collect(DISTINCT c) AS claims
  WITH n, row, reduce(taken = [], c IN claims | taken + keys(c)) AS taken
  UNWIND [key IN keys(row.props) WHERE NOT key IN taken] AS key
  SET n[key] = row.props[key]
}
SET n.hash = CASE WHEN size(ahead) = 0 AND (changed OR created) THEN row.hash ELSE n.hash END,
    n.runs = CASE WHEN place IS NULL THEN before + $stamp
                  ELSE [stamp IN before[..place] WHERE NOT stamp STARTS WITH $sourcePrefix] + $stamp + [stamp IN before[place..] WHERE NOT stamp STARTS WITH $sourcePrefix] END
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND changed THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN NOT created AND NOT changed THEN 1 ELSE 0 END) AS unchanged,
       sum(CASE WHEN any(stamp IN before WHERE stamp STARTS WITH $sourcePrefix AND stamp <> $stamp) THEN 1 ELSE 0 END) AS reasserted,
       sum(CASE WHEN $stamp IN before THEN 0 ELSE 1 END) AS stamped,
       collect(CASE WHEN changed AND NOT created AND size(ahead) = 0 THEN others END) AS overwrote
