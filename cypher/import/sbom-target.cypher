// title: SBOM target
// description: The application or platform an SBOM is of: by uid, or by name (case does not count), an application only in $organisation when given.
MATCH (n:Entity)
WHERE (n:Application OR n:Platform)
  AND (n.uid = $asked OR toLower(n.name) = toLower($asked))
  AND ($organisation IS NULL OR n:Platform OR n.organisation = $organisation)
RETURN n.uid AS uid, n.name AS name, CASE WHEN n:Application THEN 'Application' ELSE 'Platform' END AS kind
ORDER BY uid
LIMIT 20
