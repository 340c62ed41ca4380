// (:SourceTable) per table an import of $source wrote: the code that turned its rows into the graph
// (a different Roer writes everything again), the digest and count of its rows, its bucket count, each
// bucket's digest, the organisations its rows name, and the run that last changed it.
UNWIND $tables AS t
MERGE (s:SourceTable {key: t.key})
SET s.source = $source, s.table = t.table, s.code = t.code, s.digest = t.digest, s.rows = t.rows, s.buckets = t.buckets, s.bucketDigests = t.bucketDigests,
    s.organisations = t.organisations, s.runId = $runId
