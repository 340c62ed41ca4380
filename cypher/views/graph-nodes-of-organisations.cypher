// title: Graph nodes of some organisations
// description: The same nodes and columns as graph-nodes for a non-empty $organisations, found from the organisations' own applications, interfaces, contracts and elements (indexed by organisation) outwards instead of testing every node of the country: the organisations themselves, their own nodes, every neighbour of those, the supplier groups of suppliers pointing at them, and platforms up to five RUNS_ON steps under their applications.
CALL () {
  CALL () {
    MATCH (m:Application) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Interface) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Contract) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Element) WHERE m.organisation IN $organisations RETURN m
  }
  WITH m WHERE m:Entity
  CALL (m) {
    RETURN m AS n
    UNION
    MATCH (m)--(n:Entity) RETURN n
    UNION
    MATCH (m)<--(:Supplier)-[:PART_OF]->(n:SupplierGroup) RETURN n
    UNION
    MATCH (m:Application)-[:RUNS_ON*1..5]->(n:Platform) RETURN n
  }
  RETURN n
  UNION
  MATCH (n:Organisation) WHERE n.id IN $organisations RETURN n
}
WITH DISTINCT n
WHERE n:Entity AND any(label IN labels(n) WHERE label IN $kinds)
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
