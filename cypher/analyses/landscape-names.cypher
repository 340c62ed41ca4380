// title: Landscape snapshot: names
// description: Names of the business functions and reference components the chosen organisations' applications use ($organisations = null means all). Which suppliers offer each reference component is landscape-market.
CALL () {
  MATCH (f:BusinessFunction)
  WHERE $organisations IS NULL OR EXISTS { (f)<-[:SUPPORTS]-(a:Application) WHERE a.organisation IN $organisations }
  RETURN f.uid AS uid, f.name AS name, 'BusinessFunction' AS kind
  UNION ALL
  MATCH (r:ReferenceComponent)
  WHERE $organisations IS NULL OR EXISTS { (r)<-[:REALISES]-(a:Application) WHERE a.organisation IN $organisations }
  RETURN r.uid AS uid, r.name AS name, 'ReferenceComponent' AS kind
}
RETURN uid, name, kind
ORDER BY uid
