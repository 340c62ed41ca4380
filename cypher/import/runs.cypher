// (:ImportRun) history, newest first. `unchangedSince`: the run before, when this one found the files
// unchanged and wrote nothing (importers/unchanged.ts). `written`: how it wrote (its RunDiff's kind,
// e.g. `initial` for a source's first import; null once the diff is no longer kept).
MATCH (r:ImportRun)
WHERE $source IS NULL OR r.source = $source
WITH r.runId AS runId, r.source AS source, toString(r.startedAt) AS startedAt, toString(r.finishedAt) AS finishedAt,
       r.user AS user, r.files AS files, r.counts AS counts, r.status AS status, r.unchangedSince AS unchangedSince, coalesce(r.removalsConfirmed, false) AS removalsConfirmed,
       r.startedAt AS at
ORDER BY at DESC
LIMIT $limit
OPTIONAL MATCH (d:RunDiff {runId: runId})
RETURN runId, source, startedAt, finishedAt, user, files, counts, status, unchangedSince, removalsConfirmed, d.kind AS written
ORDER BY at DESC
