// Which of these uids already have a node. The load creates the others (load/new-nodes) and merges
// these (load/nodes).
UNWIND $uids AS uid
MATCH (n:Entity {uid: uid})
RETURN n.uid AS uid
