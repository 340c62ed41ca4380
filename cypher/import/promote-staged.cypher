// The nodes a staged import created (load/new-nodes with the label `Staged`) get their own label in
// the import's last transaction, so readers, who match on those labels, see the whole import at once.
// Only the labels change here: their marks (stagedLabel, stagedRun) go after the commit
// (import/clear-staged-marks), since rewriting every new node's properties in this transaction tripled
// what it holds (the country's did not fit Neo4j's 2 GB of transaction memory).
MATCH (n:Staged)
WHERE n.stagedRun = $runId
SET n:$(n.stagedLabel)
REMOVE n:Staged
RETURN count(n) AS promoted
