// title: Data quality: suppliers to compare
// description: Suppliers with their normalised names, limited to those supplying, hosting or contracting for the chosen organisations ($organisations = null means every supplier). The duplicate check (same normalised name, or a small edit distance) runs in TypeScript. Found from the organisations' applications and contracts (by index), not by testing every supplier.
CALL () {
  UNWIND coalesce($organisations, []) AS organisation
  WITH DISTINCT organisation
  CALL (organisation) {
    MATCH (s:Supplier)-[:SUPPLIES]->(:Application {organisation: organisation})
    RETURN s
    UNION
    MATCH (s:Supplier)<-[:WITH]-(:Contract {organisation: organisation})
    RETURN s
    UNION
    MATCH (s:Supplier)-[:PROVIDES]->(:Platform)<-[:RUNS_ON*1..10]-(:Application {organisation: organisation})
    RETURN s
  }
  RETURN s
  UNION
  UNWIND CASE WHEN $organisations IS NULL THEN [true] ELSE [] END AS everything
  MATCH (s:Supplier)
  RETURN s
}
RETURN s.uid AS uid, s.name AS name, coalesce(s.normalizedName, toLower(s.name)) AS normalizedName
ORDER BY normalizedName, uid
