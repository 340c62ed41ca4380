// title: Node detail
// description: One node's properties and its neighbours in both directions, for the details panel.
MATCH (n:Entity {uid: $uid})
RETURN [label IN labels(n) WHERE label <> 'Entity'][0] AS kind,
       properties(n) AS properties,
       [(n)-[r]->(m:Entity) | {direction: 'out', type: type(r), uid: m.uid, kind: [label IN labels(m) WHERE label <> 'Entity'][0], name: coalesce(m.name, m.id), properties: properties(r)}] AS outgoing,
       [(n)<-[r]-(m:Entity) | {direction: 'in', type: type(r), uid: m.uid, kind: [label IN labels(m) WHERE label <> 'Entity'][0], name: coalesce(m.name, m.id), properties: properties(r)}] AS incoming
