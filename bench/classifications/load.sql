-- Ten years of classifications (2016–2025) for the synthetic register of bench/list-queries/load.sql,
-- for measuring GET /api/v1/statistics/classifications against its bare SQL aggregate.
--
--   psql -f load.sql      (after bench/list-queries/load.sql, on a database migrated by the API)
--
-- One classification per organization and year from the year after its founding; cooperatives and
-- unions are rated (a hash of the row and the year picks the band: about 12 % good, 33 % fair,
-- 43 % average, 12 % weak), cooperative groups and people's credit funds are not rated. Only the
-- columns the distribution and the list read are realistic; scores are an empty array.
\set ON_ERROR_STOP on
\timing on
INSERT INTO classifications (
    id, cooperative_id, year, province_code, commune_code, organization_kind, sector, revision, scheme_code, rating,
    not_rated_reason, total_points, scores, assessed_on, approved_by, notes, created_at, updated_at, version)
SELECT gen_random_uuid(), c.id, y, c.province_code, c.commune_code, c.kind, c.sector, 1, 'circular-01-2020',
       r.rating, CASE WHEN r.rating = 'notRated' THEN 'kindExcluded' END,
       CASE WHEN r.rating = 'notRated' THEN NULL ELSE r.total END, '[]'::jsonb, make_date(y, 12, 10), 'bench', NULL, now(), now(), 1
FROM cooperatives AS c
CROSS JOIN generate_series(2016, 2025) AS y
CROSS JOIN LATERAL (
    SELECT CASE
               WHEN c.kind = 'cooperativeGroup' OR c.sector = 'credit' THEN 'notRated'
               WHEN h < 12 THEN 'good' WHEN h < 45 THEN 'fair' WHEN h < 88 THEN 'average' ELSE 'weak'
           END AS rating,
           (30 + h * 0.65)::numeric(7, 2) AS total
    FROM (SELECT abs(hashtext(c.id::text || y::text)) % 100 AS h) AS x
) AS r
WHERE c.established_on < make_date(y, 1, 1);
VACUUM ANALYZE classifications;
SELECT year, count(*) FROM classifications GROUP BY year ORDER BY year;
