using CoopApi.Application.Audit;
using CoopApi.Application.Audit.Queries.ListAuditEntries;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The audit trail: who changed which record, when, in which request, and each field's value
/// before and after, read from the stored domain events (no second record).
/// </summary>
internal sealed class AuditEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("api/v1/audit", "Audit").RequireScope(Domain.ApiKeys.ApiScopes.Admin);
        group.MapGet("", ListAudit).WithName(nameof(ListAudit))
            .WithMetadata(new QueryParametersMetadata(typeof(ListAuditEntriesQuery)))
            .Produces<AuditPageDto>()
            .ProducesFieldErrors();
    }

    /// <summary>The audit trail, newest first, filtered and paged by cursor.</summary>
    /// <remarks>
    /// Every accepted change of a record is one entry, written in the transaction of the change
    /// (a rejected request leaves none): <c>actor</c> (the key, <c>apikey:&lt;prefix&gt;</c>, or the token's subject; null for changes made without a request, such as the demo data loaded at start-up),
    /// <c>occurredAt</c>, <c>traceId</c> (the request's W3C trace id, from its <c>traceparent</c>
    /// header when it sent one), <c>event</c>, and <c>changes</c>, each changed field with its value
    /// <c>before</c> and <c>after</c>. A registration lists the status and every recorded (non-empty) field with <c>before</c>
    /// null; a status change lists <c>status</c> and gives <c>effectiveOn</c> and <c>reason</c> in
    /// <c>context</c>; a kind of event this version cannot read field by field comes with its
    /// stored <c>payload</c> and no changes.
    /// Filters combine with AND; <c>entityId</c> needs <c>entityType</c>; <c>from</c> and <c>to</c>
    /// are instants with an offset, both inclusive. Pages are stable: pass <c>nextCursor</c> as
    /// <c>after</c> for the next (older) page; it is null on the last page. The trail is for people
    /// reading history; to follow changes as they commit, use the change feed. Needs the
    /// <c>admin</c> scope (an API key or a token): it names who did what.
    /// Example: <c>GET /api/v1/audit?entityType=cooperative&amp;entityId=019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b&amp;limit=20</c>
    /// </remarks>
    /// <param name="parameters">The query string.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">One page of entries, newest first, and the cursor of the next page.</response>
    /// <response code="400">A parameter is unknown, repeated or invalid (an instant without offset, <c>to</c> before <c>from</c>, <c>entityId</c> without <c>entityType</c>, <c>limit</c> above 500…).</response>
    public static async Task<IResult> ListAudit(AuditParameters parameters, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(parameters.Query, ct));
}
