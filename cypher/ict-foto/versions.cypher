// title: ICT-foto: product versions
// description: Every product version the landscape knows: of applications of the chosen organisations ($organisations = null means all) and of platforms (a column of the tables, the Softwarecatalogus' pakketversie), and the components their SBOMs list (via = 'sbom').
CALL () {
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  MATCH (a:Application {organisation: organisation})
  RETURN a AS n
  UNION ALL
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (a:Application)
  RETURN a AS n
  UNION ALL
  MATCH (p:Platform)
  RETURN p AS n
}
CALL (n) {
  WITH n
  WHERE n.product IS NOT NULL
  RETURN n.product AS product, n.version AS version, 'version' AS via, null AS component
  UNION ALL
  MATCH (n)-[:CONTAINS]->(c:Component)
  RETURN coalesce(c.name, '') AS product, c.version AS version, 'sbom' AS via, c.uid AS component
}
RETURN n.uid AS uid, product, version, via, component
ORDER BY uid, via, product, version
