// The finished import runs between $since and $until (ISO times; $until null: no bound), with their
// start, files and counts, and whether they keep a diff. Those that keep none (imports of no table rows such
// as the Algoritmeregister, runs that found their files unchanged, runs whose diff is no longer kept)
// are listed on the changes page all the same; `first`: no run of its source finished before it.
MATCH (r:ImportRun)
WHERE r.status = 'ok' AND r.finishedAt > datetime($since) AND ($until IS NULL OR r.finishedAt <= datetime($until))
RETURN r.runId AS runId, r.source AS source, toString(r.startedAt) AS startedAt, toString(r.finishedAt) AS at, r.user AS user, r.files AS files, r.counts AS counts,
       r.unchangedSince IS NOT NULL AS unchanged, EXISTS { MATCH (:RunDiff {runId: r.runId}) } AS kept,
       NOT EXISTS { MATCH (e:ImportRun {source: r.source}) WHERE e.status = 'ok' AND e.finishedAt < r.finishedAt } AS first
ORDER BY r.finishedAt
