// A table of $source whose rows the catalogue re-resolved (importers/catalogue-reresolve.ts): its
// buckets' digests as rewritten ($bucketDigests), and a digest that is no longer one of a delivery
// ($digest: the rows' order in the files is not kept, so it cannot be made again; nothing compares
// it, and the next import's rows compare bucket by bucket). Its code, row count and run stay.
MATCH (s:SourceTable {key: $key})
SET s.digest = $digest, s.bucketDigests = $bucketDigests
