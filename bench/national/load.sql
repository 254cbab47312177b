-- The national data set of issue 16, for bench/run.sh (through bench/national/load.sh).
--
--   psql -v rows=200000 -f load.sql      (on a database migrated by the API: `CoopApi.WebApi.dll migrate`)
--
-- Fills, inside PostgreSQL (set-based INSERT … SELECT FROM generate_series, no client round trips):
--   cooperatives            :rows organizations over the 34 provinces and their 3,321 communes
--                           (a commune drawn per row, so a province's share follows its communes);
--                           kinds 69 % cooperatives, 30 % cooperative groups, 1 % unions; statuses
--                           93 % active, 3 % suspended, 2 % awaiting dissolution, 2 % dissolved;
--   status_changes          the registration (sequence 0) and the steps to the current status;
--   annual_reports          2016–2025, one a year after the founding year, for cooperatives and
--                           unions (groups file none), 90 % of them filed, none after a suspension
--                           or dissolution;
--   classifications (+ their first revision in classification_revisions)
--                           2016–2025 for cooperatives and unions; credit funds "not rated, kind
--                           excluded"; a cooperative suspended that year "not rated, suspended";
--                           the others 12 % good, 33 % fair, 43 % average, 12 % weak, points in
--                           the band of Circular 01/2020's thresholds (80 / 65 / 50); scores empty;
--   ocop_products           certified products of about one agricultural cooperative in ten;
--   steering_committees     1 national, 34 provincial, 165 commune committees, 5 members and a
--                           standing agency each; 2,000 steering_activities (directives with their
--                           document; field visits naming two organizations of the province);
--   partnership_agreements  500, 3 commitments each, annual (and final) reviews up to 2025;
--   domain_events           what the write path would have recorded: every registration and
--                           status change of every organization, the 2025 classifications and
--                           annual reports (the year the event store went live), every OCOP
--                           product, committee, activity and agreement; `state` in the shape of
--                           the resource representations, so the change feed and the audit trail
--                           can serve them.
-- Deterministic: every choice is a hash of a row number (hashint8) and every id an md5 of a label
-- and a number, so two loads are identical except timestamps of the load itself (none are used).
-- Every row satisfies the schema's checks, foreign keys and unique indexes (the database checks).
\set ON_ERROR_STOP on
\timing on

-- ---------------------------------------------------------------------------------------------
-- Organizations (adapted from bench/list-queries/load.sql: same names and search markers)
-- ---------------------------------------------------------------------------------------------
INSERT INTO cooperatives (
    id, registration_code, name, kind, sector, status, province_code, commune_code, address,
    established_on, charter_capital, member_count, employee_count, representative, phone, email,
    is_youth_cooperative, main_products, created_at, updated_at, status_since, last_sequence, version)
WITH cm AS (
    SELECT c.code, c.province_code, c.name AS commune_name, p.name AS province_name,
           (row_number() OVER (ORDER BY c.code) - 1)::int AS rn,
           count(*) OVER ()::int AS n
    FROM communes c
    JOIN provinces p ON p.code = c.province_code
),
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
           CASE WHEN g.h2 % 100 < 69 THEN 'cooperative'
                WHEN g.h2 % 100 < 99 THEN 'cooperativeGroup'
                ELSE 'cooperativeUnion' END AS kind,
           1 + (g.h3 % cardinality(w.activity))::int AS a,
           CASE WHEN g.h4 % 200 = 0 THEN 'Cai Kinh'
                WHEN g.h4 % 200 = 1 THEN 'Đồng Tâm'
                ELSE w.place[1 + (g.h4 / 200) % cardinality(w.place)] || ' '
                     || w.place[1 + (g.h4 / 9000) % cardinality(w.place)] END AS place_name,
           CASE WHEN g.h6 % 100 < 93 THEN 'active'
                WHEN g.h6 % 100 < 96 THEN 'suspended'
                WHEN g.h6 % 100 < 98 THEN 'awaitingDissolution'
                ELSE 'dissolved' END AS status,
           w.activity, w.sector AS sectors, w.family, w.middle, w.given, w.hamlet, w.place
    FROM g
    CROSS JOIN w
    JOIN cm ON cm.rn = (g.h1 % cm.n)
),
s AS (
    SELECT r.*, CASE r.status WHEN 'active' THEN 0 WHEN 'dissolved' THEN 2 ELSE 1 END AS last_seq
    FROM r
)
SELECT
    md5('cooperative:' || s.i)::uuid,
    CASE WHEN s.kind = 'cooperativeGroup' AND s.h5 % 3 = 0 THEN NULL
         ELSE s.province_code || lpad(((s.i * 7919) % 10000000)::text, 7, '0') || (s.h5 % 10)::text END,
    CASE s.kind WHEN 'cooperative' THEN 'Hợp tác xã '
                WHEN 'cooperativeGroup' THEN 'Tổ hợp tác '
                ELSE 'Liên hiệp hợp tác xã ' END || s.activity[s.a] || ' ' || s.place_name,
    s.kind,
    s.sectors[s.a],
    s.status,
    s.province_code,
    s.code,
    s.hamlet[1 + s.h7 % cardinality(s.hamlet)] || ' ' || s.place[1 + (s.h7 / 7) % cardinality(s.place)]
        || ', ' || s.commune_name || ', ' || s.province_name,
    date '1997-01-01' + (s.h7 % 10400)::int,
    (s.h8 % 50000) * 1000000,
    CASE s.kind WHEN 'cooperative' THEN 5 + (s.h9 % 300)::int
                WHEN 'cooperativeGroup' THEN 2 + (s.h9 % 25)::int
                ELSE 3 + (s.h9 % 30)::int END,
    CASE WHEN s.h9 % 7 = 0 THEN NULL ELSE ((s.h9 / 7) % 60)::int END,
    s.family[1 + s.h5 % cardinality(s.family)] || ' ' || s.middle[1 + (s.h5 / 13) % cardinality(s.middle)]
        || ' ' || s.given[1 + (s.h5 / 101) % cardinality(s.given)],
    '0' || (200 + s.h8 % 100)::text || ' ' || lpad((s.h8 % 10000)::text, 4, '0') || ' '
        || lpad(((s.h8 / 10000) % 1000)::text, 3, '0'),
    CASE WHEN s.h6 % 2 = 0 THEN 'htx' || s.i::text || '@example.vn' END,
    s.h3 % 20 = 0,
    ARRAY[initcap(s.activity[s.a])],
    timestamptz '2025-07-01 00:00:00+07' + s.i * interval '37 seconds',
    timestamptz '2025-07-01 00:00:00+07' + s.i * interval '37 seconds' + s.last_seq * interval '1 day',
    date '1997-01-01' + (s.h7 % 10400)::int + 120 * s.last_seq,
    s.last_seq,
    1 + s.last_seq
