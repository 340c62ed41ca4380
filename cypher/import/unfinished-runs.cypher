// Import runs that are loading (committing in several transactions) or rolling back, with who owns
// them and how many seconds ago the owner last said it was at work (import/heartbeat). Only runs
// whose owner is gone are rolled back (abandonedRuns in importers/import.ts).
MATCH (r:ImportRun)
WHERE r.status IN ['loading', 'rolling back'] AND ($source IS NULL OR r.source = $source)
RETURN r.runId AS runId, r.source AS source, r.status AS status, r.ownerId AS ownerId, r.ownerHost AS ownerHost, r.ownerPid AS ownerPid,
       toString(r.heartbeatAt) AS heartbeatAt,
       CASE WHEN r.heartbeatAt IS NULL THEN null ELSE duration.inSeconds(r.heartbeatAt, datetime()).seconds END AS silentSeconds
