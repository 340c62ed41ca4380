// title: Impact: the failing node
// description: The application, platform, supplier or supplier group with uid $node, with its kind, name and organisation (applications only). No row means an unknown node.
MATCH (n:Entity {uid: $node})
WHERE n:Application OR n:Platform OR n:Supplier OR n:SupplierGroup
RETURN n.uid AS uid,
       [label IN labels(n) WHERE label IN ['Application', 'Platform', 'Supplier', 'SupplierGroup']][0] AS kind,
       coalesce(n.name, n.uid) AS name,
       n.organisation AS organisation
