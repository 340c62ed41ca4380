// What the graph holds of the organisations a reader describes (the Softwarecatalogus), to tell whether
// a re-import that leaves the five tables unchanged still has organisation facts to write.
UNWIND $uids AS key
MATCH (o:Organisation:Entity {uid: key})
WHERE NOT o:Staged
RETURN o.uid AS uid, o.name AS name, o.organisationType AS type, o.cbsCode AS cbsCode, o.oin AS oin, o.kvk AS kvk, o.website AS website
