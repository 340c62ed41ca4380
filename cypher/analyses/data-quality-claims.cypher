// title: Conflicting claims / Tegenstrijdige bronnen
// description: Shared nodes (a reference component, supplier, organisation…) whose property two or more sources assert with different values: one row per node and property, with every source's value (the one kept first) and the source whose value the node holds by the rule of load/nodes: the catalogue $catalogue, GEMMA, on what it asserts ('catalogue'); else the source that asserted the node first among those that assert the property ('first-source'), so a person can settle it at its source. The claims are those load/nodes keeps per source. $uids (or null for all) narrows to those nodes (the side panel of one). normalizedName follows from name and is not reported apart.
MATCH (c:Claim)
WHERE $uids IS NULL OR c.claimUid IN $uids
WITH c.claimUid AS uid, collect(c) AS claims
WHERE size(claims) > 1
MATCH (n:Entity {uid: uid})
WHERE $organisations IS NULL
   OR n.id IN $organisations
   OR EXISTS { MATCH (n)--(a:Application) WHERE a.organisation IN $organisations }
WITH n, claims, [stamp IN n.runs | split(stamp, '#')[0]] AS sources
UNWIND claims AS claim
UNWIND [key IN keys(claim) WHERE NOT key IN ['claimKey', 'claimUid', 'claimSource', 'claimAt', 'hash', 'runs', 'uid', 'normalizedName'] AND claim[key] IS NOT NULL] AS property
// The order of the rule: the catalogue first, then the sources in the order they first asserted the node.
WITH n, property, claim, CASE WHEN claim.claimSource = $catalogue THEN -1 ELSE coalesce([i IN range(0, size(sources) - 1) WHERE sources[i] = claim.claimSource][0], size(sources)) END AS place
ORDER BY place
WITH n, property, collect({source: claim.claimSource, value: claim[property]}) AS asserted
WITH n, property, asserted, [a IN asserted | toString(a.value)] AS texts
WHERE size(asserted) > 1 AND any(text IN texts WHERE text <> texts[0])
WITH n, property, asserted, asserted[0].source AS winner,
     CASE WHEN asserted[0].source = $catalogue THEN 'catalogue' ELSE 'first-source' END AS rule
RETURN 'conflicting-claim' AS check, 'warning' AS severity, n.uid AS uid, coalesce(n.name, n.id, n.uid) AS name, null AS organisation,
       [label IN labels(n) WHERE label <> 'Entity'][0] AS label, property, winner, rule,
       [a IN asserted | {source: a.source, value: CASE WHEN size(toString(a.value)) > 200 THEN left(toString(a.value), 200) + '…' ELSE toString(a.value) END}] AS values
ORDER BY uid, property
