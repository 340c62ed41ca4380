// (:ImportRun) history, newest first. `unchangedSince`: the run before, when this one found the files
// unchanged and wrote nothing (importers/unchanged.ts).
MATCH (r:ImportRun)
WHERE $source IS NULL OR r.source = $source
RETURN r.runId AS runId, r.source AS source, toString(r.startedAt) AS startedAt, toString(r.finishedAt) AS finishedAt,
       r.user AS user, r.files AS files, r.counts AS counts, r.status AS status, r.unchangedSince AS unchangedSince, coalesce(r.removalsConfirmed, false) AS removalsConfirmed
ORDER BY r.startedAt DESC
LIMIT $limit
