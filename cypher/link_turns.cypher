// Purpose: chain an import's staged turns with NEXT, each to the one numbered after it,
//          as record_turn does one turn at a time.
// Parameters: $ws STRING
// Returns: linked INTEGER
// Mode: write
MATCH (a:StagedTurn {ws: $ws}) WHERE a.n IS NOT NULL
MATCH (b:StagedTurn {ws: $ws, n: a.n + 1})
CREATE (a)-[:NEXT]->(b)
RETURN count(*) AS linked
