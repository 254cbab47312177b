-- Synthetic register at national scale, for bench/list-queries/run.sh.
--
--   psql -v rows=200000 -f load.sql
--
-- Deterministic: every "random" choice is a hash of the row number (hashint8), so two runs
-- load the same names, codes, provinces and statuses (only the uuids differ).
-- Expects the schema of the API's migrations and its reference data (provinces, communes).
-- search_text is filled by a trigger (name, code, commune name), and the trigram index with it.
-- status_since and last_sequence summarise the history inserted below (the database checks them).
--
-- Names: "<kind prefix> <activity> <place>", Vietnamese with diacritics. 0.5% of the rows are
-- placed in "Cai Kinh" and 0.5% in "Đồng Tâm"; no other word folds to a string containing
-- "cai", "dong" or "tam", so those searches find exactly these rows (the script checks it).
-- "kinh" also occurs in "kinh doanh", on purpose: one common and one rare search word.
\set ON_ERROR_STOP on

\timing on
INSERT INTO cooperatives (
    id, registration_code, name, kind, sector, status, province_code, commune_code, address,
    established_on, charter_capital, member_count, employee_count, representative, phone, email,
    is_youth_cooperative, main_products, created_at, updated_at, status_since, last_sequence)
WITH cm AS (
    SELECT c.code, c.province_code, c.name AS commune_name, p.name AS province_name,
           (row_number() OVER (ORDER BY c.code) - 1)::int AS rn,
           count(*) OVER ()::int AS n
    FROM communes c
    JOIN provinces p ON p.code = c.province_code
),
-- Word lists. activity[k] goes with sector[k].
w AS (
    SELECT
        ARRAY['nông nghiệp', 'dịch vụ nông nghiệp', 'sản xuất, kinh doanh dịch vụ tổng hợp',
              'chè', 'vải thiều', 'thủy sản', 'chăn nuôi', 'rau an toàn', 'dược liệu',
              'cây ăn quả', 'lúa gạo', 'cà phê', 'hồ tiêu', 'muối', 'mây tre đan', 'gốm sứ',
              'thủ công mỹ nghệ', 'xây dựng', 'thương mại dịch vụ', 'du lịch sinh thái',
              'vận tải', 'môi trường', 'nước sạch', 'quỹ tín dụng nhân dân',
              'sản xuất, kinh doanh dịch vụ nông lâm nghiệp'] AS activity,
        ARRAY['agricultureForestryFishery', 'agricultureForestryFishery', 'other',
              'agricultureForestryFishery', 'agricultureForestryFishery', 'agricultureForestryFishery',
              'agricultureForestryFishery', 'agricultureForestryFishery', 'agricultureForestryFishery',
              'agricultureForestryFishery', 'agricultureForestryFishery', 'agricultureForestryFishery',
              'agricultureForestryFishery', 'agricultureForestryFishery', 'industryHandicraft',
              'industryHandicraft', 'industryHandicraft', 'construction', 'tradeServices',
              'tradeServices', 'transport', 'environment', 'environment', 'credit',
              'agricultureForestryFishery'] AS sector,
        ARRAY['Tân', 'Hòa', 'Phú', 'An', 'Bình', 'Thành', 'Hưng', 'Phúc', 'Thịnh', 'Xuân',
              'Minh', 'Quang', 'Thắng', 'Lợi', 'Nghĩa', 'Trung', 'Đức', 'Lạc', 'Sơn', 'Hà',
              'Long', 'Thuận', 'Tiến', 'Hồng', 'Kim', 'Ngọc', 'Vĩnh', 'Yên', 'Hiệp', 'Mỹ',
              'Lộc', 'Phong', 'Cường', 'Thái', 'Hải', 'Việt', 'Nam', 'Bắc', 'Quý', 'Hợp'] AS place,
        ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô',
              'Dương', 'Lý'] AS family,
        ARRAY['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Quốc'] AS middle,
        ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hạnh', 'Hùng', 'Lan', 'Mai', 'Nam',
              'Phương', 'Quân', 'Thắng', 'Thu', 'Tuấn', 'Hương', 'Sơn', 'Huệ'] AS given,
        ARRAY['Thôn', 'Xóm', 'Ấp', 'Bản', 'Tổ dân phố'] AS hamlet
),
g AS (
    -- h(k): a non-negative pseudo-random integer per row and purpose k.
    SELECT i,
           (hashint8(i * 16 + 1)::bigint & 2147483647) AS h1,
           (hashint8(i * 16 + 2)::bigint & 2147483647) AS h2,
           (hashint8(i * 16 + 3)::bigint & 2147483647) AS h3,
           (hashint8(i * 16 + 4)::bigint & 2147483647) AS h4,
           (hashint8(i * 16 + 5)::bigint & 2147483647) AS h5,
           (hashint8(i * 16 + 6)::bigint & 2147483647) AS h6,
           (hashint8(i * 16 + 7)::bigint & 2147483647) AS h7,
           (hashint8(i * 16 + 8)::bigint & 2147483647) AS h8,
           (hashint8(i * 16 + 9)::bigint & 2147483647) AS h9
    FROM generate_series(1, :rows) AS i
),
r AS (
    SELECT g.*, cm.*,
           CASE WHEN g.h2 % 100 < 85 THEN 'cooperative'
                WHEN g.h2 % 100 < 97 THEN 'cooperativeGroup'
                ELSE 'cooperativeUnion' END AS kind,
           1 + (g.h3 % cardinality(w.activity))::int AS a,
           CASE WHEN g.h4 % 200 = 0 THEN 'Cai Kinh'
                WHEN g.h4 % 200 = 1 THEN 'Đồng Tâm'
                ELSE w.place[1 + (g.h4 / 200) % cardinality(w.place)] || ' '
                     || w.place[1 + (g.h4 / 9000) % cardinality(w.place)] END AS place_name,
           CASE WHEN g.h6 % 100 < 80 THEN 'active'
                WHEN g.h6 % 100 < 88 THEN 'suspended'
                WHEN g.h6 % 100 < 93 THEN 'awaitingDissolution'
                ELSE 'dissolved' END AS status,
           w.activity, w.sector AS sectors, w.family, w.middle, w.given, w.hamlet, w.place
    FROM g
    CROSS JOIN w
    JOIN cm ON cm.rn = (g.h1 % cm.n)
)
SELECT
    gen_random_uuid(),
    -- Groups may have no tax code; the others: province code + 7 digits unique per row
    -- (i * 7919 mod 10^7 is one-to-one for i < 10^7) + a check digit.
    CASE WHEN r.kind = 'cooperativeGroup' AND r.h5 % 3 = 0 THEN NULL
         ELSE r.province_code || lpad(((r.i * 7919) % 10000000)::text, 7, '0') || (r.h5 % 10)::text END,
    CASE r.kind WHEN 'cooperative' THEN 'Hợp tác xã '
                WHEN 'cooperativeGroup' THEN 'Tổ hợp tác '
                ELSE 'Liên hiệp hợp tác xã ' END || r.activity[r.a] || ' ' || r.place_name,
    r.kind,
    r.sectors[r.a],
    r.status,
    r.province_code,
    r.code,
    r.hamlet[1 + r.h7 % cardinality(r.hamlet)] || ' ' || r.place[1 + (r.h7 / 7) % cardinality(r.place)]
        || ', ' || r.commune_name || ', ' || r.province_name,
    date '1997-01-01' + (r.h7 % 10400)::int,
    (r.h8 % 50000) * 1000000,
    CASE r.kind WHEN 'cooperative' THEN 5 + (r.h9 % 300)::int
                WHEN 'cooperativeGroup' THEN 2 + (r.h9 % 25)::int
                ELSE 3 + (r.h9 % 30)::int END,
    CASE WHEN r.h9 % 7 = 0 THEN NULL ELSE ((r.h9 / 7) % 60)::int END,
    r.family[1 + r.h5 % cardinality(r.family)] || ' ' || r.middle[1 + (r.h5 / 13) % cardinality(r.middle)]
        || ' ' || r.given[1 + (r.h5 / 101) % cardinality(r.given)],
    '0' || (200 + r.h8 % 100)::text || ' ' || lpad((r.h8 % 10000)::text, 4, '0') || ' '
        || lpad(((r.h8 / 10000) % 1000)::text, 3, '0'),
    CASE WHEN r.h6 % 2 = 0 THEN 'htx' || r.i::text || '@example.vn' END,
    r.h3 % 20 = 0,
    ARRAY[initcap(r.activity[r.a])],
    timestamptz '2025-07-01 00:00:00+07' + r.i * interval '37 seconds',
    timestamptz '2025-07-01 00:00:00+07' + r.i * interval '37 seconds',
    date '1997-01-01' + (r.h7 % 10400)::int
        + 120 * CASE r.status WHEN 'active' THEN 0 WHEN 'dissolved' THEN 2 ELSE 1 END,
    CASE r.status WHEN 'active' THEN 0 WHEN 'dissolved' THEN 2 ELSE 1 END
FROM r;

-- History: the registration (sequence 0), then the steps to the current status, each allowed by
-- the domain's transitions (active → suspended; active → awaiting dissolution → dissolved).
INSERT INTO status_changes (id, cooperative_id, sequence, from_status, to_status, effective_on, reason, recorded_at)
SELECT gen_random_uuid(), c.id, s.seq, s.from_status, s.to_status,
       c.established_on + s.seq * 120, s.reason, c.created_at
FROM cooperatives c
CROSS JOIN LATERAL (
    VALUES (0, NULL, 'active', 'Đăng ký thành lập'),
           (1, 'active', CASE c.status WHEN 'dissolved' THEN 'awaitingDissolution' ELSE c.status END,
            'Quyết định của cơ quan đăng ký'),
           (2, 'awaitingDissolution', 'dissolved', 'Hoàn tất thủ tục giải thể')
) AS s(seq, from_status, to_status, reason)
WHERE s.seq = 0
   OR (s.seq = 1 AND c.status <> 'active')
   OR (s.seq = 2 AND c.status = 'dissolved');
\timing off
