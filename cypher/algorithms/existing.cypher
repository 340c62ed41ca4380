// title: Algorithms already there
// description: The hash of each algorithm among $uids that the graph holds, to tell created, updated and unchanged apart.
UNWIND $uids AS uid
MATCH (n:Algorithm {uid: uid})
RETURN n.uid AS uid, n.hash AS hash
