// Of the supplier ids $ids, those an earlier committed import merged into another supplier (its run
// record's mergedSuppliers, "dropped kept"), the latest such merge per id, when the kept supplier
// still exists: what rows naming the dropped id meant then.
MATCH (r:ImportRun)
WHERE r.status = 'ok' AND size(coalesce(r.mergedSuppliers, [])) > 0
UNWIND r.mergedSuppliers AS pair
WITH r, split(pair, ' ') AS ids
WHERE ids[0] IN $ids
WITH ids[0] AS dropped, ids[1] AS kept, r.finishedAt AS at
ORDER BY at DESC
WITH dropped, collect(kept)[0] AS kept
MATCH (s:Supplier {uid: $supplierPrefix + kept})
WHERE NOT s:Staged
RETURN dropped, kept, s.name AS keptName
