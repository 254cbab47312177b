using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.AnnualReports;

/// <summary>The figures of one organization for one year, as reported (amounts in VND).</summary>
/// <param name="Revenue">Doanh thu of the year.</param>
/// <param name="PreTaxProfit">Lợi nhuận trước thuế (negative for a loss).</param>
/// <param name="CharterCapital">Vốn điều lệ at the year's end.</param>
/// <param name="Equity">Vốn chủ sở hữu at the year's end.</param>
/// <param name="TotalCapital">Tổng nguồn vốn (equity and liabilities) at the year's end.</param>
/// <param name="OfficialMembers">Thành viên chính thức.</param>
/// <param name="AssociateMembers">Thành viên liên kết.</param>
/// <param name="Employees">Người lao động.</param>
/// <param name="AverageMemberIncome">Thu nhập bình quân of a member in the year.</param>
/// <param name="MemberNeedsServedShare">Share of the members' needs the organization served, percent (0–100, 2 decimals).</param>
public sealed record AnnualReportFigures(long Revenue, long PreTaxProfit, long CharterCapital, long Equity, long TotalCapital,
    int OfficialMembers, int AssociateMembers, int Employees, long AverageMemberIncome, decimal MemberNeedsServedShare);

/// <summary>
/// The rules of yearly figures, each once: its limit, its check and (in <see cref="Errors"/>) its
/// stable code and text. The aggregate enforces them; the validator calls the same checks to
/// report every broken field at once; the database CHECKs use the same limits.
/// </summary>
public static class AnnualReportRules
{
    /// <summary>Largest amount accepted, in VND (10^15: a million billion; anything above is a typing error).</summary>
    public const long MaxAmount = 1_000_000_000_000_000L;

    /// <summary>Largest count accepted (members, employees).</summary>
    public const int MaxCount = OrganizationRules.MaxCount;

    /// <summary>Most decimals of the share of members' needs served.</summary>
    public const int ShareDecimals = 2;

    /// <summary>Earliest year accepted before the organization is known (its founding year is checked then).</summary>
    public const int EarliestYear = 1900;

    /// <summary>The amounts that may not be negative, by API name.</summary>
    public static readonly IReadOnlyList<string> NonNegativeAmounts =
        ["revenue", "charterCapital", "equity", "totalCapital", "averageMemberIncome"];

    /// <summary>The counts, by API name.</summary>
    public static readonly IReadOnlyList<string> Counts = ["officialMembers", "associateMembers", "employees"];

    /// <summary>An amount that may not be negative: required, 0 to <see cref="MaxAmount"/>.</summary>
    public static DomainError? CheckAmount(string field, long? amount) =>
        amount is null ? Errors.Required(field)
        : amount < 0 ? Errors.Negative(field)
        : amount > MaxAmount ? Errors.TooLarge(field, MaxAmount)
        : null;

    /// <summary>The pre-tax profit: required, a loss allowed, at most <see cref="MaxAmount"/> either way.</summary>
    public static DomainError? CheckProfit(long? profit) =>
        profit is null ? Errors.Required("preTaxProfit")
        : profit > MaxAmount || profit < -MaxAmount ? Errors.ProfitOutOfRange
        : null;

    /// <summary>A count: required, 0 to <see cref="MaxCount"/>.</summary>
    public static DomainError? CheckCount(string field, int? count) =>
        count is null ? Errors.Required(field)
        : count < 0 ? Errors.Negative(field)
        : count > MaxCount ? Errors.TooLarge(field, MaxCount)
        : null;

    /// <summary>The share of members' needs served: required, 0 to 100, at most 2 decimals.</summary>
    public static DomainError? CheckShare(decimal? share) =>
        share is null ? Errors.Required("memberNeedsServedShare")
        : share < 0 || share > 100 ? Errors.ShareOutOfRange
        : decimal.Round(share.Value, ShareDecimals) != share.Value ? Errors.ShareTooPrecise
        : null;

    /// <summary>Total capital includes equity, so it is never below it (checked when both are valid).</summary>
    public static DomainError? CheckTotalCapitalCoversEquity(long? totalCapital, long? equity) =>
        totalCapital is { } total && equity is { } own && total >= 0 && own >= 0 && total < own ? Errors.TotalCapitalBelowEquity : null;

    /// <summary>The year, before the organization is known: required, from <see cref="EarliestYear"/> to this year.</summary>
    public static DomainError? CheckYear(int? year, DateOnly today) =>
        year is null ? Errors.Required("year")
        : year < EarliestYear ? Errors.YearBeforeFounding(EarliestYear)
        : year > today.Year ? Errors.YearInFuture(today.Year)
        : null;

    /// <summary>The year of an organization's report: not before its founding year, not after this year.</summary>
    public static DomainError? CheckYearOf(int year, DateOnly establishedOn, DateOnly today) =>
        year < establishedOn.Year ? Errors.YearBeforeFounding(establishedOn.Year)
        : year > today.Year ? Errors.YearInFuture(today.Year)
        : null;

