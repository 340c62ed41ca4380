// (:ImportRun) history, newest first.
MATCH (r:ImportRun)
WHERE $source IS NULL OR r.source = $source
RETURN r.runId AS runId, r.source AS source, toString(r.startedAt) AS startedAt, toString(r.finishedAt) AS finishedAt,
       r.user AS user, r.files AS files, r.counts AS counts, r.status AS status
ORDER BY r.startedAt DESC
LIMIT $limit
