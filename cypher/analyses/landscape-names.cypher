// title: Landscape snapshot: names
// description: Names of the business functions and reference components the chosen organisations' applications use ($organisations = null means all), and for each reference component which suppliers supply an application realising it anywhere in the loaded landscape (the substitutes counted by lock-in).
CALL () {
  MATCH (f:BusinessFunction)
  WHERE $organisations IS NULL OR EXISTS { (f)<-[:SUPPORTS]-(a:Application) WHERE a.organisation IN $organisations }
  RETURN f.uid AS uid, f.name AS name, 'BusinessFunction' AS kind, [] AS suppliers
  UNION ALL
  MATCH (r:ReferenceComponent)
  WHERE $organisations IS NULL OR EXISTS { (r)<-[:REALISES]-(a:Application) WHERE a.organisation IN $organisations }
  RETURN r.uid AS uid, r.name AS name, 'ReferenceComponent' AS kind,
         COLLECT { MATCH (r)<-[:REALISES]-(:Application)<-[:SUPPLIES]-(s:Supplier) RETURN DISTINCT s.uid } AS suppliers
}
RETURN uid, name, kind, suppliers
ORDER BY uid
