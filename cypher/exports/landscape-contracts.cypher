// title: Landscape workbook: contracts
// description: An organisation's ($organisation) contracts as rows of the contracts table, their supplier and the applications they cover by id.
MATCH (c:Contract {organisation: $organisation})
RETURN c.id AS id, c.organisation AS organisation,
  COLLECT { MATCH (c)-[:WITH]->(s:Supplier) RETURN s.id AS id ORDER BY id }[0] AS supplier,
  COLLECT { MATCH (c)-[:COVERS]->(a:Application) RETURN a.id AS id ORDER BY id } AS applications,
  c.start AS start, c.end AS end, c.noticeMonths AS noticeMonths, c.autoRenew AS autoRenew, c.annualValue AS annualValue,
  c.exitPlan AS exitPlan, c.dataPortability AS dataPortability, properties(c) AS props
ORDER BY id
