using System.Globalization;
using System.Reflection;
using CoopApi.Application.Classifications.Queries.GetClassificationDistribution;
using CoopApi.Application.Classifications.Queries.ListClassifications;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>The query string of the classification reads of one organization: <c>includeHistory</c>, read strictly.</summary>
internal sealed class ClassificationHistoryParameters
{
    /// <summary>Also return every revision (corrections keep the earlier ones), oldest first, in <c>history</c>. Default false.</summary>
    public bool IncludeHistory { get; set; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ClassificationHistoryParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var result = new ClassificationHistoryParameters { IncludeHistory = q.Boolean("includeHistory") ?? false };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ClassificationHistoryParameters?>(result);
    }
}

/// <summary>The query string of <c>GET /api/v1/classifications</c>, read strictly; <c>rating</c> and <c>sector</c> may repeat.</summary>
internal sealed class ListClassificationsParameters
{
    private ListClassificationsParameters(ListClassificationsQuery query) => Query = query;

    /// <summary>The query to send.</summary>
    public ListClassificationsQuery Query { get; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ListClassificationsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListClassificationsQuery
        {
            Year = q.Parsed("year", ParseYear, YearExpected),
            ProvinceCode = q.String("provinceCode"),
            CommuneCode = q.String("communeCode"),
            Rating = q.Enums<Rating>("rating"),
            Sector = q.Enums<Sector>("sector"),
            Page = q.Integer("page", 1, 1, 100000),
            PageSize = q.Integer("pageSize", 20, 1, ListClassificationsQuery.MaxPageSize),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListClassificationsParameters?>(new ListClassificationsParameters(query));
    }

    internal static int? ParseYear(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= ClassificationRules.EarliestYear and <= 9999
            ? year
            : null;

    internal static string YearExpected => Text.Pick(
        $"a year, from {ClassificationRules.EarliestYear} (4 digits)", $"một năm, từ {ClassificationRules.EarliestYear} (4 chữ số)");
}

/// <summary>
/// The query string of <c>GET /api/v1/statistics/classifications</c>, read strictly: <c>year</c>, or
/// <c>fromYear</c> and <c>toYear</c>; <c>provinceCode</c>; <c>groupBy</c>.
/// </summary>
internal sealed class ClassificationDistributionParameters
{
    private ClassificationDistributionParameters(GetClassificationDistributionQuery query) => Query = query;

    /// <summary>One year (instead of <c>fromYear</c> and <c>toYear</c>).</summary>
    /// <example>2025</example>
    public int? Year { get; set; }

    /// <summary>First year of a time series (with <c>toYear</c>, at most 30 years).</summary>
    /// <example>2020</example>
    public int? FromYear { get; set; }

    /// <summary>Last year of a time series (with <c>fromYear</c>).</summary>
    /// <example>2025</example>
    public int? ToYear { get; set; }

    /// <summary>Only this province (as when assessed), 2 digits; absent: the whole register.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Split each year by <c>sector</c> or <c>commune</c>.</summary>
    public ClassificationGrouping? GroupBy { get; set; }

    /// <summary>The query to send.</summary>
    public GetClassificationDistributionQuery Query { get; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ClassificationDistributionParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var year = q.Parsed("year", ListClassificationsParameters.ParseYear, ListClassificationsParameters.YearExpected);
        var from = q.Parsed("fromYear", ListClassificationsParameters.ParseYear, ListClassificationsParameters.YearExpected);
        var to = q.Parsed("toYear", ListClassificationsParameters.ParseYear, ListClassificationsParameters.YearExpected);
        var groupBy = q.Enums<ClassificationGrouping>("groupBy");
        var query = new GetClassificationDistributionQuery { ProvinceCode = q.String("provinceCode") };
        q.ThrowIfInvalid();
        if (groupBy.Count > 1)
        {
            throw Rejected("groupBy", "groupBy may appear once.", "groupBy chỉ được xuất hiện một lần.");
        }

        if (year is not null && (from is not null || to is not null))
        {
            throw Rejected("year", "Send either year or fromYear and toYear, not both.", "Chỉ gửi year hoặc fromYear và toYear, không gửi cả hai.");
        }

        if (year is null && (from is null || to is null))
        {
            throw Rejected(from is null ? "fromYear" : "toYear", "Send year, or both fromYear and toYear.", "Hãy gửi year, hoặc cả fromYear và toYear.");
        }

        query.FromYear = year ?? from!.Value;
        query.ToYear = year ?? to!.Value;
        query.GroupBy = groupBy.Count == 1 ? groupBy[0] : null;
        return ValueTask.FromResult<ClassificationDistributionParameters?>(new ClassificationDistributionParameters(query));
    }

    private static RequestRejectedException Rejected(string field, string english, string vietnamese) =>
        new(new Dictionary<string, string[]> { [field] = [Text.Pick(english, vietnamese)] });
}
