// title: Landscape workbook: interfaces
// description: An organisation's ($organisation) interfaces (koppelingen) as rows of the interfaces table, their applications by id.
MATCH (i:Interface {organisation: $organisation})
RETURN i.id AS id, i.organisation AS organisation,
  COLLECT { MATCH (i)-[:FROM]->(a:Application) RETURN a.id AS id ORDER BY id }[0] AS from,
  COLLECT { MATCH (i)-[:TO]->(a:Application) RETURN a.id AS id ORDER BY id }[0] AS to,
  i.standard AS standard,
  COLLECT { MATCH (i)-[:VIA]->(a:Application) RETURN a.id AS id ORDER BY id }[0] AS via,
  properties(i) AS props
ORDER BY id
