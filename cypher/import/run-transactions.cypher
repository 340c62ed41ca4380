// title: Transactions an import run still has running
// description: The transactions Neo4j still runs for run $runId (the staged load tags each with its runId), leaving out those already terminated (they can no longer commit). A killed importer's last batch may still be committing: the rollback of its run waits for it, so that nothing of the run commits after the rollback.
SHOW TRANSACTIONS
YIELD transactionId, metaData, status
WHERE metaData.runId = $runId AND NOT status STARTS WITH 'Terminated'
RETURN transactionId
