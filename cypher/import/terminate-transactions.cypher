// title: Terminate transactions
// description: Ends the transactions $ids (from import/run-transactions) of an importer that is gone; one that is already committing finishes.
TERMINATE TRANSACTIONS $ids
YIELD transactionId, message
RETURN transactionId, message
