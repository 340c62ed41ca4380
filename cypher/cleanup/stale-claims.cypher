// After the cleanup: the claims (load/nodes) of $source on nodes it no longer asserts go, and each
// such node that other sources still assert gets back what they assert, by the rule of load/nodes:
// its properties are made again from their claims, property by property the value of the source
// first in this order: the catalogue ($catalogueSource, GEMMA), then the sources in the order they
// first asserted the node (n.runs). So the next-earliest source becomes the owner, whatever the order
// of later imports. A node left with one source needs no claim: its properties are that source's.
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
CALL (n, sources) {
  SET n = {uid: n.uid, runs: n.runs, formerNames: n.formerNames, replacedBy: n.replacedBy}
  WITH n, sources
  MATCH (c:Claim {claimUid: n.uid})
  WITH n, c, [i IN range(0, size(sources) - 1) WHERE sources[i] = c.claimSource][0] AS place
  // The last written wins: the catalogue last, before it the first source.
  ORDER BY c.claimSource = $catalogueSource, place DESC
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
