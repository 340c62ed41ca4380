// (:RunDiff) of a run, written in its last transaction: how it wrote ($kind), whether a snapshot may be
// patched with it, who ran it and when, its journal number, the rows added, changed and removed per
// table ($counts, JSON), the organisations those rows name, the nodes it created and deleted per
// label ($graph, JSON), and the rows themselves ($changes:
// deflated JSON lines {t: table, k: kind, u: uid, b: before, a: after}; null: counts only).
CREATE (d:RunDiff {
  runId: $runId, source: $source, kind: $kind, patchable: $patchable, user: $user, at: datetime($at), seq: $seq,
  counts: $counts, organisations: $organisations, graph: $graph, changes: $changes, changeCount: $changeCount
})
