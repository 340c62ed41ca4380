// (:RowBucket) rows of a source's table: uids, hashes and the deflated JSON lines, replacing the
// bucket's previous rows. Written in the import's transaction, so the state is the graph's.
UNWIND $buckets AS bucket
MERGE (b:RowBucket {key: bucket.key})
SET b.source = bucket.source, b.table = bucket.table, b.bucket = bucket.bucket, b.uids = bucket.uids, b.hashes = bucket.hashes, b.rows = bucket.rows