FROM s;

-- History: the registration (sequence 0), then the steps to the current status, each allowed by
-- the domain's transitions (active → suspended; active → awaiting dissolution → dissolved).
INSERT INTO status_changes (id, cooperative_id, sequence, from_status, to_status, effective_on, reason, recorded_at)
SELECT md5('status:' || c.id || ':' || s.seq)::uuid, c.id, s.seq, s.from_status, s.to_status,
       c.established_on + s.seq * 120, s.reason, c.created_at + s.seq * interval '1 day'
FROM cooperatives c
CROSS JOIN LATERAL (
    VALUES (0, NULL, 'active', 'Đăng ký thành lập'),
           (1, 'active', CASE c.status WHEN 'dissolved' THEN 'awaitingDissolution' ELSE c.status END,
            'Quyết định của cơ quan đăng ký'),
           (2, 'awaitingDissolution', 'dissolved', 'Hoàn tất thủ tục giải thể')
) AS s(seq, from_status, to_status, reason)
WHERE s.seq <= c.last_sequence;

-- ---------------------------------------------------------------------------------------------
-- Yearly figures and classifications, 2016–2025
-- ---------------------------------------------------------------------------------------------
-- The organization-years that report: cooperatives and unions, founded before the year, still
-- active in it (a suspended or dissolving organization reports up to the year of its change).
CREATE TEMP TABLE nat_years AS
SELECT c.id, c.province_code, c.commune_code, c.kind, c.sector, c.status, c.status_since,
       c.charter_capital, c.member_count, coalesce(c.employee_count, 0) AS employees, y AS year,
       (hashint8(('x' || substr(c.id::text, 1, 8))::bit(32)::int::bigint * 16 + y)::bigint & 2147483647) AS h
FROM cooperatives AS c
CROSS JOIN generate_series(2016, 2025) AS y
WHERE c.kind <> 'cooperativeGroup'
  AND c.established_on < make_date(y, 1, 1)
  AND (c.status = 'active' OR extract(year FROM c.status_since) >= y);

INSERT INTO annual_reports (
    id, cooperative_id, year, province_code, revenue, pre_tax_profit, charter_capital, equity, total_capital,
    official_members, associate_members, employees, average_member_income, member_needs_served_share,
    size_class, created_at, updated_at, version)
SELECT md5('annual-report:' || n.id || ':' || n.year)::uuid, n.id, n.year, n.province_code,
       f.revenue, f.revenue * ((n.h / 100) % 30 - 8) / 100, n.charter_capital,
       n.charter_capital + f.revenue / 10, (n.charter_capital + f.revenue / 10) * (100 + (n.h / 3000) % 150) / 100,
       n.member_count, ((n.h / 7) % 12)::int, n.employees, (20 + (n.h / 11) % 60) * 1000000,
       ((n.h / 13) % 10001) / 100.0,
       CASE WHEN n.employees <= 10 AND f.revenue <= 3000000000 THEN 'micro'
            WHEN n.employees <= 100 AND f.revenue <= 50000000000 THEN 'small'
            ELSE 'medium' END,
       make_date(n.year + 1, 3, 31)::timestamptz, make_date(n.year + 1, 3, 31)::timestamptz, 1
