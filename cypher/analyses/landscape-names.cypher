// title: Landscape snapshot: names
// description: Names of the business functions and reference components, and which suppliers supply an application realising each reference component anywhere in the loaded landscape (the substitutes counted by lock-in).
CALL () {
  MATCH (f:BusinessFunction)
  RETURN f.uid AS uid, f.name AS name, 'BusinessFunction' AS kind, [] AS suppliers
  UNION ALL
  MATCH (r:ReferenceComponent)
  RETURN r.uid AS uid, r.name AS name, 'ReferenceComponent' AS kind,
         COLLECT { MATCH (r)<-[:REALISES]-(:Application)<-[:SUPPLIES]-(s:Supplier) RETURN DISTINCT s.uid } AS suppliers
}
RETURN uid, name, kind, suppliers
ORDER BY uid
