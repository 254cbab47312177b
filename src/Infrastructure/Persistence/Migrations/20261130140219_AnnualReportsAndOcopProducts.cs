using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoopApi.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AnnualReportsAndOcopProducts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "annual_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cooperative_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    revenue = table.Column<long>(type: "bigint", nullable: false),
                    pre_tax_profit = table.Column<long>(type: "bigint", nullable: false),
                    charter_capital = table.Column<long>(type: "bigint", nullable: false),
                    equity = table.Column<long>(type: "bigint", nullable: false),
                    total_capital = table.Column<long>(type: "bigint", nullable: false),
                    official_members = table.Column<int>(type: "integer", nullable: false),
                    associate_members = table.Column<int>(type: "integer", nullable: false),
                    employees = table.Column<int>(type: "integer", nullable: false),
                    average_member_income = table.Column<long>(type: "bigint", nullable: false),
                    member_needs_served_share = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    size_class = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_annual_reports", x => x.id);
                    table.CheckConstraint("ck_annual_reports_associate_members", "associate_members BETWEEN 0 AND 10000000");
                    table.CheckConstraint("ck_annual_reports_average_member_income", "average_member_income BETWEEN 0 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_charter_capital", "charter_capital BETWEEN 0 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_employees", "employees BETWEEN 0 AND 10000000");
                    table.CheckConstraint("ck_annual_reports_equity", "equity BETWEEN 0 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_member_needs_served_share", "member_needs_served_share BETWEEN 0 AND 100");
                    table.CheckConstraint("ck_annual_reports_official_members", "official_members BETWEEN 0 AND 10000000");
                    table.CheckConstraint("ck_annual_reports_pre_tax_profit", "pre_tax_profit BETWEEN -1000000000000000 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_revenue", "revenue BETWEEN 0 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_size_class", "size_class IN ('micro', 'small', 'medium', 'large')");
                    table.CheckConstraint("ck_annual_reports_total_capital", "total_capital BETWEEN 0 AND 1000000000000000");
                    table.CheckConstraint("ck_annual_reports_total_capital_covers_equity", "total_capital >= equity");
                    table.CheckConstraint("ck_annual_reports_version", "version >= 1");
                    table.CheckConstraint("ck_annual_reports_year", "year >= 1900");
                    table.ForeignKey(
                        name: "fk_annual_reports_cooperatives_cooperative_id",
                        column: x => x.cooperative_id,
                        principalTable: "cooperatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ocop_products",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    cooperative_id = table.Column<Guid>(type: "uuid", nullable: false),
                    province_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    product_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "vietnamese"),
                    stars = table.Column<int>(type: "integer", nullable: false),
                    certified_on = table.Column<DateOnly>(type: "date", nullable: false),
                    certified_by = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    certificate_number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false, defaultValue: 1)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ocop_products", x => x.id);
                    table.CheckConstraint("ck_ocop_products_certificate_number_not_blank", "certificate_number ~ '[^[:space:]]'");
                    table.CheckConstraint("ck_ocop_products_certified_by", "certified_by IN ('province', 'central')");
                    table.CheckConstraint("ck_ocop_products_certified_on", "certified_on >= DATE '2018-05-07'");
                    table.CheckConstraint("ck_ocop_products_certifier", "(stars = 5 AND certified_by = 'central') OR (stars < 5 AND certified_by = 'province')");
                    table.CheckConstraint("ck_ocop_products_expires_on", "expires_on = (certified_on + interval '36 months')::date");
                    table.CheckConstraint("ck_ocop_products_product_name_not_blank", "product_name ~ '[^[:space:]]'");
                    table.CheckConstraint("ck_ocop_products_stars", "stars BETWEEN 3 AND 5");
                    table.CheckConstraint("ck_ocop_products_version", "version >= 1");
                    table.ForeignKey(
                        name: "fk_ocop_products_cooperatives_cooperative_id",
                        column: x => x.cooperative_id,
                        principalTable: "cooperatives",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_annual_reports_cooperative_id_year",
                table: "annual_reports",
                columns: new[] { "cooperative_id", "year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_annual_reports_province_code_year",
                table: "annual_reports",
                columns: new[] { "province_code", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_ocop_products_cooperative_id_certificate_number_product_name",
                table: "ocop_products",
                columns: new[] { "cooperative_id", "certificate_number", "product_name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_ocop_products_expires_on_certified_on",
                table: "ocop_products",
                columns: new[] { "expires_on", "certified_on" });

            migrationBuilder.CreateIndex(
                name: "ix_ocop_products_province_code_stars_id",
                table: "ocop_products",
                columns: new[] { "province_code", "stars", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_ocop_products_stars_id",
                table: "ocop_products",
                columns: new[] { "stars", "id" });

            // An organization with yearly records is not withdrawn as an entry made in error: a named
            // error (each feature's constraint errors map it to 409) instead of the foreign key's,
            // which a write that raced a withdrawal raises too.
            migrationBuilder.Sql("""
                CREATE FUNCTION coop_cooperatives_keep_yearly_records() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM annual_reports WHERE cooperative_id = OLD.id) THEN
                        RAISE EXCEPTION 'organization % has annual reports', OLD.id
                            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'cooperatives_keep_annual_reports', TABLE = 'cooperatives';
                    END IF;
                    IF EXISTS (SELECT 1 FROM ocop_products WHERE cooperative_id = OLD.id) THEN
                        RAISE EXCEPTION 'organization % has OCOP products', OLD.id
                            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = 'cooperatives_keep_ocop_products', TABLE = 'cooperatives';
                    END IF;
                    RETURN OLD;
                END $$;
                CREATE TRIGGER trg_cooperatives_keep_yearly_records BEFORE DELETE ON cooperatives
                    FOR EACH ROW EXECUTE FUNCTION coop_cooperatives_keep_yearly_records();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_cooperatives_keep_yearly_records ON cooperatives;
                DROP FUNCTION coop_cooperatives_keep_yearly_records();
                """);

            migrationBuilder.DropTable(
                name: "annual_reports");

            migrationBuilder.DropTable(
                name: "ocop_products");
        }
    }
}