FROM nat_years AS n
CROSS JOIN LATERAL (SELECT (50 + (n.h / 17) % 6000) * 1000000::bigint AS revenue) AS f
WHERE n.h % 10 <> 0;

INSERT INTO classifications (
    id, cooperative_id, year, province_code, commune_code, organization_kind, sector, revision, scheme_code, rating,
    not_rated_reason, total_points, scores, assessed_on, approved_by, notes, created_at, updated_at, version)
SELECT md5('classification:' || n.id || ':' || n.year)::uuid, n.id, n.year, n.province_code, n.commune_code,
       n.kind, n.sector, 1, 'circular-01-2020', r.rating, r.reason,
       CASE WHEN r.rating = 'notRated' THEN NULL ELSE r.points END, '[]'::jsonb,
       make_date(n.year + 1, 2, 10), 'Hội đồng đánh giá cấp xã', NULL,
       make_date(n.year + 1, 2, 20)::timestamptz, make_date(n.year + 1, 2, 20)::timestamptz, 1
FROM nat_years AS n
CROSS JOIN LATERAL (
    SELECT CASE WHEN n.sector = 'credit' THEN 'notRated'
                WHEN n.status = 'suspended' AND extract(year FROM n.status_since) = n.year THEN 'notRated'
                WHEN b < 12 THEN 'good' WHEN b < 45 THEN 'fair' WHEN b < 88 THEN 'average' ELSE 'weak' END AS rating,
           CASE WHEN n.sector = 'credit' THEN 'kindExcluded'
                WHEN n.status = 'suspended' AND extract(year FROM n.status_since) = n.year THEN 'suspendedTooLong' END AS reason,
           (CASE WHEN b < 12 THEN 80 + (n.h / 100) % 2000 / 100.0
                 WHEN b < 45 THEN 65 + (n.h / 100) % 1500 / 100.0
                 WHEN b < 88 THEN 50 + (n.h / 100) % 1500 / 100.0
                 ELSE 20 + (n.h / 100) % 3000 / 100.0 END)::numeric(7, 2) AS points
    FROM (SELECT (n.h / 1000) % 100 AS b) AS x
) AS r;

INSERT INTO classification_revisions (
    id, classification_id, revision, scheme_code, rating, not_rated_reason, total_points, scores, assessed_on,
    approved_by, notes, recorded_at)
SELECT md5('revision:' || k.id)::uuid, k.id, 1, k.scheme_code, k.rating, k.not_rated_reason, k.total_points, k.scores,
       k.assessed_on, k.approved_by, k.notes, k.created_at
FROM classifications AS k;

-- OCOP products: about one agricultural cooperative in ten has one (3 stars 70 %, 4 stars 27 %,
-- 5 stars 3 %, certified by the province below 5 stars, centrally at 5), valid three years.
INSERT INTO ocop_products (
    id, cooperative_id, province_code, product_name, stars, certified_on, certified_by, certificate_number,
    expires_on, created_at, updated_at, version)
SELECT md5('ocop:' || c.id)::uuid, c.id, c.province_code, c.main_products[1], o.stars, o.certified_on,
       CASE WHEN o.stars = 5 THEN 'central' ELSE 'province' END,
       (100 + x.h % 9000)::text || CASE WHEN o.stars = 5 THEN '/QĐ-TTg' ELSE '/QĐ-UBND' END,
       (o.certified_on + interval '3 years')::date, o.certified_on::timestamptz, o.certified_on::timestamptz, 1
FROM cooperatives AS c
CROSS JOIN LATERAL (SELECT (hashint8(('x' || substr(c.id::text, 1, 8))::bit(32)::int)::bigint & 2147483647) AS h) AS x
CROSS JOIN LATERAL (
    SELECT CASE WHEN x.h / 10 % 100 < 70 THEN 3 WHEN x.h / 10 % 100 < 97 THEN 4 ELSE 5 END AS stars,
           greatest(date '2019-01-01' + (x.h / 1000 % 2500)::int, c.established_on + 365) AS certified_on
) AS o
WHERE c.kind = 'cooperative' AND c.sector = 'agricultureForestryFishery' AND x.h % 10 = 0
  AND greatest(date '2019-01-01' + (x.h / 1000 % 2500)::int, c.established_on + 365) <= date '2025-12-31';

