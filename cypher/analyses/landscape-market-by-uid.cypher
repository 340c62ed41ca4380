// title: Landscape snapshot: the market of some reference components
// description: For the reference components $uids, the suppliers that supply an application realising them anywhere (as landscape-market), for a snapshot patch (server/analyses/snapshot-patch.ts). A uid with no component gives no row.
UNWIND $uids AS uid
MATCH (r:ReferenceComponent {uid: uid})
RETURN r.uid AS uid,
       COLLECT { MATCH (r)<-[:REALISES]-(:Application)<-[:SUPPLIES]-(s:Supplier) RETURN DISTINCT s.uid ORDER BY s.uid } AS suppliers
ORDER BY uid
