using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <summary>
    /// Covering indexes of the statistics read side (ReadSide/StatisticsReadModel.cs). They are not in
    /// the EF model (nothing the write side maps needs them, and INCLUDE columns belong to the read
    /// side's queries), so they are created here in SQL and the model snapshot is unchanged:
    /// <list type="bullet">
    /// <item><c>ix_cooperatives_statistics</c>: area, founding date, and every column the aggregates
    /// read, so that the overview, the per-area overview and the foundings per year are index-only
    /// scans of the area (or of the whole index, nationally) instead of heap scans;</item>
    /// <item><c>ix_status_changes_statistics</c>: suspensions and dissolutions by effective date, with
    /// the organization, for the establishments per year.</item>
    /// </list>
    /// The status on a past date reads the existing <c>(cooperative_id, sequence)</c> index backwards.
    /// </summary>
    public partial class StatisticsIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX ix_cooperatives_statistics ON cooperatives (province_code, commune_code, established_on)
                    INCLUDE (id, kind, status, sector, charter_capital, member_count, employee_count, is_youth_cooperative);
                CREATE INDEX ix_status_changes_statistics ON status_changes (to_status, effective_on) INCLUDE (cooperative_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_status_changes_statistics; DROP INDEX IF EXISTS ix_cooperatives_statistics;");
        }
    }
}