-- ---------------------------------------------------------------------------------------------
-- Steering committees (1 national, 34 provincial, 165 commune) and 2,000 activities
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE nat_committees AS
WITH units AS (
    SELECT 0 AS ord, 'national' AS level, NULL::varchar AS area_code, NULL::varchar AS province_code,
           'Trung ương' AS area_name, 'Bộ Kế hoạch và Đầu tư' AS agency
    UNION ALL
    SELECT 1, 'provincial', p.code, p.code, p.name, 'Sở Kế hoạch và Đầu tư ' || lower(left(p.name, 1)) || substr(p.name, 2)
    FROM provinces AS p
    UNION ALL
    SELECT 2, 'commune', c.code, c.province_code, c.name || ', ' || p.name, 'Ủy ban nhân dân ' || c.name
    FROM (SELECT c.*, row_number() OVER (ORDER BY c.code) AS rn FROM communes AS c) AS c
    JOIN provinces AS p ON p.code = c.province_code
    WHERE c.rn % 20 = 0 AND c.rn <= 3300
)
SELECT row_number() OVER (ORDER BY u.ord, u.area_code)::int AS n, u.*
FROM units AS u;
ALTER TABLE nat_committees ADD COLUMN id uuid, ADD COLUMN established_on date;
UPDATE nat_committees SET id = md5('committee:' || n)::uuid,
                          established_on = date '2016-01-15' + (hashint8(n * 16 + 11)::bigint & 2147483647)::int % 1500;

INSERT INTO steering_committees (
    id, name, level, area_code, province_code, established_on, decision_number, decision_date, decision_issuer,
    status, dissolved_on, dissolution_reason, created_at, updated_at, version)
SELECT k.id,
       'Ban chỉ đạo đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể, hợp tác xã '
           || CASE k.level WHEN 'national' THEN 'Trung ương' ELSE k.area_name END,
       k.level, k.area_code, k.province_code, k.established_on,
       (100 + k.n * 7)::text || '/QĐ-' || CASE k.level WHEN 'national' THEN 'TTg' ELSE 'UBND' END,
       k.established_on,
       CASE k.level WHEN 'national' THEN 'Thủ tướng Chính phủ' ELSE 'Ủy ban nhân dân ' || k.area_name END,
       'active', NULL, NULL, k.established_on::timestamptz, k.established_on::timestamptz, 1
FROM nat_committees AS k;

INSERT INTO steering_committee_members (id, committee_id, sequence, full_name, title, organization, role, "from", "to")
SELECT md5('member:' || k.n || ':' || m.seq)::uuid, k.id, m.seq,
       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'])[1 + (k.n + m.seq) % 8] || ' '
           || (ARRAY['Văn', 'Thị', 'Đức', 'Minh', 'Quốc'])[1 + (k.n * 3 + m.seq) % 5] || ' '
           || (ARRAY['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Sơn'])[1 + (k.n * 7 + m.seq) % 10],
       m.title, k.agency, m.role, k.established_on, NULL
FROM nat_committees AS k
CROSS JOIN (VALUES (0, 'head', 'Trưởng ban'), (1, 'deputyHead', 'Phó Trưởng ban'),
                   (2, 'standingMember', 'Ủy viên thường trực'), (3, 'member', 'Ủy viên'),
                   (4, 'member', 'Ủy viên')) AS m(seq, role, title);

INSERT INTO standing_agency_periods (id, committee_id, agency, "from")
SELECT md5('standing-agency:' || k.n)::uuid, k.id, k.agency, k.established_on
FROM nat_committees AS k;

CREATE TEMP TABLE nat_activities AS
SELECT i, k.id AS committee_id, k.n AS committee_n, k.province_code, k.agency, k.area_name,
       (ARRAY['meeting', 'training', 'fieldVisit', 'inspection', 'reviewConference', 'directive'])[1 + i % 6] AS kind,
       k.established_on + ((hashint8(i * 16 + 12)::bigint & 2147483647) % (date '2025-12-31' - k.established_on))::int AS start_date
FROM generate_series(1, 2000) AS i
JOIN nat_committees AS k ON k.n = 1 + i % 200;

INSERT INTO steering_activities (
    id, committee_id, province_code, standing_agency, kind, title, start_date, end_date, location, attendee_count,
    topics, visited_organization_ids, participating_bodies, outcome, created_at, updated_at, version)
SELECT md5('activity:' || a.i)::uuid, a.committee_id, a.province_code, a.agency, a.kind,
       CASE a.kind WHEN 'meeting' THEN 'Họp Ban chỉ đạo '
                   WHEN 'training' THEN 'Tập huấn nâng cao năng lực quản lý hợp tác xã '
                   WHEN 'fieldVisit' THEN 'Khảo sát mô hình hợp tác xã '
                   WHEN 'inspection' THEN 'Kiểm tra tình hình thực hiện Luật Hợp tác xã '
                   WHEN 'reviewConference' THEN 'Hội nghị tổng kết kinh tế tập thể '
                   ELSE 'Chỉ thị về phát triển kinh tế tập thể ' END || extract(year FROM a.start_date) || ', ' || a.area_name,
       a.start_date,
       CASE WHEN a.kind IN ('training', 'inspection') THEN a.start_date + 1 END,
       CASE WHEN a.kind <> 'directive' THEN a.area_name END,
       CASE WHEN a.kind IN ('meeting', 'training', 'reviewConference') THEN 20 + a.i % 150 END,
       ARRAY['Triển khai Nghị quyết 20-NQ/TW về kinh tế tập thể', 'Kết quả thực hiện kế hoạch năm'],
       CASE WHEN a.kind = 'fieldVisit' THEN coalesce(v.ids, '{}') ELSE '{}' END,
       ARRAY['Các sở, ban, ngành', 'Liên minh Hợp tác xã'],
       'Hoàn thành theo kế hoạch',
       a.start_date::timestamptz, a.start_date::timestamptz, 1
