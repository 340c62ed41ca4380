// title: LOAD CSV interfaces
// description: (:Interface)-[:FROM|TO|VIA]->(:Application) and the derived DEPENDS_ON (to → from; both ends → via) from interfaces.csv.
LOAD CSV WITH HEADERS FROM $url AS row
CALL (row) {
  MATCH (f:Entity {uid: 'app:' + row.organisation + '/' + row.from})
  MATCH (t:Entity {uid: 'app:' + row.organisation + '/' + row.to})
  MERGE (i:Entity {uid: 'interface:' + row.organisation + '/' + row.id})
  SET i:Interface, i.id = row.id, i.organisation = row.organisation, i.standard = CASE WHEN row.standard <> '' THEN row.standard END
  MERGE (i)-[:FROM]->(f)
  MERGE (i)-[:TO]->(t)
  MERGE (t)-[:DEPENDS_ON {interface: i.uid, kind: 'flow'}]->(f)
  WITH i, f, t, row
  CALL (i, f, t, row) {
    MATCH (v:Entity {uid: 'app:' + row.organisation + '/' + row.via})
    MERGE (i)-[:VIA]->(v)
    MERGE (f)-[:DEPENDS_ON {interface: i.uid, kind: 'via'}]->(v)
    MERGE (t)-[:DEPENDS_ON {interface: i.uid, kind: 'via'}]->(v)
  }
  CALL (i, row) {
    WITH i, row
    WHERE row.standard <> ''
    MERGE (s:Entity {uid: 'standard:' + toLower(row.standard)})
    ON CREATE SET s:Standard, s.name = row.standard
    MERGE (i)-[:USES_STANDARD]->(s)
  }
} IN TRANSACTIONS OF 10000 ROWS
