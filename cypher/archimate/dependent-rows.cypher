// The applications of other sources that realise a reference component the GEMMA run $stamp replaces
// (a rename: the old node has `replacedBy`, archimate/remap-reference-components), per source, read
// from the stamps on their REALISES relationships before the remap moves them: the rows whose stored
// state (importers/row-state.ts) names the old name and is re-resolved in the same transaction
// (importers/catalogue-reresolve.ts).
MATCH (new:ReferenceComponent)
WHERE $stamp IN new.runs
MATCH (a:Application)-[r:REALISES]->(:ReferenceComponent {replacedBy: new.uid})
UNWIND r.runs AS stamp
WITH split(stamp, '#')[0] AS source, a.uid AS uid
WHERE source <> split($stamp, '#')[0]
RETURN source, collect(DISTINCT uid) AS uids
ORDER BY source
