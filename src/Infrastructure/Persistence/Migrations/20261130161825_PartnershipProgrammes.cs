using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipProgrammes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "partnership_agreements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "vietnamese"),
                    reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    parties = table.Column<string>(type: "jsonb", nullable: false),
                    signatories = table.Column<string>(type: "jsonb", nullable: false),
                    signed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    period_start_year = table.Column<int>(type: "integer", nullable: false),
                    period_end_year = table.Column<int>(type: "integer", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    policy_references = table.Column<string>(type: "jsonb", nullable: false),
                    content_areas = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    effective_from = table.Column<DateOnly>(type: "date", nullable: true),
                    closed_on = table.Column<DateOnly>(type: "date", nullable: true),
                    closing_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    amendments = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_agreements", x => x.id);
                    table.CheckConstraint("ck_partnership_agreements_parties", "jsonb_array_length(parties) >= 2");
                    table.CheckConstraint("ck_partnership_agreements_period", "period_start_year BETWEEN 1945 AND 2100 AND period_end_year >= period_start_year AND period_end_year - period_start_year < 10");
                    table.CheckConstraint("ck_partnership_agreements_status", "status IN ('draft', 'active', 'completed', 'terminated')");
                    table.CheckConstraint("ck_partnership_agreements_status_dates", "(status = 'draft' AND effective_from IS NULL AND closed_on IS NULL) OR (status = 'active' AND effective_from IS NOT NULL AND closed_on IS NULL) OR (status IN ('completed', 'terminated') AND effective_from IS NOT NULL AND closed_on >= effective_from)");
                    table.CheckConstraint("ck_partnership_agreements_title_not_blank", "title ~ '[^[:space:]]'");
                    table.CheckConstraint("ck_partnership_agreements_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_partnership_agreements_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "partnership_commitments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    content_area = table.Column<int>(type: "integer", nullable: false),
                    indicator = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    unit = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    target = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    target_kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    responsible_party = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    register_measure = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_commitments", x => x.id);
                    table.CheckConstraint("ck_partnership_commitments_content_area", "content_area >= 0");
                    table.CheckConstraint("ck_partnership_commitments_register_measure", "register_measure IS NULL OR register_measure IN ('youthCooperativesEstablished', 'cooperativesEstablished', 'cooperativeGroupsEstablished')");
                    table.CheckConstraint("ck_partnership_commitments_target", "target > 0");
                    table.CheckConstraint("ck_partnership_commitments_target_kind", "target_kind IN ('perYear', 'byPeriodEnd')");
                    table.ForeignKey(
                        name: "fk_partnership_commitments_partnership_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "partnership_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "partnership_reviews",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agreement_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    held_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    results = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partnership_reviews", x => x.id);
                    table.CheckConstraint("ck_partnership_reviews_held_on", "extract(year FROM held_on) >= year");
                    table.CheckConstraint("ck_partnership_reviews_kind", "kind IN ('annual', 'final')");
                    table.ForeignKey(
                        name: "fk_partnership_reviews_partnership_agreements_agreement_id",
                        column: x => x.agreement_id,
                        principalTable: "partnership_agreements",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_partnership_agreements_province_code",
                table: "partnership_agreements",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_partnership_agreements_signed_on_id",
                table: "partnership_agreements",
                columns: new[] { "signed_on", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_partnership_commitments_agreement_id_sequence",
                table: "partnership_commitments",
                columns: new[] { "agreement_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partnership_reviews_agreement_id_year",
                table: "partnership_reviews",
                columns: new[] { "agreement_id", "year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "partnership_commitments");

            migrationBuilder.DropTable(
                name: "partnership_reviews");

            migrationBuilder.DropTable(
                name: "partnership_agreements");
        }
    }
}
