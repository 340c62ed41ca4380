// title: Import history
// description: The latest $limit import runs, newest first (used when the import pipeline has no listImportRuns of its own).
MATCH (r:ImportRun)
RETURN properties(r) AS run
ORDER BY r.startedAt DESC
LIMIT $limit
