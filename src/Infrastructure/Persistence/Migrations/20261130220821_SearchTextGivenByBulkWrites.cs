using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// The search text of an organization gets one SQL home, <c>coop_cooperative_search_text</c>,
    /// used by the row trigger and by the bulk import, which computes it for a whole batch in one
    /// statement (a join with the communes) and gives it in its COPY: the insert trigger then fires
    /// only for a row that arrives without it. The per-row trigger cost ≈ 100 µs a row (plpgsql and
    /// a lookup query per row): ten of the 24 seconds of a bare COPY of 100,000 rows
    /// (docs/benchmarks.md). An update still recomputes it, whatever it carries.
    /// </summary>
    public partial class SearchTextGivenByBulkWrites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.coop_cooperative_search_text(org_name text, org_code text, commune_name text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                -- The commune's proper name only ("Vân Nham", not "Xã Vân Nham"): the kind word
                -- would make "hợp tác xã" match every organization of a commune.
                RETURN public.coop_search_fold(concat_ws(' ', org_name, org_code,
                  regexp_replace(commune_name, '^(Xã|Phường|Đặc khu)\s+', '')));

                CREATE OR REPLACE FUNCTION public.coop_cooperatives_search_text() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.search_text := public.coop_cooperative_search_text(NEW.name, NEW.registration_code,
                    (SELECT c.name FROM public.communes c WHERE c.code = NEW.commune_code));
                  RETURN NEW;
                END $$;

                DROP TRIGGER trg_cooperatives_search_text ON cooperatives;
                CREATE TRIGGER trg_cooperatives_search_text_on_insert BEFORE INSERT ON cooperatives
                  FOR EACH ROW WHEN (NEW.search_text IS NULL) EXECUTE FUNCTION public.coop_cooperatives_search_text();
                CREATE TRIGGER trg_cooperatives_search_text_on_update BEFORE UPDATE ON cooperatives
                  FOR EACH ROW EXECUTE FUNCTION public.coop_cooperatives_search_text();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_cooperatives_search_text_on_insert ON cooperatives;
                DROP TRIGGER trg_cooperatives_search_text_on_update ON cooperatives;
                CREATE OR REPLACE FUNCTION public.coop_cooperatives_search_text() RETURNS trigger
                LANGUAGE plpgsql AS $$
                BEGIN
                  NEW.search_text := public.coop_search_fold(concat_ws(' ', NEW.name, NEW.registration_code,
                    (SELECT regexp_replace(c.name, '^(Xã|Phường|Đặc khu)\s+', '') FROM public.communes c WHERE c.code = NEW.commune_code)));
                  RETURN NEW;
                END $$;
                CREATE TRIGGER trg_cooperatives_search_text BEFORE INSERT OR UPDATE ON cooperatives
                  FOR EACH ROW EXECUTE FUNCTION public.coop_cooperatives_search_text();
                DROP FUNCTION public.coop_cooperative_search_text(text, text, text);
                """);
        }
    }
}
