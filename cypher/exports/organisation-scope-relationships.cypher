// title: Organisation scope: relationships
// description: The relationships among the nodes of an organisation scope ($uids, exports/organisation-scope) that an export of the organisations $organisations may hold, as element ids: those that touch their own nodes, and those that a source other than a foreign one ($foreign: of other organisations only) asserts. Also the same relationships as `from uid|TYPE|to uid` (edges), for a snapshot of the landscape within the boundary (server/analyses/boundary.ts).
UNWIND $uids AS id
MATCH (a:Entity {uid: id})-[r]->(b:Entity)
WHERE b.uid IN $uids
  AND (a.organisation IN $organisations OR b.organisation IN $organisations
       OR any(stamp IN coalesce(r.runs, []) WHERE NOT split(stamp, '#')[0] IN $foreign))
RETURN collect(elementId(r)) AS relationships, collect(a.uid + '|' + type(r) + '|' + b.uid) AS edges
