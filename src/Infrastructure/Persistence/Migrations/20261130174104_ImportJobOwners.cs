using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ImportJobOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "heartbeat_at",
                table: "import_jobs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner_instance",
                table: "import_jobs",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_import_jobs_owner_instance_state",
                table: "import_jobs",
                columns: new[] { "owner_instance", "state" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_import_jobs_owner_instance_state",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "import_jobs");

            migrationBuilder.DropColumn(
                name: "owner_instance",
                table: "import_jobs");
        }
    }
}
