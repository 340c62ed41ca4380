// Nodes whose uid no node had when the load began (load/existing-nodes): created, not merged, each
// together with the relationships it anchors (planLoad in importers/load.ts), the way LOAD CSV writes a
// row's relationships while the row's node is in hand. The other end of each such relationship exists
// already or was created with an earlier label, so it is found by uid.
// importers/load.ts writes in, from its fixed lists: the label for $($label), and for the RELATIONSHIPS
// line one block of load/new-node-relationships per relationship type and direction.
// Stamped like load/nodes. In a staged import load.ts writes `Staged:Staged<label>` for $($label):
// readers skip `Staged` nodes, so they see the node once the import's last transaction gives it its
// label (import/promote-staged); until then a rollback deletes it.
UNWIND $rows AS row
CREATE (n:Entity:$($label) {uid: row.uid})
SET n += row.props, n.hash = row.hash, n.runs = [$stamp]
WITH n, row, 0 AS relationships
// RELATIONSHIPS
RETURN count(n) AS created, sum(relationships) AS relationships
