// Before a table's state is written whole: the buckets of $source's $tables other than those about
// to be written ($keep) go (a table whose bucket count changed, or that has no rows any more).
MATCH (b:RowBucket {source: $source})
WHERE b.table IN $tables AND NOT b.key IN $keep
DELETE b
