// title: Is the source known
// description: True when an import run of $source exists or any node still carries a stamp of it.
RETURN EXISTS { MATCH (r:ImportRun {source: $source}) }
    OR EXISTS { MATCH (n:Entity) WHERE any(stamp IN n.runs WHERE stamp STARTS WITH $sourcePrefix) } AS known
