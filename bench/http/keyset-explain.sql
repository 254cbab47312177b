\set cols 'c.id, c.registration_code, c.name, c.kind, c.sector, c.status, c.province_code, c.commune_code, c.address, c.established_on, c.charter_capital, c.member_count, c.employee_count, c.representative, c.phone, c.email, c.is_youth_cooperative, c.main_products, c.created_at, c.updated_at, c.version'
SELECT name AS n, id AS i FROM cooperatives ORDER BY name, id OFFSET 99999 LIMIT 1 \gset
\echo '--- cursor, sort=name, 100,000 rows in'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM cooperatives AS c WHERE (c.name, c.id) > (:'n', :'i'::uuid) ORDER BY c.name, c.id LIMIT 21;
\echo '--- offset, sort=name, 100,000 rows in'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM cooperatives AS c ORDER BY c.name, c.id LIMIT 21 OFFSET 100000;
\echo '--- total of the whole register: estimate (threshold 50,000)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT CASE WHEN e.n >= 50000 THEN e.n ELSE (SELECT count(*) FROM cooperatives) END::int, e.n >= 50000 FROM (SELECT greatest(reltuples, 0)::bigint AS n FROM pg_class WHERE oid = 'cooperatives'::regclass) AS e;
\echo '--- exact count of the whole register (what it replaced)'
EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*)::int FROM cooperatives AS c;
SELECT charter_capital AS cc, id AS ci FROM cooperatives WHERE province_code = '79' AND status = 'active' ORDER BY charter_capital DESC, id DESC OFFSET 999 LIMIT 1 \gset
\echo '--- cursor, province 79 active, sort=-charterCapital, 1,000 rows in'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM cooperatives AS c WHERE c.status = ANY ('{active}') AND c.province_code = '79' AND (c.charter_capital, c.id) < (:cc, :'ci'::uuid) ORDER BY c.charter_capital DESC, c.id DESC LIMIT 21;
\echo '--- page 1, province 79 active, q=nong nghiep, sort=-charterCapital'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :cols FROM cooperatives AS c WHERE c.status = ANY ('{active}') AND c.province_code = '79' AND c.search_text LIKE '%' || coop_search_fold('nong') || '%' ESCAPE '\' AND c.search_text LIKE '%' || coop_search_fold('nghiep') || '%' ESCAPE '\' ORDER BY c.charter_capital DESC, c.id DESC LIMIT 21;