FROM nat_activities AS a
LEFT JOIN LATERAL (
    SELECT array_agg(o.id ORDER BY o.id) AS ids
    FROM (SELECT c.id FROM cooperatives AS c
          WHERE a.kind = 'fieldVisit' AND c.province_code = coalesce(a.province_code, '01')
            AND c.established_on < a.start_date
          ORDER BY c.registration_code LIMIT 2) AS o
) AS v ON true;

INSERT INTO steering_activity_documents (id, activity_id, "position", number, date, issuer, title)
SELECT md5('activity-document:' || a.i)::uuid, md5('activity:' || a.i)::uuid, 0,
       (10 + a.i)::text || '/CT-' || CASE WHEN a.province_code IS NULL THEN 'TTg' ELSE 'UBND' END,
       a.start_date, CASE WHEN a.province_code IS NULL THEN 'Thủ tướng Chính phủ' ELSE 'Ủy ban nhân dân ' || a.area_name END,
       'Chỉ thị về phát triển kinh tế tập thể'
FROM nat_activities AS a
WHERE a.kind = 'directive';

-- ---------------------------------------------------------------------------------------------
-- 500 partnership agreements, 3 commitments each, reviews up to 2025
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE nat_agreements AS
SELECT n, md5('agreement:' || n)::uuid AS id, p.code AS province_code, p.name AS province_name,
       2016 + (h % 10)::int AS start_year, 2016 + (h % 10)::int + 2 + (h / 10 % 4)::int AS end_year,
       make_date(2016 + (h % 10)::int, 1 + (h / 40 % 6)::int, 1 + (h / 240 % 27)::int) AS signed_on,
       (ARRAY['youthUnion', 'scienceTechnologyUnion', 'farmersAssociation', 'womensUnion', 'governmentAgency', 'enterprise'])[1 + n % 6] AS partner_kind,
       (ARRAY['Tỉnh đoàn', 'Liên hiệp các Hội Khoa học và Kỹ thuật', 'Hội Nông dân', 'Hội Liên hiệp Phụ nữ', 'Sở Nông nghiệp và Môi trường', 'Ngân hàng Nông nghiệp và Phát triển nông thôn'])[1 + n % 6] AS partner_body
FROM (SELECT n, (hashint8(n * 16 + 13)::bigint & 2147483647) AS h FROM generate_series(1, 500) AS n) AS g
JOIN (SELECT code, name, (row_number() OVER (ORDER BY code) - 1)::int AS rn FROM provinces) AS p ON p.rn = g.n % 34;
ALTER TABLE nat_agreements ADD COLUMN status text, ADD COLUMN closed_on date;
UPDATE nat_agreements SET
    status = CASE WHEN n % 40 = 0 THEN 'draft' WHEN n % 33 = 0 THEN 'terminated'
                  WHEN end_year < 2026 THEN 'completed' ELSE 'active' END,
    closed_on = CASE WHEN n % 40 = 0 THEN NULL WHEN n % 33 = 0 THEN signed_on + 400
                     WHEN end_year < 2026 THEN make_date(end_year, 12, 20) END;

INSERT INTO partnership_agreements (
    id, title, reference, parties, signatories, signed_on, period_start_year, period_end_year, province_code,
    policy_references, content_areas, status, effective_from, closed_on, closing_reason, amendments,
    created_at, updated_at, version)
SELECT a.id,
       'Chương trình phối hợp giai đoạn ' || a.start_year || ' – ' || a.end_year || ' giữa Liên minh Hợp tác xã và '
           || a.partner_body || ' ' || a.province_name || ' (số ' || a.n || ')',
       a.n || '/CTPH-LMHTX',
       jsonb_build_array(jsonb_build_object('kind', 'cooperativeAlliance', 'name', 'Liên minh Hợp tác xã ' || a.province_name),
                         jsonb_build_object('kind', a.partner_kind, 'name', a.partner_body || ' ' || a.province_name)),
       jsonb_build_array(jsonb_build_object('party', 'Liên minh Hợp tác xã ' || a.province_name, 'title', 'Chủ tịch', 'fullName', 'Nguyễn Văn An'),
                         jsonb_build_object('party', a.partner_body || ' ' || a.province_name, 'title', 'Chủ tịch', 'fullName', 'Trần Thị Bình')),
       a.signed_on, a.start_year, a.end_year, a.province_code,
       jsonb_build_array(jsonb_build_object('title', 'Nghị quyết về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới',
                                            'number', '20-NQ/TW', 'issuedOn', '2022-06-16')),
       jsonb_build_array('Tuyên truyền chủ trương, chính sách về kinh tế tập thể', 'Tập huấn, bồi dưỡng cán bộ hợp tác xã',
                         'Hỗ trợ thành lập mới hợp tác xã', 'Kết nối tiêu thụ sản phẩm'),
       a.status, CASE WHEN a.status <> 'draft' THEN a.signed_on END, a.closed_on,
       CASE a.status WHEN 'completed' THEN 'Tổng kết chương trình' WHEN 'terminated' THEN 'Các bên thống nhất chấm dứt' END,
       '[]'::jsonb, a.signed_on::timestamptz, coalesce(a.closed_on, a.signed_on)::timestamptz, 1
