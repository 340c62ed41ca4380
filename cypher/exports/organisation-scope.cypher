// title: Organisation scope
// description: What an export of the organisations $organisations may hold (server/exports/scope.ts): their own nodes (applications, interfaces, contracts, model elements, the organisations themselves); the shared nodes a source of theirs asserted (one that also holds other organisations only when nothing of those uses it); the shared nodes their own nodes are related to; and from all of those the platforms below them, their suppliers and groups, and one model relationship further, each along relationships that no source of another organisation alone asserted. Returns the node uids and the foreign sources (those of other organisations that are not also theirs), for exports/organisation-scope-relationships.
CALL () {
  MATCH (o:Organisation)
  UNWIND coalesce(o.runs, []) AS stamp
  WITH o.id IN $organisations AS mine, split(stamp, '#')[0] AS source
  RETURN collect(DISTINCT CASE WHEN mine THEN source END) AS orgSources, collect(DISTINCT CASE WHEN NOT mine THEN source END) AS orgOtherSources
}
CALL () {
  CALL () {
    MATCH (m:Application) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Interface) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Contract) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Element) WHERE m.organisation IN $organisations RETURN m
    UNION
    MATCH (m:Organisation) WHERE m.id IN $organisations RETURN m
  }
  WITH m WHERE NOT m:Staged
  RETURN collect(m) AS own
}
// A model imported for another organisation without applications has no organisation node: its elements name it.
CALL () {
  MATCH (e:Element) WHERE e.organisation IS NOT NULL AND NOT e.organisation IN $organisations
  UNWIND coalesce(e.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS elementOtherSources
}
CALL (own) {
  UNWIND own AS n
  UNWIND coalesce(n.runs, []) AS stamp
  RETURN collect(DISTINCT split(stamp, '#')[0]) AS ownSources
}
WITH own, [s IN orgSources + ownSources WHERE s IS NOT NULL] AS mine, [s IN orgOtherSources + elementOtherSources WHERE s IS NOT NULL] AS others
WITH own, mine, [s IN others WHERE NOT s IN mine] AS foreign, [s IN mine WHERE NOT s IN others] AS exclusive
// Shared nodes a source of theirs asserted.
CALL (mine, exclusive) {
  MATCH (m:Supplier|Platform|ReferenceComponent|BusinessFunction|Standard|SupplierGroup)
  WHERE NOT m:Staged
    AND any(stamp IN coalesce(m.runs, []) WHERE split(stamp, '#')[0] IN mine)
    AND (any(stamp IN coalesce(m.runs, []) WHERE split(stamp, '#')[0] IN exclusive)
         OR NOT EXISTS { (m)--(x:Entity) WHERE x.organisation IS NOT NULL AND NOT x.organisation IN $organisations })
  RETURN collect(m) AS asserted
}
// Shared nodes their own nodes are related to.
CALL (own) {
  UNWIND own AS n
  MATCH (n)--(m:Entity)
  WHERE NOT m:Staged AND m.organisation IS NULL AND NOT m:Organisation
  RETURN collect(DISTINCT m) AS attached
}
WITH own, foreign, own + asserted + attached AS core
// The platforms under them, along RUNS_ON that a source other than another organisation's asserts.
CALL (core, foreign) {
  UNWIND core AS n
  MATCH (n)-[chain:RUNS_ON*1..10]->(p:Platform)
  WHERE NOT p:Staged AND all(r IN chain WHERE any(stamp IN coalesce(r.runs, []) WHERE NOT split(stamp, '#')[0] IN foreign))
  RETURN collect(DISTINCT p) AS platforms
}
WITH own, foreign, core + platforms AS inner
// One relationship further: suppliers of platforms, groups of suppliers, what the models relate them to.
CALL (inner, foreign) {
  UNWIND inner AS n
  MATCH (n)-[r:PROVIDES|PART_OF|RELATES_TO|REALISES|SUPPORTS|IMPLEMENTS]-(m:Entity)
  WHERE NOT m:Staged AND m.organisation IS NULL AND NOT m:Organisation
    AND any(stamp IN coalesce(r.runs, []) WHERE NOT split(stamp, '#')[0] IN foreign)
    AND any(stamp IN coalesce(m.runs, []) WHERE NOT split(stamp, '#')[0] IN foreign)
  RETURN collect(DISTINCT m) AS linked
}
CALL (inner, linked, foreign) {
  UNWIND inner + linked AS s
  MATCH (s:Supplier)-[r:PART_OF]->(g:SupplierGroup)
  WHERE NOT g:Staged AND any(stamp IN coalesce(r.runs, []) WHERE NOT split(stamp, '#')[0] IN foreign)
  RETURN collect(DISTINCT g) AS groups
}
CALL (inner, linked, groups) {
  UNWIND inner + linked + groups AS n
  RETURN collect(DISTINCT n.uid) AS uids
}
RETURN uids, foreign
