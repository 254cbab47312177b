using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InitialRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:CollationDefinition:vietnamese", "vi-VN,vi-VN,icu,True")
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            // Folds text for diacritic-insensitive search ("Đồng" -> "dong"). unaccent() is only
            // STABLE (its dictionary could change), so this wrapper names the dictionary explicitly
            // and is declared IMMUTABLE, which a stored generated column and its index require.
            // unaccent runs before lower(): lower() under the C collation leaves "Đ" alone.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION public.coop_search_fold(input text) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                RETURN lower(public.unaccent('public.unaccent'::regdictionary, input));
                """);

            migrationBuilder.CreateTable(
                name: "provinces",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "vietnamese"),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_provinces", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "seed_history",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    checksum = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_seed_history", x => x.name);
                });

            migrationBuilder.CreateTable(
                name: "communes",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "vietnamese"),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_communes", x => x.code);
                    table.ForeignKey(
                        name: "fk_communes_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "province_merges",
                columns: table => new
                {
                    new_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    old_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    old_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_province_merges", x => new { x.old_code, x.new_code });
                    table.ForeignKey(
                        name: "fk_province_merges_provinces_new_code",
                        column: x => x.new_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "commune_merges",
                columns: table => new
                {
                    new_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    old_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    old_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    part = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commune_merges", x => new { x.old_code, x.new_code });
                    table.ForeignKey(
                        name: "fk_commune_merges_communes_new_code",
                        column: x => x.new_code,
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "cooperatives",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    registration_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "vietnamese"),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    charter_capital = table.Column<long>(type: "bigint", nullable: false),
                    member_count = table.Column<int>(type: "integer", nullable: false),
                    employee_count = table.Column<int>(type: "integer", nullable: true),
                    representative = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    phone = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    is_youth_cooperative = table.Column<bool>(type: "boolean", nullable: false),
                    main_products = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false),
                    search_text = table.Column<string>(type: "text", nullable: true, computedColumnSql: "coop_search_fold(name || ' ' || coalesce(registration_code, ''))", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_cooperatives", x => x.id);
                    table.CheckConstraint("ck_cooperatives_charter_capital", "charter_capital >= 0");
                    table.CheckConstraint("ck_cooperatives_employee_count", "employee_count IS NULL OR employee_count >= 0");
                    table.CheckConstraint("ck_cooperatives_kind", "kind IN ('cooperative', 'cooperativeGroup', 'cooperativeUnion')");
                    table.CheckConstraint("ck_cooperatives_member_count", "member_count >= 2");
                    table.CheckConstraint("ck_cooperatives_sector", "sector IN ('agricultureForestryFishery', 'industryHandicraft', 'construction', 'tradeServices', 'transport', 'environment', 'credit', 'other')");
                    table.CheckConstraint("ck_cooperatives_status", "status IN ('active', 'suspended', 'awaitingDissolution', 'dissolved')");
                    table.ForeignKey(
                        name: "fk_cooperatives_communes_commune_code",
                        column: x => x.commune_code,
                        principalTable: "communes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_cooperatives_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cooperative_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    from_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    to_status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_status_changes_cooperatives_cooperative_id",
                        column: x => x.cooperative_id,
                        principalTable: "cooperatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commune_merges_new_code",
                table: "commune_merges",
                column: "new_code");

            migrationBuilder.CreateIndex(
                name: "ix_communes_province_code",
                table: "communes",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_charter_capital_id",
                table: "cooperatives",
                columns: new[] { "charter_capital", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_commune_code",
                table: "cooperatives",
                column: "commune_code");

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_created_at_id",
                table: "cooperatives",
                columns: new[] { "created_at", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_established_on_id",
                table: "cooperatives",
                columns: new[] { "established_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_member_count_id",
                table: "cooperatives",
                columns: new[] { "member_count", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_name_id",
                table: "cooperatives",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_province_code_commune_code",
                table: "cooperatives",
                columns: new[] { "province_code", "commune_code" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_registration_code",
                table: "cooperatives",
                column: "registration_code",
                unique: true,
                filter: "registration_code IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_search_text",
                table: "cooperatives",
                column: "search_text")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_sector",
                table: "cooperatives",
                column: "sector");

            migrationBuilder.CreateIndex(
                name: "ix_cooperatives_status_kind",
                table: "cooperatives",
                columns: new[] { "status", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_province_merges_new_code",
                table: "province_merges",
                column: "new_code");

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_cooperative_id_sequence",
                table: "status_changes",
                columns: new[] { "cooperative_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_effective_on_to_status",
                table: "status_changes",
                columns: new[] { "effective_on", "to_status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commune_merges");

            migrationBuilder.DropTable(
                name: "province_merges");

            migrationBuilder.DropTable(
                name: "seed_history");

            migrationBuilder.DropTable(
                name: "status_changes");

            migrationBuilder.DropTable(
                name: "cooperatives");

            migrationBuilder.DropTable(
                name: "communes");

            migrationBuilder.DropTable(
                name: "provinces");

            migrationBuilder.Sql("DROP FUNCTION IF EXISTS public.coop_search_fold(text);");
        }
    }
}