FROM nat_agreements AS a;

INSERT INTO partnership_commitments (
    id, agreement_id, sequence, description, content_area, indicator, unit, target, target_kind, responsible_party, register_measure)
SELECT md5('commitment:' || a.n || ':' || c.seq)::uuid, a.id, c.seq, c.description, c.area, c.indicator, c.unit, c.target,
       c.kind, CASE WHEN c.seq = 2 THEN a.partner_body || ' ' || a.province_name ELSE 'Liên minh Hợp tác xã ' || a.province_name END,
       c.measure
FROM nat_agreements AS a
CROSS JOIN (VALUES
    (1, 'Tổ chức ít nhất 02 hội nghị tuyên truyền mỗi năm', 0, 'Hội nghị tuyên truyền', 'hội nghị', 2, 'perYear', NULL),
    (2, 'Tổ chức ít nhất 01 lớp tập huấn mỗi năm', 1, 'Lớp tập huấn', 'lớp', 1, 'perYear', NULL),
    (3, 'Hỗ trợ thành lập mới hợp tác xã đến cuối giai đoạn', 2, 'Hợp tác xã thành lập mới', 'hợp tác xã', 5, 'byPeriodEnd', 'cooperativesEstablished')
) AS c(seq, description, area, indicator, unit, target, kind, measure);

INSERT INTO partnership_reviews (id, agreement_id, kind, year, held_on, summary, results, recorded_at)
SELECT md5('review:' || a.n || ':' || y)::uuid, a.id,
       CASE WHEN a.status = 'completed' AND y = a.end_year THEN 'final' ELSE 'annual' END,
       y, make_date(y, 12, 18),
       CASE WHEN a.status = 'completed' AND y = a.end_year THEN 'Tổng kết chương trình' ELSE 'Sơ kết năm ' || y END,
       jsonb_build_array(
           jsonb_build_object('notes', NULL, 'achieved', 1 + (a.n + y) % 3, 'commitmentId', md5('commitment:' || a.n || ':1')::uuid),
           jsonb_build_object('notes', NULL, 'achieved', (a.n + y) % 2, 'commitmentId', md5('commitment:' || a.n || ':2')::uuid),
           jsonb_build_object('notes', NULL, 'achieved', (a.n * y) % 3, 'commitmentId', md5('commitment:' || a.n || ':3')::uuid)),
       make_date(y, 12, 18)::timestamptz
FROM nat_agreements AS a
CROSS JOIN LATERAL generate_series(extract(year FROM a.signed_on)::int,
                                   least(a.end_year, 2025, extract(year FROM coalesce(a.closed_on, date '2025-12-31'))::int)) AS y
WHERE a.status <> 'draft' AND make_date(y, 12, 18) >= a.signed_on
  AND make_date(y, 12, 18) <= coalesce(a.closed_on, date '2025-12-31');

-- ---------------------------------------------------------------------------------------------
-- domain_events: the change feed and audit trail a real history would have
-- ---------------------------------------------------------------------------------------------
CREATE TEMP TABLE nat_coop_state AS
SELECT c.id, c.province_code, c.created_at, c.status, c.last_sequence,
       jsonb_build_object(
           'id', c.id, 'registrationCode', c.registration_code, 'name', c.name, 'kind', c.kind, 'sector', c.sector,
           'provinceCode', c.province_code, 'communeCode', c.commune_code, 'address', c.address,
           'establishedOn', c.established_on, 'charterCapital', c.charter_capital, 'memberCount', c.member_count,
           'employeeCount', c.employee_count, 'representative', c.representative, 'phone', c.phone, 'email', c.email,
           'isYouthCooperative', c.is_youth_cooperative, 'mainProducts', to_jsonb(c.main_products),
           'createdAt', c.created_at) AS base,
       jsonb_build_object(
           'registrationCode', c.registration_code, 'name', c.name, 'kind', c.kind, 'sector', c.sector,
           'provinceCode', c.province_code, 'communeCode', c.commune_code, 'address', c.address,
           'establishedOn', c.established_on, 'charterCapital', c.charter_capital, 'memberCount', c.member_count,
           'employeeCount', c.employee_count, 'representative', c.representative, 'phone', c.phone, 'email', c.email,
           'isYouthCooperative', c.is_youth_cooperative, 'mainProducts', to_jsonb(c.main_products)) AS details
