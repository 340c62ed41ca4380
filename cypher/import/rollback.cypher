// title: Roll back an import committed in several transactions
// description: Undoes run $runId (stamp $stamp) of an import that failed or was interrupted, one statement at a time, each in batches: the changed properties come back from their (:ImportUndo) copies, what existed gets its earlier stamps back, what the run created goes. Labels a run added to an existing node stay.
MATCH (u:ImportUndo {importUndoRun: $runId})
WHERE u.importUndoUid IS NOT NULL
CALL (u) {
  MATCH (n:Entity {uid: u.importUndoUid})
  SET n = properties(u)
  REMOVE n.importUndoRun, n.importUndoUid
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (u:ImportUndo {importUndoRun: $runId})
WHERE u.importUndoRelationship IS NOT NULL
CALL (u) {
  MATCH ()-[r]->() WHERE elementId(r) = u.importUndoRelationship
  SET r = properties(u)
  REMOVE r.importUndoRun, r.importUndoRelationship
} IN TRANSACTIONS OF 5000 ROWS;
MATCH ()-[r]->()
WHERE r.undoRun = $runId
CALL (r) {
  SET r.runs = r.undoRuns
  REMOVE r.undoRun, r.undoRuns
} IN TRANSACTIONS OF 10000 ROWS;
MATCH ()-[r]->()
WHERE $stamp IN r.runs
CALL (r) {
  DELETE r
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Entity)
WHERE n.undoRun = $runId
CALL (n) {
  SET n.runs = n.undoRuns
  REMOVE n.undoRun, n.undoRuns
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (n:Entity)
WHERE $stamp IN n.runs
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 5000 ROWS;
MATCH (u:ImportUndo {importUndoRun: $runId})
CALL (u) {
  DELETE u
} IN TRANSACTIONS OF 10000 ROWS;
MATCH (r:ImportRun {runId: $runId})
SET r.status = 'rolled back', r.finishedAt = datetime()
