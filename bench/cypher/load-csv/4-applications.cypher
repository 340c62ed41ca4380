// title: LOAD CSV applications
// description: (:Organisation)-[:USES]->(:Application) with SUPPLIES, RUNS_ON, REALISES, SUPPORTS and IMPLEMENTS from applications.csv.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MERGE (o:Entity {uid: 'org:' + row.organisation})
  ON CREATE SET o:Organisation, o.id = row.organisation, o.name = row.organisation
  MERGE (a:Entity {uid: 'app:' + row.organisation + '/' + row.id})
  SET a:Application, a.id = row.id, a.organisation = row.organisation, a.name = row.name,
      a.criticality = coalesce(CASE WHEN row.criticality <> '' THEN row.criticality END, 'medium'), a.personalData = row.personalData = 'yes'
  MERGE (o)-[:USES]->(a)
  WITH a, row
  CALL (a, row) {
    MATCH (s:Entity {uid: 'supplier:' + row.supplier})
    MERGE (s)-[:SUPPLIES]->(a)
  }
  CALL (a, row) {
    MATCH (p:Entity {uid: 'platform:' + row.platform})
    MERGE (a)-[:RUNS_ON]->(p)
  }
  CALL (a, row) {
    UNWIND [name IN split(coalesce(row.referenceComponents, ''), '|') WHERE name <> ''] AS name
    MERGE (c:Entity {uid: 'refcomp:' + toLower(name)})
    ON CREATE SET c:ReferenceComponent, c.name = name
    MERGE (a)-[:REALISES]->(c)
  }
  CALL (a, row) {
    UNWIND [name IN split(coalesce(row.businessFunctions, ''), '|') WHERE name <> ''] AS name
    MERGE (f:Entity {uid: 'function:' + toLower(name)})
    ON CREATE SET f:BusinessFunction, f.name = name
    MERGE (a)-[:SUPPORTS]->(f)
  }
  CALL (a, row) {
    UNWIND [name IN split(coalesce(row.openStandards, ''), '|') WHERE name <> ''] AS name
    MERGE (s:Entity {uid: 'standard:' + toLower(name)})
    ON CREATE SET s:Standard, s.name = name
    MERGE (a)-[:IMPLEMENTS]->(s)
  }
} IN TRANSACTIONS OF 10000 ROWS
