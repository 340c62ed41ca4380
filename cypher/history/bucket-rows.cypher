// The rows of the buckets $keys: uids, hashes and the deflated JSON lines in the same order.
UNWIND $keys AS key
MATCH (b:RowBucket {key: key})
RETURN b.key AS key, b.uids AS uids, b.hashes AS hashes, b.rows AS rows
