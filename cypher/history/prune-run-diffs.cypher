// A source keeps the diffs of its newest $keep runs (ROER_HISTORY_RUNS); older ones go, with the
// headline numbers recorded after them.
MATCH (d:RunDiff {source: $source})
WITH d ORDER BY d.at DESC
SKIP $keep
OPTIONAL MATCH (h:Headline {runId: d.runId})
DETACH DELETE d, h
