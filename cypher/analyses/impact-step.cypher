// title: Impact: one breadth-first step
// description: For every uid in $frontier, the nodes that fail with it (README dependency semantics, reversed): applications that DEPENDS_ON it, applications and platforms that RUN_ON it, what a supplier SUPPLIES or PROVIDES, a group's suppliers (PART_OF). Applications outside $organisations (null = all) are left out. Called once per hop, so no variable-length expansion is needed.
UNWIND $frontier AS uid
MATCH (n:Entity {uid: uid})
CALL (n) {
  MATCH (d:Application)-[:DEPENDS_ON]->(n)
  RETURN d
  UNION
  MATCH (d)-[:RUNS_ON]->(n)
  WHERE d:Application OR d:Platform
  RETURN d
  UNION
  MATCH (n)-[:SUPPLIES|PROVIDES]->(d)
  WHERE n:Supplier AND (d:Application OR d:Platform)
  RETURN d
  UNION
  MATCH (d:Supplier)-[:PART_OF]->(n)
  WHERE n:SupplierGroup
  RETURN d
}
WITH uid, d
WHERE NOT d:Application OR $organisations IS NULL OR d.organisation IN $organisations
RETURN uid AS from,
       d.uid AS uid,
       [label IN labels(d) WHERE label IN ['Application', 'Platform', 'Supplier']][0] AS kind,
       coalesce(d.name, d.uid) AS name,
       d.organisation AS organisation,
       d.criticality AS criticality
ORDER BY from, uid
