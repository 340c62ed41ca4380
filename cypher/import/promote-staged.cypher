// The nodes of one label that a staged import created (load/new-nodes with the labels `Staged` and
// `Staged<label>`) get their own label in the import's last transaction, so readers, who match on
// those labels and skip `Staged`, see the whole import at once. Only labels change: the country's
// last transaction holds about 1 GB this way, where setting the label from a property and removing
// the staging properties held 2.6 GB, over Neo4j's default 2 GB. importers/load.ts (promoteQuery)
// writes the label in for $($label), from its fixed list.
MATCH (n:Staged$($label))
WHERE $stamp IN n.runs
SET n:$($label)
REMOVE n:Staged:Staged$($label)
RETURN count(n) AS promoted
