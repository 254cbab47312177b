using System.Reflection;
using CoopApi.Application.OcopProducts.Queries.ListOcopProducts;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>The query string of <c>GET /api/v1/ocop-products</c>, read strictly (see <see cref="StrictQuery"/>).</summary>
internal sealed class ListOcopProductsParameters
{
    /// <summary>The query to send.</summary>
    public required ListOcopProductsQuery Query { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ListOcopProductsParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListOcopProductsQuery
        {
            Stars = q.Parsed<int>("stars", v => int.TryParse(v, System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 3 and <= 5 ? n : null, ExpectedValues.Integer(3, 5)),
            ProvinceCode = q.String("provinceCode"),
            ActiveOn = q.Date("activeOn"),
            Page = q.Integer("page", 1, 1, ListOcopProductsQuery.MaxPage),
            PageSize = q.Integer("pageSize", 20, 1, ListOcopProductsQuery.MaxPageSize),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListOcopProductsParameters?>(new ListOcopProductsParameters { Query = query });
    }
}

/// <summary>The query string of the single-organization OCOP reads: only <c>asOf</c>, read strictly.</summary>
internal sealed class OcopAsOfParameters
{
    /// <summary>The date statuses are computed for; null: today in Vietnam.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<OcopAsOfParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var asOf = q.Date("asOf");
        q.ThrowIfInvalid();
        return ValueTask.FromResult<OcopAsOfParameters?>(new OcopAsOfParameters { AsOf = asOf });
    }
}
