// The run diffs kept of runs that finished after $since (an ISO date or time; null: all), of $source
// (null: every source), oldest first.
MATCH (d:RunDiff)
WHERE ($since IS NULL OR d.at > datetime($since)) AND ($source IS NULL OR d.source = $source)
RETURN d.runId AS runId, d.source AS source, d.kind AS kind, d.patchable AS patchable, d.user AS user, toString(d.at) AS at, d.seq AS seq,
       d.counts AS counts, d.organisations AS organisations, d.graph AS graph, d.changes AS changes
ORDER BY d.at, d.seq
