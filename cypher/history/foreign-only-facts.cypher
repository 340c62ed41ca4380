// title: Facts only organisations' sources assert
// description: For the headline numbers (server/analyses/headlines.ts), what decides whether an organisation's own part of the snapshot already is its boundary (exports/organisation-scope): the sources each organisation carries (on its Organisation node, or on its model's elements when it has no node), and the shared facts those numbers can reach (suppliers, platforms, supplier groups, reference components, business functions, and the RUNS_ON, PROVIDES and PART_OF relationships between them) whose every stamp is of a source some organisation carries, with those sources. A fact with a stamp of any other source (the catalogue, a source of no organisation) is inside every boundary, so it is not returned.
CALL () {
  MATCH (o:Organisation)
  RETURN collect({organisation: o.id, sources: [stamp IN coalesce(o.runs, []) | split(stamp, '#')[0]]}) AS organisations
}
CALL () {
  MATCH (e:Element) WHERE e.organisation IS NOT NULL
  UNWIND coalesce(e.runs, []) AS stamp
  WITH e.organisation AS organisation, collect(DISTINCT split(stamp, '#')[0]) AS sources
  RETURN collect({organisation: organisation, sources: sources}) AS elements
}
CALL (organisations, elements) {
  UNWIND organisations + elements AS holder
  UNWIND holder.sources AS source
  RETURN collect(DISTINCT source) AS held
}
CALL (held) {
  MATCH (m:Supplier|Platform|SupplierGroup|ReferenceComponent|BusinessFunction)
  WHERE NOT m:Staged
  WITH m, [stamp IN coalesce(m.runs, []) | split(stamp, '#')[0]] AS sources
  WHERE all(source IN sources WHERE source IN held)
  RETURN collect({key: m.uid, sources: sources}) AS nodes
}
CALL (held) {
  CALL () {
    MATCH (a:Platform)-[r:RUNS_ON]->(b:Platform) RETURN a, r, b
    UNION
    MATCH (a:Supplier)-[r:PROVIDES]->(b:Platform) RETURN a, r, b
    UNION
    MATCH (a:Supplier)-[r:PART_OF]->(b:SupplierGroup) RETURN a, r, b
  }
  WITH a, r, b, [stamp IN coalesce(r.runs, []) | split(stamp, '#')[0]] AS sources
  WHERE all(source IN sources WHERE source IN held)
  RETURN collect({key: a.uid + '|' + type(r) + '|' + b.uid, sources: sources}) AS relationships
}
RETURN organisations, elements, nodes, relationships
