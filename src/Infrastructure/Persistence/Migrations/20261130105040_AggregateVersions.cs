using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AggregateVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The explicit version replaces xmin (a system column: nothing to drop). Rows that
            // exist already start at 1.
            migrationBuilder.AddColumn<int>(
                name: "version",
                table: "cooperatives",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddCheckConstraint(
                name: "ck_cooperatives_version",
                table: "cooperatives",
                sql: "version >= 1");

            migrationBuilder.AddColumn<int>(
                name: "aggregate_version",
                table: "domain_events",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "operation",
                table: "domain_events",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "previous_province_code",
                table: "domain_events",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "province_code",
                table: "domain_events",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state",
                table: "domain_events",
                type: "jsonb",
                nullable: true);

            // Rows stored before this migration get their operation from their event type (the
            // append-only trigger is lifted for this one statement of the migration); they carry no
            // version, province or state. The CHECKs hold for every row written from now on.
            migrationBuilder.Sql("""
                ALTER TABLE domain_events DISABLE TRIGGER trg_domain_events_append_only;
                UPDATE domain_events SET operation = CASE WHEN event_type = 'CooperativeRegistered' THEN 'created' ELSE 'updated' END;
                ALTER TABLE domain_events ENABLE TRIGGER trg_domain_events_append_only;
                ALTER TABLE domain_events ALTER COLUMN operation SET NOT NULL;
                ALTER TABLE domain_events ADD CONSTRAINT ck_domain_events_operation
                    CHECK (operation IN ('created', 'updated', 'deleted'));
                ALTER TABLE domain_events ADD CONSTRAINT ck_domain_events_change
                    CHECK (aggregate_version >= 1 AND (operation = 'deleted') = (state IS NULL)) NOT VALID;
                """);

            // The change feed: (xact_id, id) order from a cursor, whole or by type or by province.
            migrationBuilder.CreateIndex(
                name: "ix_domain_events_feed",
                table: "domain_events",
                columns: new[] { "xact_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_feed_by_type",
                table: "domain_events",
                columns: new[] { "aggregate_type", "xact_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_feed_by_province",
                table: "domain_events",
                columns: new[] { "province_code", "xact_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_feed_by_previous_province",
                table: "domain_events",
                columns: new[] { "previous_province_code", "xact_id", "id" },
                filter: "previous_province_code IS DISTINCT FROM province_code");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(name: "ix_domain_events_feed", table: "domain_events");
            migrationBuilder.DropIndex(name: "ix_domain_events_feed_by_type", table: "domain_events");
            migrationBuilder.DropIndex(name: "ix_domain_events_feed_by_province", table: "domain_events");
            migrationBuilder.DropIndex(name: "ix_domain_events_feed_by_previous_province", table: "domain_events");
            migrationBuilder.Sql("""
                ALTER TABLE domain_events DROP CONSTRAINT ck_domain_events_change;
                ALTER TABLE domain_events DROP CONSTRAINT ck_domain_events_operation;
                """);
            migrationBuilder.DropColumn(name: "aggregate_version", table: "domain_events");
            migrationBuilder.DropColumn(name: "operation", table: "domain_events");
            migrationBuilder.DropColumn(name: "previous_province_code", table: "domain_events");
            migrationBuilder.DropColumn(name: "province_code", table: "domain_events");
            migrationBuilder.DropColumn(name: "state", table: "domain_events");
            migrationBuilder.DropCheckConstraint(name: "ck_cooperatives_version", table: "cooperatives");
            migrationBuilder.DropColumn(name: "version", table: "cooperatives");
        }
    }
}
