// (:Headline) per organisation, recorded right after run $runId committed (server/analyses/headlines.ts):
// concentration, single points of failure and the Kwetsbare punten ranking's first places (JSON), mean lock-in, the contracts in their notice window (with
// the lists behind the counts as JSON), every supplier's shares (JSON) and the share of applications exposed to non-EU jurisdiction.
// Pruned with the run's diff (history/prune-run-diffs).
// They count as of the moment the run finished (its diff's time), so "since run R" finds R's own.
OPTIONAL MATCH (d:RunDiff {runId: $runId})
WITH coalesce(d.at, datetime($at)) AS at
UNWIND $headlines AS h
MERGE (n:Headline {key: h.key})
SET n.runId = $runId, n.at = at, n.organisation = h.organisation, n.applications = h.applications,
    n.hhi = h.hhi, n.cr3 = h.cr3, n.hhiValue = h.hhiValue, n.cr3Value = h.cr3Value,
    n.spofCount = h.spofCount, n.spofs = h.spofs, n.meanLockIn = h.meanLockIn, n.noticeCount = h.noticeCount, n.notice = h.notice,
    n.sovereigntyShare = h.sovereigntyShare, n.commonGroundScore = h.commonGroundScore, n.spofRanking = h.spofRanking, n.suppliers = h.suppliers
