// Purpose: range index to find an import's staged turns by number (link_turns chains them)
//          and all of them (the move, the cleanup).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX staged_turn_ws_n IF NOT EXISTS FOR (u:StagedTurn) ON (u.ws, u.n)
