// The row state of each table of $source (importers/row-state.ts): which code wrote it, the digest
// and count of its rows, into how many buckets they are split and each bucket's digest, and the
// organisations they name.
MATCH (t:SourceTable {source: $source})
RETURN t.table AS table, t.code AS code, t.digest AS digest, t.rows AS rows, t.buckets AS buckets, t.bucketDigests AS bucketDigests, t.organisations AS organisations