FROM cooperatives AS c;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'cooperative', s.id,
       CASE WHEN h.sequence = 0 THEN 'CooperativeRegistered' ELSE 'CooperativeStatusChanged' END,
       CASE WHEN h.sequence = 0
            THEN jsonb_build_object('status', 'active', 'details', s.details, 'occurredAt', h.recorded_at, 'aggregateId', s.id)
            ELSE jsonb_build_object('to', h.to_status, 'from', h.from_status, 'reason', h.reason, 'sequence', h.sequence,
                                    'occurredAt', h.recorded_at, 'aggregateId', s.id, 'effectiveOn', h.effective_on) END,
       h.recorded_at, NULL, NULL, 1 + h.sequence,
       CASE WHEN h.sequence = 0 THEN 'created' ELSE 'updated' END, s.province_code, NULL,
       s.base || jsonb_build_object('status', h.to_status, 'version', 1 + h.sequence, 'updatedAt', h.recorded_at)
FROM nat_coop_state AS s
JOIN status_changes AS h ON h.cooperative_id = s.id
ORDER BY h.recorded_at, s.id, h.sequence;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'classification', k.id, 'ClassificationRecorded',
       jsonb_build_object('year', k.year, 'rating', k.rating, 'revision', 1, 'occurredAt', k.created_at,
                          'schemeCode', k.scheme_code, 'aggregateId', k.id, 'totalPoints', k.total_points,
                          'cooperativeId', k.cooperative_id, 'notRatedReason', k.not_rated_reason),
       k.created_at, NULL, NULL, 1, 'created', k.province_code, NULL,
       jsonb_build_object('id', k.id, 'year', k.year, 'notes', k.notes, 'rating', k.rating, 'scores', k.scores,
                          'sector', k.sector, 'history', NULL, 'version', 1, 'revision', 1, 'createdAt', k.created_at,
                          'updatedAt', k.updated_at, 'approvedBy', k.approved_by, 'assessedOn', k.assessed_on,
                          'schemeCode', k.scheme_code, 'communeCode', k.commune_code, 'totalPoints', k.total_points,
                          'provinceCode', k.province_code, 'cooperativeId', k.cooperative_id,
                          'notRatedReason', k.not_rated_reason, 'organizationKind', k.organization_kind)
FROM classifications AS k
WHERE k.year = 2025
ORDER BY k.created_at, k.id;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'annualReport', r.id, 'AnnualReportFiled',
       jsonb_build_object('year', r.year, 'figures', f.figures, 'sizeClass', r.size_class, 'occurredAt', r.created_at,
                          'aggregateId', r.id, 'cooperativeId', r.cooperative_id),
       r.created_at, NULL, NULL, 1, 'created', r.province_code, NULL,
       f.figures || jsonb_build_object('id', r.id, 'year', r.year, 'version', 1, 'createdAt', r.created_at,
                                       'updatedAt', r.updated_at, 'sizeClass', r.size_class,
                                       'provinceCode', r.province_code, 'cooperativeId', r.cooperative_id)
FROM annual_reports AS r
CROSS JOIN LATERAL (SELECT jsonb_build_object(
    'equity', r.equity, 'revenue', r.revenue, 'employees', r.employees, 'preTaxProfit', r.pre_tax_profit,
    'totalCapital', r.total_capital, 'charterCapital', r.charter_capital, 'officialMembers', r.official_members,
    'associateMembers', r.associate_members, 'averageMemberIncome', r.average_member_income,
    'memberNeedsServedShare', r.member_needs_served_share) AS figures) AS f
WHERE r.year = 2025
ORDER BY r.created_at, r.id;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'ocopProduct', o.id, 'OcopProductRecorded',
       jsonb_build_object('aggregateId', o.id, 'occurredAt', o.created_at, 'cooperativeId', o.cooperative_id,
                          'productName', o.product_name, 'stars', o.stars, 'certifiedOn', o.certified_on),
       o.created_at, NULL, NULL, 1, 'created', o.province_code, NULL,
       jsonb_build_object('id', o.id, 'cooperativeId', o.cooperative_id, 'provinceCode', o.province_code,
                          'productName', o.product_name, 'stars', o.stars, 'certifiedOn', o.certified_on,
                          'certifiedBy', o.certified_by, 'certificateNumber', o.certificate_number,
                          'expiresOn', o.expires_on, 'version', 1, 'createdAt', o.created_at, 'updatedAt', o.updated_at)
