// Every row of one table of $source: uids and deflated JSON lines, a bucket per record.
MATCH (b:RowBucket {source: $source, table: $table})
RETURN b.uids AS uids, b.rows AS rows
