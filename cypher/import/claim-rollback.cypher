// Takes over an abandoned run for its rollback, only if nobody has since: its owner is still the
// one seen (and silent) when it was judged abandoned. No row: another process got there first.
MATCH (r:ImportRun {runId: $runId})
WHERE r.status IN ['loading', 'rolling back'] AND coalesce(r.ownerId, '') = $seenOwner AND coalesce(toString(r.heartbeatAt), '') = $seenHeartbeat
SET r.status = 'rolling back', r.ownerId = $ownerId, r.ownerHost = $ownerHost, r.ownerPid = $ownerPid, r.heartbeatAt = datetime()
RETURN r.runId AS runId
