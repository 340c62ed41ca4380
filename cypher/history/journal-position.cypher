// The landscape journal's number now, and the node counts a snapshot patch checks against what the
// runs since say they created and removed. Counts of one label each: from Neo4j's count store.
OPTIONAL MATCH (j:Journal {id: 'landscape'})
CALL () { MATCH (n:Application) RETURN count(n) AS applications }
CALL () { MATCH (n:Interface) RETURN count(n) AS interfaces }
CALL () { MATCH (n:Contract) RETURN count(n) AS contracts }
CALL () { MATCH (n:Supplier) RETURN count(n) AS suppliers }
CALL () { MATCH (n:Platform) RETURN count(n) AS platforms }
RETURN coalesce(j.seq, 0) AS seq, applications, interfaces, contracts, suppliers, platforms
