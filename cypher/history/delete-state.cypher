// A source deleted: its row state goes with it (the next import of the source writes everything).
MATCH (n)
WHERE (n:SourceTable OR n:RowBucket) AND n.source = $source AND n.table IN $tables
DETACH DELETE n
