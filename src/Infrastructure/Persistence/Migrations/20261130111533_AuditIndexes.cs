using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AuditIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_domain_events_actor_id",
                table: "domain_events",
                columns: new[] { "actor", "id" },
                filter: "actor IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_domain_events_occurred_at",
                table: "domain_events",
                column: "occurred_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_domain_events_actor_id",
                table: "domain_events");

            migrationBuilder.DropIndex(
                name: "ix_domain_events_occurred_at",
                table: "domain_events");
        }
    }
}
