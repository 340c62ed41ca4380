// title: Search
// description: Names and ids through the fulltext index entity_search; $lucene is built by luceneQuery() in server/routes/graph.ts from at most six escaped words (exact, prefix *, fuzzy ~).
CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE NOT node:Staged
RETURN node.uid AS uid,
       [label IN labels(node) WHERE label <> 'Entity'][0] AS kind,
       node.name AS name,
       node.id AS id,
       node.organisation AS organisation,
       score
ORDER BY score DESC, uid
LIMIT $limit
