// title: Headline numbers of an organisation over the runs
// description: Per run that touched $organisation (since $since, an ISO date or time; null: all kept), oldest first and at most $limit: the run, its source and time, and the headline numbers recorded right after it.
MATCH (h:Headline {organisation: $organisation})
WHERE $since IS NULL OR h.at > datetime($since)
OPTIONAL MATCH (r:ImportRun {runId: h.runId})
WITH h, r ORDER BY h.at DESC LIMIT $limit
RETURN h.runId AS runId, r.source AS source, toString(h.at) AS at, h.organisation AS organisation, h.applications AS applications,
       h.hhi AS hhi, h.cr3 AS cr3, h.hhiValue AS hhiValue, h.cr3Value AS cr3Value, h.spofCount AS spofCount, h.spofs AS spofs,
       h.meanLockIn AS meanLockIn, h.noticeCount AS noticeCount, h.notice AS notice, h.sovereigntyShare AS sovereigntyShare,
       h.commonGroundScore AS commonGroundScore, h.spofRanking AS spofRanking, h.suppliers AS suppliers
ORDER BY at
