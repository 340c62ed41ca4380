// After the cleanup: the claims (load/nodes) of $source on nodes it no longer asserts go, and each
// such node that other sources still assert gets back what they assert: its properties are made
// again from their claims in the order they were written (the latest wins, as it did when it was
// written), but the catalogue's ($catalogueSource, GEMMA) last: it is the authority on what it asserts
// (load/nodes). A node left with one source needs no claim: its properties are that source's.
// Properties that are not any source's (uid, runs; a renamed reference component's formerNames and
// replacedBy) stay. Only when every source left has a claim: a node from before claims were kept
// keeps what it has.
MATCH (claim:Claim {claimSource: $source})
OPTIONAL MATCH (n:Entity {uid: claim.claimUid})
WITH claim, n
WHERE n IS NULL OR NOT any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix)
DETACH DELETE claim
WITH DISTINCT n
WHERE n IS NOT NULL
WITH n, [stamp IN n.runs | split(stamp, '#')[0]] AS stamped
WITH n, [i IN range(0, size(stamped) - 1) WHERE NOT stamped[i] IN stamped[0..i] | stamped[i]] AS sources
WHERE size(sources) > 0 AND COUNT { MATCH (c:Claim {claimUid: n.uid}) WHERE c.claimSource IN sources } = size(sources)
CALL (n) {
  SET n = {uid: n.uid, runs: n.runs, formerNames: n.formerNames, replacedBy: n.replacedBy}
  WITH n
  MATCH (c:Claim {claimUid: n.uid})
  WITH n, c
  ORDER BY c.claimSource = $catalogueSource, c.claimAt
  SET n += properties(c)
  REMOVE n.claimKey, n.claimUid, n.claimSource, n.claimAt
}
CALL (n, sources) {
  WITH n, sources
  WHERE size(sources) = 1
  MATCH (c:Claim {claimUid: n.uid})
  DELETE c
}
RETURN count(n) AS restored
