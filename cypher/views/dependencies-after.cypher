// title: Dependency view: one step towards what depends on the nodes
// description: For each node of $uids, what needs it (fails when it fails, the impact analysis' semantics): applications depending on it (DEPENDS_ON, per kind flow/via), what runs on a platform, what a supplier supplies or hosts, a group's suppliers, and the business functions an application supports; the applications a contract covers, an interface's target, a standard's applications. Read from the node: direction 'in' means (node)<-[type]-(other). Parallel relationships (one DEPENDS_ON per interface) come as one row with their count. Applications of other organisations than $organisations (null = all) are left out.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
CALL (n) {
  MATCH (n)<-[r:DEPENDS_ON|RUNS_ON|PART_OF]-(m:Entity)
  RETURN m, type(r) AS type, 'in' AS direction, r.kind AS dependencyKind
  UNION ALL
  MATCH (n)-[r:SUPPLIES|PROVIDES|SUPPORTS]->(m:Entity)
  RETURN m, type(r) AS type, 'out' AS direction, null AS dependencyKind
  UNION ALL
  // A contract found by search: the applications it covers; an interface: the application it delivers to.
  MATCH (n:Contract|Interface)-[r:COVERS|TO]->(m:Entity)
  RETURN m, type(r) AS type, 'out' AS direction, null AS dependencyKind
  UNION ALL
  MATCH (n:Standard)<-[r:IMPLEMENTS]-(m:Entity)
  RETURN m, type(r) AS type, 'in' AS direction, null AS dependencyKind
}
WITH n, m, type, direction, dependencyKind
WHERE NOT m:Staged AND ($organisations IS NULL OR m.organisation IS NULL OR m.organisation IN $organisations)
RETURN n.uid AS from,
       m.uid AS to,
       [label IN labels(m) WHERE label <> 'Entity'][0] AS kind,
       coalesce(m.name, m.id, m.uid) AS name,
       m.organisation AS organisation,
       m.criticality AS criticality,
       type,
       direction,
       dependencyKind,
       count(*) AS count
ORDER BY from, to, type, direction, dependencyKind
