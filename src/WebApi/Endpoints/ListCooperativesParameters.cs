using System.Reflection;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The query string of <c>GET /api/v1/cooperatives</c>, read strictly (see <see cref="StrictQuery"/>):
/// <c>kind</c>, <c>sector</c> and <c>status</c> may repeat (any of the values), every other
/// parameter may appear once, and an unknown parameter is refused.
/// </summary>
internal sealed class ListCooperativesParameters
{
    /// <summary>The query to send.</summary>
    public required ListCooperativesQuery Query { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ListCooperativesParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListCooperativesQuery
        {
            Kind = q.Enums<OrganizationKind>("kind"),
            Sector = q.Enums<Sector>("sector"),
            Status = q.Enums<OrganizationStatus>("status"),
            ProvinceCode = q.String("provinceCode"),
            CommuneCode = q.String("communeCode"),
            IsYouthCooperative = q.Boolean("isYouthCooperative"),
            EstablishedFrom = q.Date("establishedFrom"),
            EstablishedTo = q.Date("establishedTo"),
            Q = q.String("q"),
            Sort = q.String("sort"),
            Page = q.Integer("page", 1, 1, ListCooperativesQueryValidator.MaxPage),
            PageSize = q.Integer("pageSize", 20, 1, ListCooperativesQuery.MaxPageSize),
            Cursor = q.String("cursor"),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListCooperativesParameters?>(new ListCooperativesParameters { Query = query });
    }
}
