// Purpose: write neo4j-agent-memory's starting facts in bulk, as its add_entity (no embedder,
//          no resolver) leaves a new OBJECT entity: labels, properties and lookup keys.
// Parameters: $rows LIST<MAP{id STRING, name STRING, description STRING, metadata STRING}>
// Returns: created INTEGER
// Mode: write
UNWIND $rows AS row
CREATE (e:Entity:Object {id: row.id, name: row.name, type: 'OBJECT',
                         canonical_name: row.name, description: row.description,
                         confidence: 1.0, created_at: datetime(), metadata: row.metadata,
                         aliases: [], name_key: toLower(row.name),
                         surface_keys: '|' + toLower(row.name) + '|' + toLower(row.name) + '|'})
RETURN count(e) AS created
