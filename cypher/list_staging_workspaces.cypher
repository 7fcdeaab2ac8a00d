// Purpose: the staging ids that staged nodes carry: imports under way, or killed before they
//          committed. Staging ids start with $prefix, which no workspace id can.
// Parameters: $prefix STRING
// Returns: staging STRING
// Mode: read
CALL () {
  MATCH (t:StagedTask) WHERE t.ws STARTS WITH $prefix RETURN DISTINCT t.ws AS staging
  UNION
  MATCH (r:StagedRevision) WHERE r.ws STARTS WITH $prefix RETURN DISTINCT r.ws AS staging
  UNION
  MATCH (u:StagedTurn) WHERE u.ws STARTS WITH $prefix RETURN DISTINCT u.ws AS staging
  UNION
  MATCH (c:StagedChange) WHERE c.ws STARTS WITH $prefix RETURN DISTINCT c.ws AS staging
}
RETURN staging
ORDER BY staging
