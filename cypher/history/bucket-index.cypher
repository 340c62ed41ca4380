// The uid and hash of every row of one table of $source, a bucket per record (importers/diff.ts
// compares an import with them).
MATCH (b:RowBucket {source: $source, table: $table})
RETURN b.uids AS uids, b.hashes AS hashes
