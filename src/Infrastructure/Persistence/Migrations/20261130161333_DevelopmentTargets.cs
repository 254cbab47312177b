using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DevelopmentTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "development_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false, collation: "vietnamese"),
                    baseline_date = table.Column<DateOnly>(type: "date", nullable: false),
                    horizon_year = table.Column<int>(type: "integer", nullable: false),
                    source_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    source_date = table.Column<DateOnly>(type: "date", nullable: true),
                    source_issuer = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_development_targets", x => x.id);
                    table.CheckConstraint("ck_development_targets_baseline", "baseline_date >= DATE '2000-01-01'");
                    table.CheckConstraint("ck_development_targets_horizon", "horizon_year >= extract(year FROM baseline_date) AND horizon_year <= 2100");
                    table.CheckConstraint("ck_development_targets_source", "(source_number IS NULL) = (source_date IS NULL) AND (source_issuer IS NULL OR source_number IS NOT NULL)");
                    table.CheckConstraint("ck_development_targets_title_not_blank", "title ~ '[^[:space:]]'");
                    table.CheckConstraint("ck_development_targets_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_development_targets_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "development_target_metrics",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    metric = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    comparison = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,2)", precision: 20, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_development_target_metrics", x => x.id);
                    table.CheckConstraint("ck_development_target_metrics_comparison", "comparison IN ('atLeast', 'atMost', 'greaterThan', 'lessThan')");
                    table.CheckConstraint("ck_development_target_metrics_metric", "metric IN ('newCooperatives', 'newCooperativeGroups', 'newUnions', 'fairOrBetterShare', 'weakShare', 'activeCooperatives', 'totalMembers', 'totalCharterCapital', 'youthCooperatives')");
                    table.CheckConstraint("ck_development_target_metrics_position", "position >= 0");
                    table.CheckConstraint("ck_development_target_metrics_value", "(metric IN ('fairOrBetterShare', 'weakShare') AND value BETWEEN 0 AND 100) OR (metric NOT IN ('fairOrBetterShare', 'weakShare') AND value >= 0 AND value = trunc(value))");
                    table.ForeignKey(
                        name: "fk_development_target_metrics_development_targets_target_id",
                        column: x => x.target_id,
                        principalTable: "development_targets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_development_target_metrics_target_id_metric",
                table: "development_target_metrics",
                columns: new[] { "target_id", "metric" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_development_targets_horizon_year_id",
                table: "development_targets",
                columns: new[] { "horizon_year", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_development_targets_province_code_horizon_year_id",
                table: "development_targets",
                columns: new[] { "province_code", "horizon_year", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "development_target_metrics");

            migrationBuilder.DropTable(
                name: "development_targets");
        }
    }
}
