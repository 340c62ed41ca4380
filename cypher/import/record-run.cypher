// (:ImportRun {runId}): when, by whom, from which files and with what counts; written in the same
// transaction as the load, so a run is recorded exactly when its data is there. `asserted`: how many
// nodes and relationships carry this run's stamp afterwards (null when unknown; see load.ts mayHaveStale).
// `digest`: of the validated files (null: not compared); `stamp`: the stamp the source's facts carry,
// which for a run that found its files unchanged (`unchangedSince` the run before) is the stamp of the
// run that wrote them (see importers/unchanged.ts); `overwrote`: the other sources whose facts the run
// gave other properties (null: not known, as if it were all). A staged run (status `loading`) names its
// owner (process) and says when the owner was last at work (import/heartbeat), so that only a run whose
// owner is gone is rolled back. `removalsConfirmed`: it removed more than an import may unless told to
// (allowRemovals). `mergedSuppliers`: the supplier ids it merged into others, "dropped kept" (read
// back by import/earlier-merges). `seq`: the landscape journal number the run took (history/journal-next; null: it
// changed nothing, or is still loading).
CREATE (r:ImportRun {
  runId: $runId,
  source: $source,
  startedAt: datetime($startedAt),
  finishedAt: datetime($finishedAt),
  user: $user,
  files: $files,
  counts: $counts,
  status: $status,
  asserted: $asserted,
  digest: $digest,
  stamp: $stamp,
  unchangedSince: $unchangedSince,
  overwrote: $overwrote,
  seq: $seq,
  removalsConfirmed: $removalsConfirmed,
  mergedSuppliers: $mergedSuppliers,
  ownerId: $ownerId,
  ownerHost: $ownerHost,
  ownerPid: $ownerPid,
  heartbeatAt: CASE WHEN $status = 'loading' THEN datetime() END
})
RETURN r.runId AS runId
