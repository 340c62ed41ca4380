// title: Headline numbers of an organisation at a time
// description: The headline numbers of $organisation recorded last at or before $at (an ISO date or time; null: the latest).
MATCH (h:Headline {organisation: $organisation})
WHERE $at IS NULL OR h.at <= datetime($at)
OPTIONAL MATCH (r:ImportRun {runId: h.runId})
RETURN h.runId AS runId, r.source AS source, toString(h.at) AS at, h.organisation AS organisation, h.applications AS applications,
       h.hhi AS hhi, h.cr3 AS cr3, h.hhiValue AS hhiValue, h.cr3Value AS cr3Value, h.spofCount AS spofCount, h.spofs AS spofs,
       h.meanLockIn AS meanLockIn, h.noticeCount AS noticeCount, h.notice AS notice, h.sovereigntyShare AS sovereigntyShare,
       h.commonGroundScore AS commonGroundScore, h.spofRanking AS spofRanking, h.suppliers AS suppliers
ORDER BY h.at DESC
LIMIT 1
