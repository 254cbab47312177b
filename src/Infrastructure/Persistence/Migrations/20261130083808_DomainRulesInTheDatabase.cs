using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DomainRulesInTheDatabase : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cooperatives_communes_commune_code",
                table: "cooperatives");

            migrationBuilder.DropIndex(
                name: "ix_cooperatives_commune_code",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_employee_count",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_member_count",
                table: "cooperatives");

            // search_text: from a generated column to one kept by a trigger, which can read the
            // commune's name (a generated column cannot look into another table). COPY fires it too.
            migrationBuilder.Sql("ALTER TABLE cooperatives ALTER COLUMN search_text DROP EXPRESSION;");
            migrationBuilder.Sql(SearchSql.FoldWithAbbreviations);
            migrationBuilder.Sql(SearchSql.Triggers);

            migrationBuilder.AddColumn<int>(
                name: "last_sequence",
                table: "cooperatives",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "status_since",
                table: "cooperatives",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            // The root's status summary, from the history written so far; then no defaults, so a
            // row written by another path (COPY) must state them.
            migrationBuilder.Sql("""
                UPDATE cooperatives c SET last_sequence = h.sequence, status_since = h.effective_on
                FROM (SELECT DISTINCT ON (cooperative_id) cooperative_id, sequence, effective_on
                      FROM status_changes ORDER BY cooperative_id, sequence DESC) h
                WHERE h.cooperative_id = c.id;
                ALTER TABLE cooperatives ALTER COLUMN last_sequence DROP DEFAULT, ALTER COLUMN status_since DROP DEFAULT;
                """);

            migrationBuilder.AddUniqueConstraint(
                name: "ak_communes_code_province_code",
                table: "communes",
                columns: new[] { "code", "province_code" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_status_changes_sequence",
                table: "status_changes",
                sql: "sequence >= 0");

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_commune_code_province_code",
                table: "cooperatives",
                columns: new[] { "commune_code", "province_code" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_commune_code_format",
                table: "cooperatives",
                sql: "commune_code ~ '^[0-9]{5}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_employee_count",
                table: "cooperatives",
                sql: "employee_count IS NULL OR employee_count BETWEEN 0 AND 10000000");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_established_on",
                table: "cooperatives",
                sql: "established_on >= DATE '1900-01-01'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_member_count",
                table: "cooperatives",
                sql: "member_count >= CASE kind WHEN 'cooperative' THEN 5 WHEN 'cooperativeGroup' THEN 2 WHEN 'cooperativeUnion' THEN 3 END AND member_count <= 10000000");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_name_not_blank",
                table: "cooperatives",
                sql: "name ~ '[^[:space:]]'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_province_code_format",
                table: "cooperatives",
                sql: "province_code ~ '^[0-9]{2}$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_registration_code_format",
                table: "cooperatives",
                sql: "registration_code ~ '^[0-9]{10}(-[0-9]{3})?$'");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_registration_code_required",
                table: "cooperatives",
                sql: "registration_code IS NOT NULL OR kind IN ('cooperativeGroup')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_status_summary",
                table: "cooperatives",
                sql: "last_sequence >= 0 AND (last_sequence > 0 OR status = 'active') AND (last_sequence = 0 OR status_since >= established_on)");

            migrationBuilder.AddForeignKey(
                name: "fk_cooperatives_communes_commune_in_province",
                table: "cooperatives",
                columns: new[] { "commune_code", "province_code" },
                principalTable: "communes",
                principalColumns: new[] { "code", "province_code" },
                onDelete: ReferentialAction.Restrict);

            // Fill search_text for the rows already there (the trigger computes it).
            migrationBuilder.Sql("UPDATE cooperatives SET search_text = NULL;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_cooperatives_communes_commune_in_province",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_status_changes_sequence",
                table: "status_changes");

            migrationBuilder.DropIndex(
                name: "ix_cooperatives_commune_code_province_code",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_commune_code_format",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_employee_count",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_established_on",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_member_count",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_name_not_blank",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_province_code_format",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_registration_code_format",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_registration_code_required",
                table: "cooperatives");

            migrationBuilder.DropCheckConstraint(
                name: "ck_cooperatives_status_summary",
                table: "cooperatives");

            migrationBuilder.DropUniqueConstraint(
                name: "ak_communes_code_province_code",
                table: "communes");

            migrationBuilder.DropColumn(
                name: "last_sequence",
                table: "cooperatives");

            migrationBuilder.DropColumn(
                name: "status_since",
                table: "cooperatives");

            migrationBuilder.Sql(SearchSql.DropTriggers);
            migrationBuilder.Sql(SearchSql.FoldWithoutAbbreviations);
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS ix_cooperatives_search_text;
                ALTER TABLE cooperatives DROP COLUMN search_text;
                ALTER TABLE cooperatives ADD COLUMN search_text text
                  GENERATED ALWAYS AS (coop_search_fold(name || ' ' || coalesce(registration_code, ''))) STORED;
                CREATE INDEX ix_cooperatives_search_text ON cooperatives USING gin (search_text gin_trgm_ops);
                """);

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_commune_code",
                table: "cooperatives",
                column: "commune_code");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_employee_count",
                table: "cooperatives",
                sql: "employee_count IS NULL OR employee_count >= 0");

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_member_count",
                table: "cooperatives",
                sql: "member_count >= 2");

            migrationBuilder.AddForeignKey(
                name: "fk_cooperatives_communes_commune_code",
                table: "cooperatives",
                column: "commune_code",
                principalTable: "communes",
                principalColumn: "code",
                onDelete: ReferentialAction.Restrict);
        }
    }

    /// <summary>The search functions and triggers of this migration.</summary>
    internal static class SearchSql
    {
        /// <summary>
        /// Folds text for search: lower case, no diacritics, and the register's usual abbreviations
        /// written out (LH HTX / LHHTX, LH, HTX, THT, QTDND), white space collapsed. Applied to the
        /// stored text and to each query word alike, so "HTX" and "hợp tác xã" find each other.
        /// </summary>
        public const string FoldWithAbbreviations = """
            CREATE OR REPLACE FUNCTION public.coop_search_fold(input text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            RETURN regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
                     lower(public.unaccent('public.unaccent'::regdictionary, input)),
                     '\mlh\s*htx\M', 'lien hiep hop tac xa', 'g'),
                     '\mlh\M', 'lien hiep', 'g'),
                     '\mhtx\M', 'hop tac xa', 'g'),
                     '\mtht\M', 'to hop tac', 'g'),
                     '\mqtdnd\M', 'quy tin dung nhan dan', 'g'),
                     '\s+', ' ', 'g');
            """;

        /// <summary>The fold of the first migration (Down).</summary>
        public const string FoldWithoutAbbreviations = """
            CREATE OR REPLACE FUNCTION public.coop_search_fold(input text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            RETURN lower(public.unaccent('public.unaccent'::regdictionary, input));
            """;

        /// <summary>
        /// search_text = fold(name, registration code, commune's proper name), on every insert (COPY
        /// included) and update of a cooperative, and again when a commune is renamed.
        /// </summary>
        public const string Triggers = """
            CREATE OR REPLACE FUNCTION public.coop_cooperatives_search_text() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              -- The commune's proper name only ("Vân Nham", not "Xã Vân Nham"): the kind word
              -- would make "hợp tác xã" match every organization of a commune.
              NEW.search_text := public.coop_search_fold(concat_ws(' ', NEW.name, NEW.registration_code,
                (SELECT regexp_replace(c.name, '^(Xã|Phường|Đặc khu)\s+', '') FROM public.communes c WHERE c.code = NEW.commune_code)));
              RETURN NEW;
            END $$;
            CREATE TRIGGER trg_cooperatives_search_text BEFORE INSERT OR UPDATE ON cooperatives
              FOR EACH ROW EXECUTE FUNCTION public.coop_cooperatives_search_text();

            CREATE OR REPLACE FUNCTION public.coop_communes_renamed() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              UPDATE public.cooperatives SET search_text = NULL WHERE commune_code = NEW.code;
              RETURN NULL;
            END $$;
            CREATE TRIGGER trg_communes_search_text AFTER UPDATE OF name ON communes
              FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION public.coop_communes_renamed();
            """;

        /// <summary>Removes the triggers (Down).</summary>
        public const string DropTriggers = """
            DROP TRIGGER IF EXISTS trg_communes_search_text ON communes;
            DROP FUNCTION IF EXISTS public.coop_communes_renamed();
            DROP TRIGGER IF EXISTS trg_cooperatives_search_text ON cooperatives;
            DROP FUNCTION IF EXISTS public.coop_cooperatives_search_text();
            """;
    }
}
