// The nodes a staged import created (load/new-nodes with the label `Staged`) get their own label in
// the import's last transaction, so readers, who match on those labels, see the whole import at once.
MATCH (n:Staged)
WHERE n.stagedRun = $runId
SET n:$(n.stagedLabel)
REMOVE n:Staged, n.stagedLabel, n.stagedRun
RETURN count(n) AS promoted
