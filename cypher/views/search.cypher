// title: Search
// description: Names and ids through the fulltext index entity_search; $lucene is built in server/search.ts: the whole text as a phrase on the name, or at most six escaped words (exact, prefix *, fuzzy ~); server/search.ts ranks what it finds. A contract or an interface is named by an id: its supplier, or its ends, say which one it is.
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE NOT node:Staged
RETURN node.uid AS uid,
       [label IN labels(node) WHERE label <> 'Entity'][0] AS kind,
       node.name AS name,
       node.id AS id,
       node.organisation AS organisation,
       CASE
         WHEN node:Contract THEN COLLECT { MATCH (node)-[:WITH]->(s:Supplier) RETURN s.name ORDER BY s.name }[0]
         WHEN node:Interface THEN COLLECT { MATCH (node)-[:FROM]->(a) RETURN a.name }[0] + ' → ' + COLLECT { MATCH (node)-[:TO]->(b) RETURN b.name }[0]
       END AS context,
       score
ORDER BY score DESC, uid
LIMIT $limit
