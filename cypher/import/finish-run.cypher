// An import committed in several transactions is done: its run record says so, in the transaction
// that also promotes its nodes, writes what it deferred and does the cleanup. No row: the run is no
// longer loading (another process judged it abandoned and rolled it back), and the import must fail.
MATCH (r:ImportRun {runId: $runId})
WHERE r.status = 'loading'
SET r.status = 'ok', r.finishedAt = datetime($finishedAt), r.counts = $counts, r.asserted = $asserted, r.overwrote = $overwrote, r.seq = $seq
RETURN r.runId AS runId
