// title: Data quality: suppliers to compare
// description: Suppliers with their normalised names, limited to those supplying, hosting or contracting for the chosen organisations ($organisations = null means every supplier). The duplicate check (same normalised name, or a small edit distance) runs in TypeScript.
MATCH (s:Supplier)
WHERE $organisations IS NULL
   OR EXISTS { (s)-[:SUPPLIES]->(a:Application) WHERE a.organisation IN $organisations }
   OR EXISTS { (s)<-[:WITH]-(c:Contract) WHERE c.organisation IN $organisations }
   OR EXISTS { (s)-[:PROVIDES]->(:Platform)<-[:RUNS_ON*1..10]-(a:Application) WHERE a.organisation IN $organisations }
RETURN s.uid AS uid, s.name AS name, coalesce(s.normalizedName, toLower(s.name)) AS normalizedName
ORDER BY normalizedName, uid
