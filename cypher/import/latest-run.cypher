// The latest successful run of $source: the run a run that found nothing changed is unchanged since.
MATCH (r:ImportRun {source: $source})
WHERE r.status = 'ok'
RETURN r.runId AS runId, toString(r.finishedAt) AS finishedAt, r.asserted AS asserted
ORDER BY r.finishedAt DESC
LIMIT 1