    /// <summary>Every broken rule of a complete set of figures.</summary>
    public static IEnumerable<DomainError> Check(AnnualReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        DomainError?[] errors =
        [
            CheckAmount("revenue", figures.Revenue),
            CheckProfit(figures.PreTaxProfit),
            CheckAmount("charterCapital", figures.CharterCapital),
            CheckAmount("equity", figures.Equity),
            CheckAmount("totalCapital", figures.TotalCapital),
            CheckTotalCapitalCoversEquity(figures.TotalCapital, figures.Equity),
            CheckCount("officialMembers", figures.OfficialMembers),
            CheckCount("associateMembers", figures.AssociateMembers),
            CheckCount("employees", figures.Employees),
            CheckAmount("averageMemberIncome", figures.AverageMemberIncome),
            CheckShare(figures.MemberNeedsServedShare),
        ];
        return errors.OfType<DomainError>();
    }

    /// <summary>The catalogue of the rules of yearly figures: stable code and text, in English and Vietnamese.</summary>
    public static class Errors
    {
        private static (string En, string Vi) NameOf(string field) => field switch
        {
            "year" => ("The year", "Năm báo cáo"),
            "revenue" => ("The revenue", "Doanh thu"),
            "preTaxProfit" => ("The pre-tax profit", "Lợi nhuận trước thuế"),
            "charterCapital" => ("The charter capital", "Vốn điều lệ"),
            "equity" => ("The equity", "Vốn chủ sở hữu"),
            "totalCapital" => ("The total capital", "Tổng nguồn vốn"),
            "officialMembers" => ("The number of official members", "Số thành viên chính thức"),
            "associateMembers" => ("The number of associate members", "Số thành viên liên kết"),
            "employees" => ("The number of employees", "Số người lao động"),
            "averageMemberIncome" => ("The average member income", "Thu nhập bình quân của thành viên"),
            "memberNeedsServedShare" => ("The share of members' needs served", "Tỷ lệ đáp ứng nhu cầu của thành viên"),
            _ => (field, field),
        };

        /// <summary>A required value is missing.</summary>
        public static DomainError Required(string field)
        {
            var (en, vi) = NameOf(field);
            return new DomainError(field, $"{field}.required", $"{en} is required.", $"{vi} là bắt buộc.");
        }

        /// <summary>An amount or count below zero.</summary>
        public static DomainError Negative(string field)
        {
            var (en, vi) = NameOf(field);
            return new DomainError(field, $"{field}.negative", $"{en} may not be negative.", $"{vi} không được âm.");
        }

        /// <summary>A value above its sensible limit.</summary>
        public static DomainError TooLarge(string field, long max)
        {
            var (en, vi) = NameOf(field);
            return new DomainError(field, $"{field}.tooLarge", $"{en} may be at most {max}.", $"{vi} không được vượt quá {max}.");
        }

        /// <summary>The profit or loss beyond the sensible limit.</summary>
        public static DomainError ProfitOutOfRange { get; } = new("preTaxProfit", "preTaxProfit.outOfRange",
            $"The pre-tax profit must lie between -{MaxAmount} and {MaxAmount} VND (a loss is negative).",
            $"Lợi nhuận trước thuế phải nằm trong khoảng từ -{MaxAmount} đến {MaxAmount} đồng (lỗ ghi số âm).");

        /// <summary>The share outside 0–100.</summary>
        public static DomainError ShareOutOfRange { get; } = new("memberNeedsServedShare", "memberNeedsServedShare.outOfRange",
            "The share of members' needs served is a percentage from 0 to 100.",
            "Tỷ lệ đáp ứng nhu cầu của thành viên là phần trăm từ 0 đến 100.");

        /// <summary>The share with more than two decimals.</summary>
        public static DomainError ShareTooPrecise { get; } = new("memberNeedsServedShare", "memberNeedsServedShare.precision",
            "The share of members' needs served has at most 2 decimals (e.g. 72.5).",
            "Tỷ lệ đáp ứng nhu cầu của thành viên có tối đa 2 chữ số thập phân (ví dụ 72.5).");

        /// <summary>Total capital below equity.</summary>
        public static DomainError TotalCapitalBelowEquity { get; } = new("totalCapital", "totalCapital.belowEquity",
            "The total capital (equity and liabilities) cannot be smaller than the equity.",
            "Tổng nguồn vốn (vốn chủ sở hữu và nợ phải trả) không thể nhỏ hơn vốn chủ sở hữu.");

        /// <summary>A year before the organization was founded.</summary>
        public static DomainError YearBeforeFounding(int foundingYear) => new("year", "year.beforeFounding",
            $"The year may not be before the organization's founding year ({foundingYear}).",
            $"Năm báo cáo không được trước năm thành lập của tổ chức ({foundingYear}).");

        /// <summary>A year still to come.</summary>
        public static DomainError YearInFuture(int currentYear) => new("year", "year.inFuture",
            $"The year may not be in the future (the current year is {currentYear}).",
            $"Năm báo cáo không được ở tương lai (năm hiện tại là {currentYear}).");
    }
}
