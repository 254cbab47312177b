using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SteeringCommittees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "steering_committees",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "vietnamese"),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    area_code = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    established_on = table.Column<DateOnly>(type: "date", nullable: false),
                    decision_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    decision_date = table.Column<DateOnly>(type: "date", nullable: true),
                    decision_issuer = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    dissolved_on = table.Column<DateOnly>(type: "date", nullable: true),
                    dissolution_reason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_steering_committees", x => x.id);
                    table.CheckConstraint("ck_steering_committees_area", "(level = 'national' AND area_code IS NULL AND province_code IS NULL) OR (level = 'provincial' AND area_code ~ '^[0-9]{2}$' AND province_code = area_code) OR (level = 'commune' AND area_code ~ '^[0-9]{5}$' AND province_code IS NOT NULL) OR (level = 'district' AND area_code ~ '^[0-9]{3}$' AND province_code IS NOT NULL AND established_on < DATE '2025-07-01')");
                    table.CheckConstraint("ck_steering_committees_decision", "(decision_number IS NULL) = (decision_date IS NULL) AND (decision_issuer IS NULL OR decision_number IS NOT NULL)");
                    table.CheckConstraint("ck_steering_committees_dissolution", "(status = 'active' AND dissolved_on IS NULL) OR (status = 'dissolved' AND dissolved_on >= established_on)");
                    table.CheckConstraint("ck_steering_committees_level", "level IN ('national', 'provincial', 'district', 'commune')");
                    table.CheckConstraint("ck_steering_committees_name_not_blank", "name ~ '[^[:space:]]'");
                    table.CheckConstraint("ck_steering_committees_status", "status IN ('active', 'dissolved')");
                    table.CheckConstraint("ck_steering_committees_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_steering_committees_provinces_province_code",
                        column: x => x.province_code,
                        principalTable: "provinces",
                        principalColumn: "code",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "standing_agency_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agency = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_standing_agency_periods", x => x.id);
                    table.ForeignKey(
                        name: "fk_standing_agency_periods_steering_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "steering_committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "steering_activities",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    standing_agency = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: true),
                    location = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    attendee_count = table.Column<int>(type: "integer", nullable: true),
                    topics = table.Column<string[]>(type: "text[]", nullable: false),
                    visited_organization_ids = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    participating_bodies = table.Column<string[]>(type: "text[]", nullable: false),
                    outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_steering_activities", x => x.id);
                    table.CheckConstraint("ck_steering_activities_attendees", "attendee_count IS NULL OR attendee_count BETWEEN 0 AND 1000000");
                    table.CheckConstraint("ck_steering_activities_dates", "end_date IS NULL OR end_date >= start_date");
                    table.CheckConstraint("ck_steering_activities_kind", "kind IN ('meeting', 'training', 'fieldVisit', 'inspection', 'reviewConference', 'directive')");
                    table.CheckConstraint("ck_steering_activities_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_steering_activities_steering_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "steering_committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "steering_committee_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    committee_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    full_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    organization = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    role = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_steering_committee_members", x => x.id);
                    table.CheckConstraint("ck_steering_committee_members_role", "role IN ('head', 'deputyHead', 'standingMember', 'member', 'workingGroupMember')");
                    table.CheckConstraint("ck_steering_committee_members_term", "\"to\" IS NULL OR \"to\" >= \"from\"");
                    table.ForeignKey(
                        name: "fk_steering_committee_members_steering_committees_committee_id",
                        column: x => x.committee_id,
                        principalTable: "steering_committees",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "steering_activity_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    activity_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    issuer = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_steering_activity_documents", x => x.id);
                    table.ForeignKey(
                        name: "fk_steering_activity_documents_steering_activities_activity_id",
                        column: x => x.activity_id,
                        principalTable: "steering_activities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_standing_agency_periods_committee_id_from",
                table: "standing_agency_periods",
                columns: new[] { "committee_id", "from" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_steering_activities_committee_id_start_date",
                table: "steering_activities",
                columns: new[] { "committee_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_steering_activities_province_code",
                table: "steering_activities",
                column: "province_code");

            migrationBuilder.CreateIndex(
                name: "ix_steering_activities_start_date_id",
                table: "steering_activities",
                columns: new[] { "start_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_steering_activity_documents_activity_id_position",
                table: "steering_activity_documents",
                columns: new[] { "activity_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_steering_committee_members_committee_id_sequence",
                table: "steering_committee_members",
                columns: new[] { "committee_id", "sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_steering_committees_level_area_code",
                table: "steering_committees",
                columns: new[] { "level", "area_code" });

            migrationBuilder.CreateIndex(
                name: "ix_steering_committees_name_id",
                table: "steering_committees",
                columns: new[] { "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_steering_committees_province_code",
                table: "steering_committees",
                column: "province_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "standing_agency_periods");

            migrationBuilder.DropTable(
                name: "steering_activity_documents");

            migrationBuilder.DropTable(
                name: "steering_committee_members");

            migrationBuilder.DropTable(
                name: "steering_activities");

            migrationBuilder.DropTable(
                name: "steering_committees");
        }
    }
}
