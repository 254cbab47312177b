-- 1,000,000 domain_events rows shaped like the write path's (bench/feed/run.sh), :rows of them.
-- Two rows per transaction on average; xact_id values are real, committed transaction ids (the
-- script burns that many first), so every row lies below the feed's fence. 100,000 organizations,
-- ten changes each; provinces skewed like the register (a few large, many small); 1 % of changes
-- move an organization to another province. State: the representation the write path stores.
\timing on
INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id, xact_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'cooperative',
       a.id,
       CASE WHEN v = 1 THEN 'CooperativeRegistered' ELSE 'CooperativeDetailsChanged' END,
       jsonb_build_object('aggregateId', a.id, 'occurredAt', now(),
           'changes', jsonb_build_array(jsonb_build_object('field', 'memberCount', 'before', 30 + v, 'after', 31 + v))),
       now() - make_interval(secs => :rows - g),
       NULL,
       md5(g::text),
       (:first_xact + g / 2)::text::xid8,
       v,
       CASE WHEN v = 1 THEN 'created' ELSE 'updated' END,
       p.code,
       CASE WHEN v = 1 THEN NULL WHEN g % 100 = 0 THEN p2.code ELSE p.code END,
       jsonb_build_object(
           'id', a.id, 'registrationCode', (4900000000 + g % 100000)::text,
           'name', 'Hợp tác xã dịch vụ nông nghiệp tổng hợp số ' || (g % 100000),
           'kind', 'cooperative', 'sector', 'agricultureForestryFishery', 'status', 'active',
           'provinceCode', p.code, 'communeCode', '06427',
           'address', 'Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn', 'establishedOn', '2015-03-12',
           'charterCapital', 1500000000 + g, 'memberCount', 30 + v, 'employeeCount', 12,
           'representative', 'Hoàng Văn Thắng', 'phone', '0205 3825 123', 'email', 'htx@example.vn',
           'isYouthCooperative', false, 'mainProducts', jsonb_build_array('Na Chi Lăng', 'Dịch vụ vật tư nông nghiệp'),
           'createdAt', now(), 'updatedAt', now(), 'version', v)
FROM generate_series(1, :rows) AS g
CROSS JOIN LATERAL (SELECT (g - 1) / 10 + 1 AS n, (g - 1) % 10 + 1 AS v) AS k
CROSS JOIN LATERAL (SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(k.n), 12, '0'))::uuid AS id) AS a
-- Province: the square skews towards the first codes (organization n keeps its province).
CROSS JOIN LATERAL (SELECT code FROM provinces ORDER BY code
                    OFFSET floor(power(((k.n * 7919) % 1000) / 1000.0, 2) * (SELECT count(*) FROM provinces)) LIMIT 1) AS p
CROSS JOIN LATERAL (SELECT code FROM provinces WHERE code <> p.code ORDER BY code LIMIT 1) AS p2;
