// Purpose: the staging ids that nodes carry: imports under way, or killed before they
//          committed. Staging ids start with $prefix, which no workspace id can.
// Parameters: $prefix STRING
// Returns: staging STRING
// Mode: read
CALL () {
  MATCH (t:Task) WHERE t.ws STARTS WITH $prefix RETURN DISTINCT t.ws AS staging
  UNION
  MATCH (r:Revision) WHERE r.ws STARTS WITH $prefix RETURN DISTINCT r.ws AS staging
  UNION
  MATCH (u:Turn) WHERE u.ws STARTS WITH $prefix RETURN DISTINCT u.ws AS staging
  UNION
  MATCH (c:Change) WHERE c.ws STARTS WITH $prefix RETURN DISTINCT c.ws AS staging
}
RETURN staging
ORDER BY staging
