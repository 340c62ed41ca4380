// (:ImportRun {runId}): when, by whom, from which files and with what counts; written in the same
// transaction as the load, so a run is recorded exactly when its data is there. `asserted`: how many
// nodes and relationships carry this run's stamp afterwards (null when unknown; see load.ts mayHaveStale).
CREATE (r:ImportRun {
  runId: $runId,
  source: $source,
  startedAt: datetime($startedAt),
  finishedAt: datetime($finishedAt),
  user: $user,
  files: $files,
  counts: $counts,
  status: $status,
  asserted: $asserted
})
RETURN r.runId AS runId
