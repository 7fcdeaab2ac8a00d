// Purpose: write mcp-neo4j-memory's starting facts in bulk, as its create_entities leaves them:
//          a :Memory node also labelled with its type ("fact"), with name, type, observations.
// Parameters: $rows LIST<MAP{name STRING, observations LIST<STRING>}>
// Returns: name STRING, node STRING (the node's element id)
// Mode: write
UNWIND $rows AS row
CREATE (m:Memory:fact {name: row.name, type: 'fact', observations: row.observations})
RETURN m.name AS name, elementId(m) AS node
