// Stores each table's raw-row index (importers/raw-index.ts) on its (:SourceTable), written just before
// in the same transaction: the index (deflated, base64) as a new base without delta, or a delta on the
// stored base (i.index null); its version and environment, and the table digest and supplier merges
// it belongs to.
UNWIND $indexes AS i
MATCH (t:SourceTable {key: i.key})
SET t.rawIndex = coalesce(i.index, t.rawIndex), t.rawDelta = i.delta, t.rawVersion = i.version, t.rawEnv = i.env, t.rawDigest = i.digest, t.rawMerges = i.merges
