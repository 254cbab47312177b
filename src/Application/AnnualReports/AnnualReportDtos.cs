using CoopApi.Domain.AnnualReports;

namespace CoopApi.Application.AnnualReports;

/// <summary>The figures of one organization for one year, as the API returns them (amounts in VND).</summary>
public sealed record AnnualReportDto
{
    /// <summary>Server-assigned identifier of the report (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5c</example>
    public required Guid Id { get; init; }

    /// <summary>The organization reporting.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid CooperativeId { get; init; }

    /// <summary>The year reported.</summary>
    /// <example>2024</example>
    public required int Year { get; init; }

    /// <summary>Province of the organization when the figures were last written (2 digits).</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Revenue of the year (doanh thu), VND.</summary>
    /// <example>12500000000</example>
    public required long Revenue { get; init; }

    /// <summary>Pre-tax profit (lợi nhuận trước thuế), VND; negative for a loss.</summary>
    /// <example>-150000000</example>
    public required long PreTaxProfit { get; init; }

    /// <summary>Charter capital at the year's end (vốn điều lệ), VND.</summary>
    /// <example>1500000000</example>
    public required long CharterCapital { get; init; }

    /// <summary>Equity at the year's end (vốn chủ sở hữu), VND.</summary>
    /// <example>2100000000</example>
    public required long Equity { get; init; }

    /// <summary>Total capital at the year's end (tổng nguồn vốn: equity and liabilities), VND.</summary>
    /// <example>6000000000</example>
    public required long TotalCapital { get; init; }

    /// <summary>Official members (thành viên chính thức).</summary>
    /// <example>210</example>
    public required int OfficialMembers { get; init; }

    /// <summary>Associate members (thành viên liên kết).</summary>
    /// <example>40</example>
    public required int AssociateMembers { get; init; }

    /// <summary>Employees (người lao động).</summary>
    /// <example>18</example>
    public required int Employees { get; init; }

    /// <summary>Average income of a member in the year, VND.</summary>
    /// <example>62000000</example>
    public required long AverageMemberIncome { get; init; }

    /// <summary>Share of the members' needs the organization served, percent (0–100, 2 decimals).</summary>
    /// <example>72.50</example>
    public required decimal MemberNeedsServedShare { get; init; }

    /// <summary>
    /// Size class computed by the server from the official members, revenue and total capital,
    /// with the thresholds of the organization's sector (Decree 113/2024/NĐ-CP). Absent for a
    /// cooperative group, which is not classified by size.
    /// </summary>
    /// <example>medium</example>
    public SizeClass? SizeClass { get; init; }

    /// <summary>When the figures were first filed (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When they were last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Version of the report: 1 when filed, one more for every accepted change. Also sent as the
    /// <c>ETag</c> header: send it back in <c>If-Match</c> to replace the figures.
    /// </summary>
    /// <example>2</example>
    public required int Version { get; init; }
}
