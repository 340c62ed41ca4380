// title: ArchiMate export: nodes
// description: The organisations' applications and model elements; the suppliers, platforms, GEMMA reference components and business functions their import sources asserted or that they use; and everything one model relationship (RELATES_TO) away.
CALL () {
  MATCH (o:Organisation)-[:USES]->(a:Application)
  WHERE o.id IN $organisations
  RETURN collect(DISTINCT a) AS apps
}
CALL () {
  MATCH (e:Element)
  WHERE e.organisation IN $organisations
  RETURN collect(e) AS elements
}
// The import sources of the organisation's own nodes, e.g. `archimate:gm0001#`.
CALL (apps, elements) {
  UNWIND apps + elements AS n
  UNWIND n.runs AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0] + '#') AS sources
}
CALL (sources) {
  MATCH (m:Supplier|Platform|ReferenceComponent|BusinessFunction)
  WHERE any(stamp IN m.runs WHERE any(prefix IN sources WHERE stamp STARTS WITH prefix))
  RETURN collect(m) AS asserted
}
CALL (apps) {
  UNWIND apps AS a
  MATCH (a)-[:RUNS_ON*1..10]->(p:Platform)
  RETURN collect(DISTINCT p) AS platforms
}
CALL (apps, platforms) {
  UNWIND apps + platforms AS n
  MATCH (n)-[:SUPPLIES|PROVIDES|REALISES|SUPPORTS]-(m:Supplier|ReferenceComponent|BusinessFunction)
  RETURN collect(DISTINCT m) AS around
}
WITH apps + elements + asserted + platforms + around AS core
CALL (core) {
  UNWIND core AS n
  MATCH (n)-[:RELATES_TO]-(m:Element|ReferenceComponent|BusinessFunction|Supplier|Platform)
  RETURN collect(DISTINCT m) AS linked
}
UNWIND core + linked AS n
WITH DISTINCT n
RETURN n.uid AS uid, [label IN labels(n) WHERE label <> 'Entity'][0] AS label, properties(n) AS props
ORDER BY label, n.name, uid
