// title: Organisations to match
// description: Every organisation with the names and codes an Algoritmeregister entry may use for it.
MATCH (o:Organisation)
WHERE NOT o:Staged
RETURN o.uid AS uid, o.id AS id, o.name AS name, o.cbsCode AS cbsCode
ORDER BY uid
