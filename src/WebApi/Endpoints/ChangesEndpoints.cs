using CoopApi.Application.Changes;
using CoopApi.Application.Changes.Queries.ListChanges;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The change feed: every create, update, status change and delete of every resource, in commit
/// order, for systems that keep a copy of the register in sync.
/// </summary>
internal sealed class ChangesEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api/v1/changes", "Changes").RequireScope(Domain.ApiKeys.ApiScopes.Read);
        group.MapGet("", Changes).WithName(nameof(Changes))
            .WithMetadata(new QueryParametersMetadata(typeof(ListChangesQuery)))
            .Produces<ChangePageDto>()
            .ProducesFieldErrors();
    }

    /// <summary>Changes after a cursor, oldest first.</summary>
    /// <remarks>
    /// Start without <c>after</c>, then pass each answer's <c>nextCursor</c> as <c>after</c>; while
    /// <c>hasMore</c> is true, ask again at once, otherwise poll later. Applying every entry in order
    /// (<c>data</c> replaces your copy; <c>deleted</c> removes it) leaves you with exactly the
    /// register's state. Nothing is skipped or repeated, even when transactions commit in another
    /// order than they began: an entry appears only once every transaction that began before it has
    /// ended, so a long-running write holds the feed back until it ends. Filters: <c>entityType</c>
    /// (e.g. <c>cooperative</c>) and <c>provinceCode</c> (changes of resources in the province,
    /// including the one that moved a resource out of it). Per resource, entries come in
    /// <c>version</c> order. Example: <c>GET /api/v1/changes?after=7421-1033&amp;limit=500&amp;provinceCode=24</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">Up to <c>limit</c> changes, the cursor to continue from, and whether more are ready.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid (a cursor this feed did not issue, a limit outside 1–1000, an unknown entity type or province).</response>
    public static async Task<IResult> Changes(ListChangesParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(parameters.Query, ct));
}
