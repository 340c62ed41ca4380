// An import committed in several transactions is done: its run record says so, and the undo
// copies of what it changed (:ImportUndo) go. Runs in the transaction that also does the cleanup.
MATCH (r:ImportRun {runId: $runId})
SET r.status = 'ok', r.finishedAt = datetime($finishedAt), r.counts = $counts, r.asserted = $asserted, r.overwrote = $overwrote
WITH r
OPTIONAL MATCH (u:ImportUndo {importUndoRun: $runId})
DETACH DELETE u
RETURN count(u) AS undone
