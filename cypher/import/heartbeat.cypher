// The process that owns a run that is loading or rolling back says it is still at work (every few
// seconds, in the database's own clock). No row: the run is no longer this process's to finish.
MATCH (r:ImportRun {runId: $runId})
WHERE r.status IN ['loading', 'rolling back'] AND r.ownerId = $ownerId
SET r.heartbeatAt = datetime()
RETURN r.runId AS runId
