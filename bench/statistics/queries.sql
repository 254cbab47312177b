-- The statements the statistics read side (src/Infrastructure/ReadSide/StatisticsReadModel.cs)
-- sends, as prepared statements, for bench/statistics/run.sh. One EXECUTE per API call measured;
-- an API call sends the statements of its batch in one round trip.
PREPARE overview_today(date) AS
    SELECT NULL::text, c.kind, c.status, c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint,
           coalesce(sum(c.member_count), 0)::bigint, coalesce(sum(c.employee_count), 0)::bigint,
           (count(*) FILTER (WHERE c.is_youth_cooperative))::int
    FROM cooperatives AS c WHERE c.established_on <= $1 GROUP BY 1, 2, 3, 4;
PREPARE ocop_all(date) AS
    SELECT NULL::text, p.stars, count(*)::int FROM ocop_products AS p
    WHERE p.certified_on <= $1 AND p.expires_on > $1 GROUP BY 1, 2;
PREPARE overview_asof_province(date, text) AS
    SELECT NULL::text, c.kind,
           coalesce((SELECT s.to_status FROM status_changes AS s WHERE s.cooperative_id = c.id AND s.effective_on <= $1
                     ORDER BY s.sequence DESC LIMIT 1), 'active'),
           c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint, coalesce(sum(c.member_count), 0)::bigint,
           coalesce(sum(c.employee_count), 0)::bigint, (count(*) FILTER (WHERE c.is_youth_cooperative))::int
    FROM cooperatives AS c WHERE c.established_on <= $1 AND c.province_code = $2 GROUP BY 1, 2, 3, 4;
PREPARE ocop_province(date, text) AS
    SELECT NULL::text, p.stars, count(*)::int FROM ocop_products AS p
    WHERE p.certified_on <= $1 AND p.expires_on > $1 AND p.province_code = $2 GROUP BY 1, 2;
PREPARE establishments_founded(date, date) AS
    SELECT extract(year FROM c.established_on)::int, c.kind, count(*)::int FROM cooperatives AS c
    WHERE c.established_on >= $1 AND c.established_on < $2 GROUP BY 1, 2;
PREPARE establishments_changes(date, date) AS
    SELECT extract(year FROM s.effective_on)::int, c.kind,
           (count(*) FILTER (WHERE s.to_status = 'suspended'))::int, (count(*) FILTER (WHERE s.to_status = 'dissolved'))::int
    FROM status_changes AS s JOIN cooperatives AS c ON c.id = s.cooperative_id
    WHERE s.to_status IN ('suspended', 'dissolved') AND s.effective_on >= $1 AND s.effective_on < $2 GROUP BY 1, 2;
PREPARE by_province(date) AS
    SELECT c.province_code, c.kind, c.status, c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint,
           coalesce(sum(c.member_count), 0)::bigint, coalesce(sum(c.employee_count), 0)::bigint,
           (count(*) FILTER (WHERE c.is_youth_cooperative))::int
    FROM cooperatives AS c WHERE c.established_on <= $1 GROUP BY 1, 2, 3, 4;
PREPARE ocop_by_province(date) AS
    SELECT p.province_code, p.stars, count(*)::int FROM ocop_products AS p
    WHERE p.certified_on <= $1 AND p.expires_on > $1 GROUP BY 1, 2;
PREPARE provinces_all AS SELECT code, name FROM provinces ORDER BY code;
