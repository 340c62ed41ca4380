// Import runs that started committing in several transactions and never finished (the process
// stopped, or the rollback itself failed): they are rolled back before anything else imports.
MATCH (r:ImportRun {status: 'loading'})
WHERE $source IS NULL OR r.source = $source
RETURN r.runId AS runId, r.source AS source
