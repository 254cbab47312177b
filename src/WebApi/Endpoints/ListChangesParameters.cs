using System.Reflection;
using CoopApi.Application.Changes.Queries.ListChanges;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The query string of <c>GET /api/v1/changes</c>, read strictly (see <see cref="StrictQuery"/>):
/// each parameter at most once, unknown parameters refused.
/// </summary>
internal sealed class ListChangesParameters
{
    /// <summary>The query to send.</summary>
    public required ListChangesQuery Query { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<ListChangesParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListChangesQuery
        {
            After = q.String("after"),
            Limit = q.Integer("limit", ListChangesQuery.DefaultLimit, 1, ListChangesQuery.MaxLimit),
            EntityType = q.String("entityType"),
            ProvinceCode = q.String("provinceCode"),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<ListChangesParameters?>(new ListChangesParameters { Query = query });
    }
}
