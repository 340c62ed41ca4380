// title: Graph nodes
// description: Nodes of the kinds $kinds for the UI (with the supplier(s) and components aggregation groups them by), limited to organisations $organisations (null = all): their own applications, interfaces and contracts plus the shared suppliers, groups, platforms and components they touch.
MATCH (n:Entity)
WHERE any(label IN labels(n) WHERE label IN $kinds)
  AND ($organisations IS NULL
    OR n.organisation IN $organisations
    OR (n:Organisation AND n.id IN $organisations)
    OR EXISTS { MATCH (n)--(m:Entity) WHERE m.organisation IN $organisations AND NOT m:Staged }
    OR (n:SupplierGroup AND EXISTS { MATCH (n)<-[:PART_OF]-(:Supplier)-->(m:Entity) WHERE m.organisation IN $organisations AND NOT m:Staged })
    // Platforms under platforms: an application's platform may itself run in a data centre.
    OR (n:Platform AND EXISTS { MATCH (n)<-[:RUNS_ON*1..5]-(m:Application) WHERE m.organisation IN $organisations }))
WITH n, [label IN labels(n) WHERE label <> 'Entity'][0] AS kind
RETURN n.uid AS id,
       kind,
       coalesce(n.name, n.id, n.uid) AS label,
       n.organisation AS organisation,
       CASE kind
         WHEN 'Application' THEN [(n)<-[:SUPPLIES]-(s:Supplier) | {uid: s.uid, name: s.name}]
         WHEN 'Contract' THEN [(n)-[:WITH]->(s:Supplier) | {uid: s.uid, name: s.name}]
         ELSE [] END AS suppliers,
       CASE WHEN kind = 'Application' THEN [(n)-[:REALISES]->(r:ReferenceComponent) | {uid: r.uid, name: r.name}] ELSE [] END AS referenceComponents,
       properties(n) AS props
ORDER BY id
