// After a staged import's last transaction: the marks by which its nodes were found while staged
// (stagedLabel, stagedRun) go, a batch at a time. Also those an import left when its process stopped
// between its last transaction and this; a node still `Staged` belongs to a run that is loading.
MATCH (n:Entity)
WHERE n.stagedRun IS NOT NULL AND NOT n:Staged
CALL (n) {
  REMOVE n.stagedLabel, n.stagedRun
} IN TRANSACTIONS OF 10000 ROWS
