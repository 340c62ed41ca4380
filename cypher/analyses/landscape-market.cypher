// title: Landscape snapshot: the market per reference component
// description: For every reference component, the suppliers that supply an application realising it anywhere in the loaded landscape (the substitutes counted by lock-in). The same for every choice of organisations, so it is fetched once per database version and shared by every snapshot.
MATCH (r:ReferenceComponent)
RETURN r.uid AS uid,
       COLLECT { MATCH (r)<-[:REALISES]-(:Application)<-[:SUPPLIES]-(s:Supplier) RETURN DISTINCT s.uid ORDER BY s.uid } AS suppliers
ORDER BY uid
