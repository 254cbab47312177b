-- The change feed's statements, as ChangesReadModel sends them (keep in sync with
-- src/Infrastructure/ReadSide/ChangesReadModel.cs). $1 xact_id, $2 id of the cursor, $3 limit + 1,
-- $4 entity type or province, $5 entity type (province variant; NULL: any).
PREPARE feed_all(xid8, bigint, int) AS
SELECT e.xact_id, e.id, e.aggregate_type, e.aggregate_id, e.operation, e.aggregate_version, e.occurred_at, e.state
FROM domain_events AS e
WHERE (e.xact_id, e.id) > ($1, $2) AND e.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
ORDER BY e.xact_id, e.id LIMIT $3;

PREPARE feed_type(xid8, bigint, int, varchar) AS
SELECT e.xact_id, e.id, e.aggregate_type, e.aggregate_id, e.operation, e.aggregate_version, e.occurred_at, e.state
FROM domain_events AS e
WHERE e.aggregate_type = $4 AND (e.xact_id, e.id) > ($1, $2) AND e.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
ORDER BY e.xact_id, e.id LIMIT $3;

PREPARE feed_province(xid8, bigint, int, varchar, text) AS
SELECT * FROM (
  (SELECT e.xact_id, e.id, e.aggregate_type, e.aggregate_id, e.operation, e.aggregate_version, e.occurred_at, e.state
   FROM domain_events AS e
   WHERE e.province_code = $4 AND (e.xact_id, e.id) > ($1, $2) AND e.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
     AND ($5::text IS NULL OR e.aggregate_type = $5)
   ORDER BY e.xact_id, e.id LIMIT $3)
  UNION ALL
  (SELECT e.xact_id, e.id, e.aggregate_type, e.aggregate_id, e.operation, e.aggregate_version, e.occurred_at, e.state
   FROM domain_events AS e
   WHERE e.previous_province_code = $4 AND e.previous_province_code IS DISTINCT FROM e.province_code
     AND (e.xact_id, e.id) > ($1, $2) AND e.xact_id < (SELECT pg_snapshot_xmin(pg_current_snapshot()))
     AND ($5::text IS NULL OR e.aggregate_type = $5)
   ORDER BY e.xact_id, e.id LIMIT $3)
) AS e ORDER BY e.xact_id, e.id LIMIT $3;
