// title: Roll back an import committed in several transactions
// description: Undoes run $runId (stamp $stamp) of a staged import that failed or was abandoned, one statement at a time, each in batches: the nodes it created (still `Staged`, never seen by readers) go with their relationships, and what existed loses this run's stamp. Nothing else changed before the run's last transaction (load/nodes-staged), so nothing else needs undoing.
MATCH (n:Staged)
WHERE $stamp IN n.runs
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
MATCH ()-[r]->()
WHERE $stamp IN r.runs
CALL (r) {
  SET r.runs = [stamp IN r.runs WHERE stamp <> $stamp]
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Entity)
WHERE $stamp IN n.runs
CALL (n) {
  SET n.runs = [stamp IN n.runs WHERE stamp <> $stamp]
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (r:ImportRun {runId: $runId})
SET r.status = 'rolled back', r.finishedAt = datetime(), r.rolledBackBy = $by
