// Purpose: claim a task for $seconds: granted when unclaimed, expired, or already $agent's. The
//          workspace's write lock is taken first, so claims serialize with each other and with
//          writes: exactly one of several racing claimants wins.
// Parameters: $ws STRING, $key STRING, $agent STRING, $seconds INTEGER
// Returns: granted BOOLEAN, claimed_by STRING?, claimed_until DATETIME?
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w._lock = true
REMOVE w._lock
WITH w
MATCH (t:Task {ws: $ws, key: $key})
WITH t, t.claimed_by IS NULL OR t.claimed_by = $agent OR t.claimed_until <= datetime() AS free
SET t.claimed_by = CASE WHEN free THEN $agent ELSE t.claimed_by END,
    t.claimed_until = CASE WHEN free THEN datetime() + duration({seconds: $seconds})
                           ELSE t.claimed_until END
RETURN free AS granted, t.claimed_by AS claimed_by, t.claimed_until AS claimed_until
