// Purpose: chain an imported workspace's turns with NEXT, each to the one numbered after it,
//          as record_turn does one turn at a time.
// Parameters: $ws STRING
// Returns: linked INTEGER
// Mode: write
MATCH (a:Turn {ws: $ws})
MATCH (b:Turn {ws: $ws, n: a.n + 1})
CREATE (a)-[:NEXT]->(b)
RETURN count(*) AS linked
