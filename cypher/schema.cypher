// title: Schema
// description: Constraints and indexes, applied idempotently at every start-up (Community edition only has uniqueness constraints).
CREATE CONSTRAINT entity_uid IF NOT EXISTS FOR (n:Entity) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT organisation_uid IF NOT EXISTS FOR (n:Organisation) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT supplier_uid IF NOT EXISTS FOR (n:Supplier) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT supplier_group_uid IF NOT EXISTS FOR (n:SupplierGroup) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT platform_uid IF NOT EXISTS FOR (n:Platform) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT application_uid IF NOT EXISTS FOR (n:Application) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT interface_uid IF NOT EXISTS FOR (n:Interface) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT contract_uid IF NOT EXISTS FOR (n:Contract) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT reference_component_uid IF NOT EXISTS FOR (n:ReferenceComponent) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT business_function_uid IF NOT EXISTS FOR (n:BusinessFunction) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT standard_uid IF NOT EXISTS FOR (n:Standard) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.runId IS UNIQUE;
CREATE INDEX application_organisation IF NOT EXISTS FOR (n:Application) ON (n.organisation);
CREATE INDEX contract_organisation IF NOT EXISTS FOR (n:Contract) ON (n.organisation);
CREATE INDEX contract_end IF NOT EXISTS FOR (n:Contract) ON (n.end);
CREATE INDEX interface_organisation IF NOT EXISTS FOR (n:Interface) ON (n.organisation);
CREATE INDEX supplier_normalized_name IF NOT EXISTS FOR (n:Supplier) ON (n.normalizedName);
CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.id];
CREATE INDEX import_run_source IF NOT EXISTS FOR (n:ImportRun) ON (n.source);
CREATE INDEX import_run_status IF NOT EXISTS FOR (n:ImportRun) ON (n.status);
CREATE CONSTRAINT claim_key IF NOT EXISTS FOR (n:Claim) REQUIRE n.claimKey IS UNIQUE;
CREATE INDEX claim_uid IF NOT EXISTS FOR (n:Claim) ON (n.claimUid);
CREATE INDEX claim_source IF NOT EXISTS FOR (n:Claim) ON (n.claimSource);
// Before the name became unique, two requests at once could create two tokens with one name: keep both
// tokens working, under names that differ, so the constraint below can be created.
MATCH (t:ApiToken)
WITH t.name AS name, collect(t) AS tokens
WHERE size(tokens) > 1
UNWIND range(1, size(tokens) - 1) AS i
WITH tokens[i] AS token, name, i
SET token.name = name + ' (duplicate ' + i + ')';
// The token lookup on every request in token mode is an index seek on the hash.
CREATE CONSTRAINT api_token_name IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (n:AuditEntry) REQUIRE n.seq IS UNIQUE;
CREATE CONSTRAINT audit_head_id IF NOT EXISTS FOR (n:AuditHead) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT setting_name IF NOT EXISTS FOR (n:Setting) REQUIRE n.name IS UNIQUE;
// Issue 21: what each source asserts row by row (importers/row-state.ts), each run's diff, the headline
// numbers recorded after each run (importers/history.ts), and the journal of landscape changes.
CREATE CONSTRAINT source_table_key IF NOT EXISTS FOR (n:SourceTable) REQUIRE n.key IS UNIQUE;
CREATE INDEX source_table_source IF NOT EXISTS FOR (n:SourceTable) ON (n.source);
CREATE CONSTRAINT row_bucket_key IF NOT EXISTS FOR (n:RowBucket) REQUIRE n.key IS UNIQUE;
CREATE INDEX row_bucket_source IF NOT EXISTS FOR (n:RowBucket) ON (n.source, n.table);
CREATE CONSTRAINT run_diff_id IF NOT EXISTS FOR (n:RunDiff) REQUIRE n.runId IS UNIQUE;
CREATE INDEX run_diff_source IF NOT EXISTS FOR (n:RunDiff) ON (n.source);
CREATE CONSTRAINT headline_key IF NOT EXISTS FOR (n:Headline) REQUIRE n.key IS UNIQUE;
CREATE INDEX headline_organisation IF NOT EXISTS FOR (n:Headline) ON (n.organisation);
CREATE CONSTRAINT journal_id IF NOT EXISTS FOR (n:Journal) REQUIRE n.id IS UNIQUE;
CREATE INDEX import_run_seq IF NOT EXISTS FOR (n:ImportRun) ON (n.seq);
// Algoritmeregister: the algorithms, and the review decisions kept apart from any source (server/algorithms.ts).
CREATE CONSTRAINT algorithm_uid IF NOT EXISTS FOR (n:Algorithm) REQUIRE n.uid IS UNIQUE;
CREATE CONSTRAINT algorithm_review_key IF NOT EXISTS FOR (n:AlgorithmReview) REQUIRE n.key IS UNIQUE;
CREATE INDEX algorithm_review_target IF NOT EXISTS FOR (n:AlgorithmReview) ON (n.target);
CREATE INDEX algorithm_review_algorithm IF NOT EXISTS FOR (n:AlgorithmReview) ON (n.algorithm)
