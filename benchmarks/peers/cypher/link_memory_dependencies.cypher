// Purpose: write mcp-neo4j-memory's DEPENDS_ON relations in bulk (as create_relations leaves
//          them: no properties), between nodes given by element id.
// Parameters: $edges LIST<MAP{from STRING, to STRING}> (element ids)
// Returns: linked INTEGER
// Mode: write
UNWIND $edges AS edge
MATCH (a:Memory) WHERE elementId(a) = edge.from
MATCH (b:Memory) WHERE elementId(b) = edge.to
CREATE (a)-[:DEPENDS_ON]->(b)
RETURN count(*) AS linked
