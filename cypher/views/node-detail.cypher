// title: Node detail
// description: One node's properties and its neighbours in both directions, for the details panel.
MATCH (n:Entity {uid: $uid})
WHERE NOT n:Staged
RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
       properties(n) AS properties,
       [(n)-[r]->(m:Entity) WHERE NOT m:Staged | {direction: 'out', type: type(r), uid: m.uid, kind: [label IN labels(m) WHERE label <> 'Entity'][0], name: coalesce(m.name, m.id), properties: properties(r)}] AS outgoing,
       [(n)<-[r]-(m:Entity) WHERE NOT m:Staged | {direction: 'in', type: type(r), uid: m.uid, kind: [label IN labels(m) WHERE label <> 'Entity'][0], name: coalesce(m.name, m.id), properties: properties(r)}] AS incoming
