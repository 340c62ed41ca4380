// The run diffs with a landscape journal number above $seq, in journal order: what changed the
// landscape since a snapshot was fetched at $seq.
MATCH (d:RunDiff)
WHERE d.seq > $seq
RETURN d.runId AS runId, d.source AS source, d.kind AS kind, d.patchable AS patchable, d.user AS user, toString(d.at) AS at, d.seq AS seq,
       d.counts AS counts, d.organisations AS organisations, d.graph AS graph, d.changes AS changes
ORDER BY d.seq
