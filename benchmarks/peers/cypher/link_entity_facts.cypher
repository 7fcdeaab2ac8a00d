// Purpose: write neo4j-agent-memory's relationships in bulk, as its add_relationship leaves a
//          new one: RELATED_TO with the relation's type and bookkeeping as properties.
// Parameters: $edges LIST<MAP{from STRING, to STRING, id STRING, type STRING}> (entity ids)
// Returns: linked INTEGER
// Mode: write
UNWIND $edges AS edge
MATCH (a:Entity {id: edge.from})
MATCH (b:Entity {id: edge.to})
CREATE (a)-[:RELATED_TO {type: edge.type, id: edge.id, relation_type: edge.type,
                         confidence: 1.0, support: 1, derived: false, source_message_ids: [],
                         evidence: [], created_at: datetime()}]->(b)
RETURN count(*) AS linked