FROM ocop_products AS o
ORDER BY o.created_at, o.id;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'steeringCommittee', k.id, 'SteeringCommitteeCreated',
       jsonb_build_object('aggregateId', k.id, 'occurredAt', k.created_at, 'name', k.name, 'level', k.level,
                          'areaCode', k.area_code, 'establishedOn', k.established_on),
       k.created_at, NULL, NULL, 1, 'created', k.province_code, NULL,
       jsonb_build_object('id', k.id, 'name', k.name, 'level', k.level, 'status', k.status,
                          'members', (SELECT jsonb_agg(jsonb_build_object('fullName', m.full_name, 'title', m.title,
                                                                          'organization', m.organization, 'role', m.role,
                                                                          'from', m."from", 'to', m."to") ORDER BY m.sequence)
                                      FROM steering_committee_members AS m WHERE m.committee_id = k.id),
                          'version', 1, 'areaCode', k.area_code, 'createdAt', k.created_at, 'updatedAt', k.updated_at,
                          'dissolvedOn', NULL, 'provinceCode', k.province_code, 'establishedOn', k.established_on,
                          'standingAgency', s.agency,
                          'foundingDecision', jsonb_build_object('number', k.decision_number, 'date', k.decision_date,
                                                                 'issuer', k.decision_issuer),
                          'dissolutionReason', NULL,
                          'standingAgencyHistory', jsonb_build_array(jsonb_build_object('to', NULL, 'from', s."from", 'agency', s.agency)))
FROM steering_committees AS k
JOIN standing_agency_periods AS s ON s.committee_id = k.id
ORDER BY k.created_at, k.id;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'steeringActivity', a.id, 'SteeringActivityRecorded',
       jsonb_build_object('aggregateId', a.id, 'occurredAt', a.created_at, 'committeeId', a.committee_id,
                          'fields', jsonb_build_object('kind', a.kind, 'title', a.title, 'startDate', a.start_date)),
       a.created_at, NULL, NULL, 1, 'created', a.province_code, NULL,
       jsonb_build_object('id', a.id, 'kind', a.kind, 'title', a.title, 'topics', to_jsonb(a.topics),
                          'endDate', a.end_date, 'outcome', a.outcome, 'version', 1, 'location', a.location,
                          'createdAt', a.created_at,
                          'documents', coalesce((SELECT jsonb_agg(jsonb_build_object('date', d.date, 'title', d.title,
                                                                                    'issuer', d.issuer, 'number', d.number)
                                                                  ORDER BY d."position")
                                                 FROM steering_activity_documents AS d WHERE d.activity_id = a.id), '[]'::jsonb),
                          'startDate', a.start_date, 'updatedAt', a.updated_at, 'committeeId', a.committee_id,
                          'provinceCode', a.province_code, 'attendeeCount', a.attendee_count,
                          'standingAgency', a.standing_agency, 'participatingBodies', to_jsonb(a.participating_bodies),
                          'visitedOrganizationIds', to_jsonb(a.visited_organization_ids))
FROM steering_activities AS a
ORDER BY a.created_at, a.id;

INSERT INTO domain_events (aggregate_type, aggregate_id, event_type, payload, occurred_at, actor, trace_id,
                           aggregate_version, operation, province_code, previous_province_code, state)
SELECT 'partnershipAgreement', a.id, 'PartnershipAgreementCreated',
       jsonb_build_object('aggregateId', a.id, 'occurredAt', a.created_at,
                          'terms', jsonb_build_object('title', a.title, 'parties', a.parties, 'signedOn', a.signed_on,
                                                      'reference', a.reference, 'signatories', a.signatories,
                                                      'contentAreas', a.content_areas, 'provinceCode', a.province_code,
                                                      'periodEndYear', a.period_end_year, 'periodStartYear', a.period_start_year,
                                                      'policyReferences', a.policy_references)),
       a.created_at, NULL, NULL, 1, 'created', a.province_code, NULL,
       jsonb_build_object('id', a.id, 'title', a.title, 'status', a.status, 'parties', a.parties,
                          'reviews', coalesce((SELECT jsonb_agg(jsonb_build_object('id', r.id, 'kind', r.kind, 'year', r.year,
                                                                                  'heldOn', r.held_on, 'results', r.results,
                                                                                  'summary', r.summary) ORDER BY r.year)
                                               FROM partnership_reviews AS r WHERE r.agreement_id = a.id), '[]'::jsonb),
                          'version', 1, 'closedOn', a.closed_on, 'signedOn', a.signed_on, 'createdAt', a.created_at,
                          'reference', a.reference, 'updatedAt', a.updated_at, 'amendments', a.amendments,
                          'commitments', (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'unit', c.unit, 'target', c.target,
                                                                             'indicator', c.indicator, 'targetKind', c.target_kind,
                                                                             'contentArea', c.content_area, 'description', c.description,
                                                                             'registerMeasure', c.register_measure,
                                                                             'responsibleParty', c.responsible_party) ORDER BY c.sequence)
                                          FROM partnership_commitments AS c WHERE c.agreement_id = a.id),
                          'signatories', a.signatories, 'contentAreas', a.content_areas, 'provinceCode', a.province_code,
                          'closingReason', a.closing_reason, 'effectiveFrom', a.effective_from,
                          'periodEndYear', a.period_end_year, 'periodStartYear', a.period_start_year,
                          'policyReferences', a.policy_references)
FROM partnership_agreements AS a
ORDER BY a.created_at, a.id;
\timing off
