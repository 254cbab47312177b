-- The SQL that GET /api/v1/cooperatives sends (EF Core 10 + Npgsql), as prepared statements.
-- Captured from PostgreSQL's log (log_statement=all) while calling the API on 2026-11-24:
-- same text, same parameter positions; only the statement names are ours. Npgsql binds C#
-- strings as text and ints as integer, so the parameter types are the same too.
-- ListCooperativesQueryHandler runs the count first, then the page (skipped when empty).

-- q=<one word>
PREPARE search1_count(text) AS
SELECT count(*)::int
	FROM cooperatives AS c
	WHERE c.search_text LIKE '%' || COALESCE(public.coop_search_fold($1), '') || '%' ESCAPE '\';

PREPARE search1_page(text, integer, integer) AS
SELECT c.id AS "Id", c.registration_code AS "RegistrationCode", c.name AS "Name", c.kind AS "Kind", c.sector AS "Sector", c.status AS "Status", c.province_code AS "ProvinceCode", c.commune_code AS "CommuneCode", c.address AS "Address", c.established_on AS "EstablishedOn", c.charter_capital AS "CharterCapital", c.member_count AS "MemberCount", c.employee_count AS "EmployeeCount", c.representative AS "Representative", c.phone AS "Phone", c.email AS "Email", c.is_youth_cooperative AS "IsYouthCooperative", c.main_products::text[] AS "MainProducts", c.created_at AS "CreatedAt", c.updated_at AS "UpdatedAt", c.version AS "Version"
	FROM cooperatives AS c
	WHERE c.search_text LIKE '%' || COALESCE(public.coop_search_fold($1), '') || '%' ESCAPE '\'
	ORDER BY c.name, c.id
	LIMIT $2 OFFSET $3;

-- q=<two words>: every word must match
PREPARE search2_count(text, text) AS
SELECT count(*)::int
	FROM cooperatives AS c
	WHERE c.search_text LIKE '%' || COALESCE(public.coop_search_fold($1), '') || '%' ESCAPE '\' AND c.search_text LIKE '%' || COALESCE(public.coop_search_fold($2), '') || '%' ESCAPE '\';

PREPARE search2_page(text, text, integer, integer) AS
SELECT c.id AS "Id", c.registration_code AS "RegistrationCode", c.name AS "Name", c.kind AS "Kind", c.sector AS "Sector", c.status AS "Status", c.province_code AS "ProvinceCode", c.commune_code AS "CommuneCode", c.address AS "Address", c.established_on AS "EstablishedOn", c.charter_capital AS "CharterCapital", c.member_count AS "MemberCount", c.employee_count AS "EmployeeCount", c.representative AS "Representative", c.phone AS "Phone", c.email AS "Email", c.is_youth_cooperative AS "IsYouthCooperative", c.main_products::text[] AS "MainProducts", c.created_at AS "CreatedAt", c.updated_at AS "UpdatedAt", c.version AS "Version"
	FROM cooperatives AS c
	WHERE c.search_text LIKE '%' || COALESCE(public.coop_search_fold($1), '') || '%' ESCAPE '\' AND c.search_text LIKE '%' || COALESCE(public.coop_search_fold($2), '') || '%' ESCAPE '\'
	ORDER BY c.name, c.id
	LIMIT $3 OFFSET $4;

-- status=<s>&provinceCode=<p> (the handler adds the status filter before the province)
PREPARE filter_count(text, text) AS
SELECT count(*)::int
	FROM cooperatives AS c
	WHERE c.status = $1 AND c.province_code = $2;

PREPARE filter_page(text, text, integer, integer) AS
SELECT c.id AS "Id", c.registration_code AS "RegistrationCode", c.name AS "Name", c.kind AS "Kind", c.sector AS "Sector", c.status AS "Status", c.province_code AS "ProvinceCode", c.commune_code AS "CommuneCode", c.address AS "Address", c.established_on AS "EstablishedOn", c.charter_capital AS "CharterCapital", c.member_count AS "MemberCount", c.employee_count AS "EmployeeCount", c.representative AS "Representative", c.phone AS "Phone", c.email AS "Email", c.is_youth_cooperative AS "IsYouthCooperative", c.main_products::text[] AS "MainProducts", c.created_at AS "CreatedAt", c.updated_at AS "UpdatedAt", c.version AS "Version"
	FROM cooperatives AS c
	WHERE c.status = $1 AND c.province_code = $2
	ORDER BY c.name, c.id
	LIMIT $3 OFFSET $4;

-- no filter: the count of the whole register, `SELECT count(*)::int FROM cooperatives AS c`,
-- is not prepared here: it has no parameter, so PostgreSQL would plan it once and reuse that
-- plan whatever the session's settings (run.sh sends its text each time, as Npgsql does).

-- sort=-charterCapital&page=<n>
PREPARE capital_desc_page(integer, integer) AS
SELECT c.id AS "Id", c.registration_code AS "RegistrationCode", c.name AS "Name", c.kind AS "Kind", c.sector AS "Sector", c.status AS "Status", c.province_code AS "ProvinceCode", c.commune_code AS "CommuneCode", c.address AS "Address", c.established_on AS "EstablishedOn", c.charter_capital AS "CharterCapital", c.member_count AS "MemberCount", c.employee_count AS "EmployeeCount", c.representative AS "Representative", c.phone AS "Phone", c.email AS "Email", c.is_youth_cooperative AS "IsYouthCooperative", c.main_products::text[] AS "MainProducts", c.created_at AS "CreatedAt", c.updated_at AS "UpdatedAt", c.version AS "Version"
	FROM cooperatives AS c
	ORDER BY c.charter_capital DESC, c.id DESC
	LIMIT $1 OFFSET $2;
