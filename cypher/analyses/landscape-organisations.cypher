// title: Landscape snapshot: organisations
// description: Every organisation's id and name, so answers name an organisation as people know it, not by its id.
MATCH (o:Organisation)
RETURN o.id AS id, o.name AS name
ORDER BY id
