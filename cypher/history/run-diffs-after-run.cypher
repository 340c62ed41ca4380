// The run diff of $runId (first row) and those of its source's later runs, oldest first: the rows as
// they were after $runId are the rows now with the later diffs undone (importers/history.ts).
MATCH (r:RunDiff {runId: $runId})
MATCH (d:RunDiff {source: r.source})
WHERE d.at >= r.at
RETURN d.runId AS runId, d.source AS source, d.kind AS kind, d.patchable AS patchable, d.user AS user, toString(d.at) AS at, d.seq AS seq,
       d.counts AS counts, d.organisations AS organisations, d.graph AS graph, d.changes AS changes
ORDER BY d.runId = $runId DESC, d.at, d.seq
