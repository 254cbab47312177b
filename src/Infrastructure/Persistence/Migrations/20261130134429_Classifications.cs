using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Classifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "classification_schemes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    regulation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "date", nullable: false),
                    valid_to = table.Column<DateOnly>(type: "date", nullable: true),
                    applies_to_kinds = table.Column<string[]>(type: "text[]", nullable: false),
                    excluded_sectors = table.Column<string[]>(type: "text[]", nullable: false),
                    bands = table.Column<string>(type: "jsonb", nullable: false),
                    groups = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classification_schemes", x => x.id);
                    table.UniqueConstraint("ak_classification_schemes_code", x => x.code);
                    table.CheckConstraint("ck_classification_schemes_code", "code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'");
                    table.CheckConstraint("ck_classification_schemes_validity", "valid_to IS NULL OR valid_to >= valid_from");
                    table.CheckConstraint("ck_classification_schemes_version", "version >= 1");
                });

            migrationBuilder.CreateTable(
                name: "classifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cooperative_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    commune_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    organization_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    sector = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    not_rated_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    total_points = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classifications", x => x.id);
                    table.CheckConstraint("ck_classifications_not_rated_reason", "(rating = 'notRated') = (not_rated_reason IS NOT NULL)");
                    table.CheckConstraint("ck_classifications_organization_kind", "organization_kind IN ('cooperative', 'cooperativeGroup', 'cooperativeUnion')");
                    table.CheckConstraint("ck_classifications_rating", "rating IN ('good', 'fair', 'average', 'weak', 'notRated')");
                    table.CheckConstraint("ck_classifications_revision", "revision >= 1");
                    table.CheckConstraint("ck_classifications_sector", "sector IN ('agricultureForestryFishery', 'industryHandicraft', 'construction', 'tradeServices', 'transport', 'environment', 'credit', 'other')");
                    table.CheckConstraint("ck_classifications_version", "version >= 1");
                    table.CheckConstraint("ck_classifications_year", "year >= 2000");
                    table.ForeignKey(
                        name: "fk_classifications_classification_scheme_scheme_code",
                        column: x => x.scheme_code,
                        principalTable: "classification_schemes",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_classifications_cooperatives_cooperative_id",
                        column: x => x.cooperative_id,
                        principalTable: "cooperatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "classification_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    classification_id = table.Column<Guid>(type: "uuid", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    scheme_code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    rating = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    not_rated_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    total_points = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: true),
                    scores = table.Column<string>(type: "jsonb", nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classification_revisions", x => x.id);
                    table.CheckConstraint("ck_classification_revisions_rating", "rating IN ('good', 'fair', 'average', 'weak', 'notRated')");
                    table.CheckConstraint("ck_classification_revisions_revision", "revision >= 1");
                    table.ForeignKey(
                        name: "fk_classification_revisions_classifications_classification_id",
                        column: x => x.classification_id,
                        principalTable: "classifications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_classification_revisions_classification_id_revision",
                table: "classification_revisions",
                columns: new[] { "classification_id", "revision" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_classifications_cooperative_id_year",
                table: "classifications",
                columns: new[] { "cooperative_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_classifications_scheme_code",
                table: "classifications",
                column: "scheme_code");

            migrationBuilder.CreateIndex(
                name: "ix_classifications_year_province_code_commune_code",
                table: "classifications",
                columns: new[] { "year", "province_code", "commune_code" })
                .Annotation("Npgsql:IndexInclude", new[] { "rating", "sector" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "classification_revisions");

            migrationBuilder.DropTable(
                name: "classifications");

            migrationBuilder.DropTable(
                name: "classification_schemes");
        }
    }
}
