// Purpose: store the reply given to a turn.
// Parameters: $ws STRING, $turn INTEGER, $reply STRING
// Returns: n INTEGER
// Mode: write
MATCH (u:Turn {ws: $ws, n: $turn})
SET u.reply = $reply
RETURN u.n AS n
