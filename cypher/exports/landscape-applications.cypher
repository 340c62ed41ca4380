// title: Landscape workbook: applications
// description: An organisation's ($organisation) applications as rows of the applications table: their supplier and platform by id, reference components, business functions and open standards by name.
MATCH (a:Application {organisation: $organisation})
RETURN a.id AS id, a.organisation AS organisation, a.name AS name,
  COLLECT { MATCH (s:Supplier)-[:SUPPLIES]->(a) RETURN s.id AS id ORDER BY id }[0] AS supplier,
  COLLECT { MATCH (a)-[:REALISES]->(r:ReferenceComponent) RETURN r.name AS name ORDER BY name } AS referenceComponents,
  COLLECT { MATCH (a)-[:SUPPORTS]->(f:BusinessFunction) RETURN f.name AS name ORDER BY name } AS businessFunctions,
  a.criticality AS criticality, a.personalData AS personalData,
  COLLECT { MATCH (a)-[:RUNS_ON]->(p:Platform) RETURN p.id AS id ORDER BY id }[0] AS platform,
  COLLECT { MATCH (a)-[:IMPLEMENTS]->(st:Standard) RETURN st.name AS name ORDER BY name } AS openStandards,
  properties(a) AS props
ORDER BY id
