// The raw-row indexes of $source's tables (importers/raw-index.ts): the version of Roer's index and
// the environment each was made in, the table digest and supplier merges it belongs to, and the
// deflated index itself (base64): its base and the delta written on it since.
MATCH (t:SourceTable {source: $source})
WHERE t.rawIndex IS NOT NULL
RETURN t.table AS table, t.rawVersion AS version, t.rawEnv AS env, t.rawDigest AS digest, t.rawMerges AS merges, t.rawIndex AS index, t.rawDelta AS delta
