// title: When an import run finished
// description: The time run $runId finished (its diff's, or its run record's when it kept no diff); no row: no such run.
OPTIONAL MATCH (d:RunDiff {runId: $runId})
OPTIONAL MATCH (r:ImportRun {runId: $runId})
WITH coalesce(d.at, r.finishedAt) AS at
WHERE at IS NOT NULL
RETURN toString(at) AS at
