-- The statements the statistics read side (src/Infrastructure/ReadSide/StatisticsReadModel.cs) and the
-- classification distribution (ClassificationReadModel.cs)
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
PREPARE overview_asof(date) AS
    SELECT NULL::text, c.kind,
           coalesce((SELECT s.to_status FROM status_changes AS s WHERE s.cooperative_id = c.id AND s.effective_on <= $1
                     ORDER BY s.sequence DESC LIMIT 1), 'active'),
           c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint, coalesce(sum(c.member_count), 0)::bigint,
           coalesce(sum(c.employee_count), 0)::bigint, (count(*) FILTER (WHERE c.is_youth_cooperative))::int
    FROM cooperatives AS c WHERE c.established_on <= $1 GROUP BY 1, 2, 3, 4;
PREPARE overview_province(date, text) AS
    SELECT NULL::text, c.kind, c.status, c.sector, count(*)::int, coalesce(sum(c.charter_capital), 0)::bigint,
           coalesce(sum(c.member_count), 0)::bigint, coalesce(sum(c.employee_count), 0)::bigint,
           (count(*) FILTER (WHERE c.is_youth_cooperative))::int
    FROM cooperatives AS c WHERE c.established_on <= $1 AND c.province_code = $2 GROUP BY 1, 2, 3, 4;
PREPARE provinces_none AS SELECT NULL::text, NULL::text WHERE false;
-- The classification distribution (src/Infrastructure/ReadSide/ClassificationReadModel.cs, DistributionSql),
-- without grouping: national, and for one province.
PREPARE dist_national(int, int) AS
WITH years AS (SELECT generate_series($1::int, $2::int) AS year),
rated AS (
    SELECT k.year, NULL::text AS grp,
           count(*) FILTER (WHERE k.rating = 'good')::int AS good,
           count(*) FILTER (WHERE k.rating = 'fair')::int AS fair,
           count(*) FILTER (WHERE k.rating = 'average')::int AS average,
           count(*) FILTER (WHERE k.rating = 'weak')::int AS weak,
           count(*) FILTER (WHERE k.rating = 'notRated')::int AS not_rated
    FROM classifications AS k
    WHERE k.year BETWEEN $1 AND $2
    GROUP BY 1, 2),
active AS (
    SELECT y.year, NULL::text AS grp, count(*)::int AS n
    FROM years AS y
    JOIN cooperatives AS c ON c.established_on <= make_date(y.year, 12, 31)
    WHERE c.status = 'active'
    GROUP BY 1, 2),
assessed AS (
    SELECT k.year, NULL::text AS grp, count(*)::int AS n
    FROM cooperatives AS c
    JOIN classifications AS k ON k.cooperative_id = c.id AND k.year BETWEEN $1 AND $2
    WHERE c.status = 'active' AND c.established_on <= make_date(k.year, 12, 31)
    GROUP BY 1, 2),
pending AS (
    SELECT a.year, a.grp, a.n - coalesce(s.n, 0) AS n
    FROM active AS a
    LEFT JOIN assessed AS s ON s.year = a.year AND s.grp IS NOT DISTINCT FROM a.grp
    WHERE a.n > coalesce(s.n, 0)),
keys AS (SELECT year, grp FROM rated UNION SELECT year, grp FROM pending)
SELECT y.year, g.grp, coalesce(r.good, 0), coalesce(r.fair, 0), coalesce(r.average, 0), coalesce(r.weak, 0),
       coalesce(r.not_rated, 0), coalesce(p.n, 0)
FROM years AS y
LEFT JOIN keys AS g ON g.year = y.year
LEFT JOIN rated AS r ON r.year = g.year AND r.grp IS NOT DISTINCT FROM g.grp
LEFT JOIN pending AS p ON p.year = g.year AND p.grp IS NOT DISTINCT FROM g.grp
ORDER BY y.year, g.grp;
PREPARE dist_province(int, int, text) AS
WITH years AS (SELECT generate_series($1::int, $2::int) AS year),
rated AS (
    SELECT k.year, NULL::text AS grp,
           count(*) FILTER (WHERE k.rating = 'good')::int AS good,
           count(*) FILTER (WHERE k.rating = 'fair')::int AS fair,
           count(*) FILTER (WHERE k.rating = 'average')::int AS average,
           count(*) FILTER (WHERE k.rating = 'weak')::int AS weak,
           count(*) FILTER (WHERE k.rating = 'notRated')::int AS not_rated
    FROM classifications AS k
    WHERE k.year BETWEEN $1 AND $2 AND k.province_code = $3
    GROUP BY 1, 2),
active AS (
    SELECT y.year, NULL::text AS grp, count(*)::int AS n
    FROM years AS y
    JOIN cooperatives AS c ON c.established_on <= make_date(y.year, 12, 31)
    WHERE c.status = 'active' AND c.province_code = $3
    GROUP BY 1, 2),
assessed AS (
    SELECT k.year, NULL::text AS grp, count(*)::int AS n
    FROM cooperatives AS c
    JOIN classifications AS k ON k.cooperative_id = c.id AND k.year BETWEEN $1 AND $2
    WHERE c.status = 'active' AND c.province_code = $3 AND c.established_on <= make_date(k.year, 12, 31)
    GROUP BY 1, 2),
pending AS (
    SELECT a.year, a.grp, a.n - coalesce(s.n, 0) AS n
    FROM active AS a
    LEFT JOIN assessed AS s ON s.year = a.year AND s.grp IS NOT DISTINCT FROM a.grp
    WHERE a.n > coalesce(s.n, 0)),
keys AS (SELECT year, grp FROM rated UNION SELECT year, grp FROM pending)
SELECT y.year, g.grp, coalesce(r.good, 0), coalesce(r.fair, 0), coalesce(r.average, 0), coalesce(r.weak, 0),
       coalesce(r.not_rated, 0), coalesce(p.n, 0)
FROM years AS y
LEFT JOIN keys AS g ON g.year = y.year
LEFT JOIN rated AS r ON r.year = g.year AND r.grp IS NOT DISTINCT FROM g.grp
LEFT JOIN pending AS p ON p.year = g.year AND p.grp IS NOT DISTINCT FROM g.grp
ORDER BY y.year, g.grp;
