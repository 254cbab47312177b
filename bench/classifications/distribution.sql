PREPARE dist(int, int, text) AS
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
pending AS (
    SELECT y.year, NULL::text AS grp, count(*)::int AS n
    FROM years AS y
    JOIN cooperatives AS c ON c.established_on <= make_date(y.year, 12, 31)
    WHERE c.status = 'active' AND c.province_code = $3
      AND NOT EXISTS (SELECT 1 FROM classifications AS k WHERE k.cooperative_id = c.id AND k.year = y.year)
    GROUP BY 1, 2),
keys AS (SELECT year, grp FROM rated UNION SELECT year, grp FROM pending)
SELECT y.year, g.grp, coalesce(r.good, 0), coalesce(r.fair, 0), coalesce(r.average, 0), coalesce(r.weak, 0),
       coalesce(r.not_rated, 0), coalesce(p.n, 0)
FROM years AS y
LEFT JOIN keys AS g ON g.year = y.year
LEFT JOIN rated AS r ON r.year = g.year AND r.grp IS NOT DISTINCT FROM g.grp
LEFT JOIN pending AS p ON p.year = g.year AND p.grp IS NOT DISTINCT FROM g.grp
ORDER BY y.year, g.grp;
