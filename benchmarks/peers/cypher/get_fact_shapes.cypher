// Purpose: the labels and property keys of some facts a peer holds, and of their outgoing
//          relationships: checks that facts written in bulk look like those its own calls write.
// Parameters: $label STRING ('Memory' or 'Entity'), $names LIST<STRING>
// Returns: name STRING, labels LIST<STRING>, keys LIST<STRING>,
//          relationships LIST<STRING> ("TYPE.key" for every key, "TYPE." for none)
// Mode: read
UNWIND $names AS name
MATCH (n)
WHERE $label IN labels(n) AND n.name = name
RETURN name, labels(n) AS labels, keys(n) AS keys,
       COLLECT {
         MATCH (n)-[r]->()
         UNWIND CASE size(keys(r)) WHEN 0 THEN [''] ELSE keys(r) END AS key
         RETURN DISTINCT type(r) + '.' + key
       } AS relationships
