// Stores each table's raw-row index (importers/raw-index.ts) on its (:SourceTable), written just before
// in the same transaction: the index (deflated, base64), its version and environment, and the table
// digest and supplier merges it belongs to.
UNWIND $indexes AS i
MATCH (t:SourceTable {key: i.key})
SET t.rawIndex = i.index, t.rawVersion = i.version, t.rawEnv = i.env, t.rawDigest = i.digest, t.rawMerges = i.merges
