using System.Reflection;
using CoopApi.Application.Partnerships.Queries.GetPartnershipStatistics;
using CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;
using CoopApi.Domain.Partnerships;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>The query string of <c>GET /api/v1/partnership-agreements</c>, read strictly.</summary>
internal sealed class ListPartnershipAgreementsParameters
{
    /// <summary>The query to send.</summary>
    public required ListPartnershipAgreementsQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<ListPartnershipAgreementsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var year = q.Integer("year", 0, PartnershipRules.EarliestYear, PartnershipRules.LatestYear);
        var query = new ListPartnershipAgreementsQuery
        {
            ProvinceCode = q.String("provinceCode"),
            Status = q.Enums<AgreementStatus>("status"),
            PartyKind = q.Enums<PartyKind>("partyKind"),
            Year = year == 0 ? null : year,
            Q = q.String("q"),
            Page = q.Integer("page", 1, 1, 100_000),
            PageSize = q.Integer("pageSize", 20, 1, 200),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListPartnershipAgreementsParameters?>(new ListPartnershipAgreementsParameters { Query = query });
    }
}

/// <summary>The query string of <c>GET /api/v1/statistics/partnerships</c>.</summary>
internal sealed class PartnershipStatisticsParameters
{
    /// <summary>The query to send.</summary>
    public required GetPartnershipStatisticsQuery Query { get; init; }

    /// <summary>Binds from the request.</summary>
    public static ValueTask<PartnershipStatisticsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var year = q.Integer("year", 0, PartnershipRules.EarliestYear, PartnershipRules.LatestYear);
        var query = new GetPartnershipStatisticsQuery { ProvinceCode = q.String("provinceCode"), Year = year == 0 ? null : year };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<PartnershipStatisticsParameters?>(new PartnershipStatisticsParameters { Query = query });
    }
}
