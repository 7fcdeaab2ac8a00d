// Purpose: the imports still running: the staging ids carried by their open marker
//          transactions (see open_job_marker). An import whose process died has none.
// Parameters: none
// Returns: staging STRING
// Mode: read
SHOW TRANSACTIONS YIELD metaData
WHERE metaData.tme_import IS NOT NULL
RETURN metaData.tme_import AS staging
