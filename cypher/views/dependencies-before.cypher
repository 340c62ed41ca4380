// title: Dependency view: one step towards what the nodes depend on
// description: For each node of $uids, what it needs (its failure takes the node down): applications it depends on (DEPENDS_ON, per kind flow/via), platforms it runs on, its supplier (SUPPLIES, PROVIDES), a supplier's group, an organisation's applications, a business function's or reference component's applications; a contract's supplier, an interface's source and intermediary. Read from the node: direction 'out' means (node)-[type]->(other). Parallel relationships (one DEPENDS_ON per interface) come as one row with their count. Applications of other organisations than $organisations (null = all) are left out.
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
CALL (n) {
  MATCH (n)-[r:DEPENDS_ON|RUNS_ON|PART_OF|USES]->(m:Entity)
  RETURN m, type(r) AS type, 'out' AS direction, r.kind AS dependencyKind
  UNION ALL
  MATCH (n)<-[r:SUPPLIES|PROVIDES|SUPPORTS|REALISES]-(m:Entity)
  RETURN m, type(r) AS type, 'in' AS direction, null AS dependencyKind
  UNION ALL
  // A contract found by search stands in the middle too: it is with its supplier; an interface runs from an application, via another.
  MATCH (n:Contract|Interface)-[r:WITH|FROM|VIA]->(m:Entity)
  RETURN m, type(r) AS type, 'out' AS direction, null AS dependencyKind
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
