// title: Which sources already hold these organisations
// description: The import sources other than $source whose stamps the organisations $organisations (ids) carry: an import that does not name its source, for organisations another source already holds, is probably meant to update that one.
UNWIND $organisations AS id
MATCH (o:Organisation {uid: 'org:' + id})
UNWIND o.runs AS stamp
WITH DISTINCT split(stamp, '#')[0] AS other
WHERE other <> $source
RETURN other AS source
ORDER BY source
