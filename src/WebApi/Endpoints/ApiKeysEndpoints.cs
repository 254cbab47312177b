using CoopApi.Application.ApiKeys;
using CoopApi.Application.ApiKeys.Commands.CreateApiKey;
using CoopApi.Application.ApiKeys.Commands.RevokeApiKey;
using CoopApi.Application.ApiKeys.Queries.GetApiKey;
using CoopApi.Application.ApiKeys.Queries.ListApiKeys;
using CoopApi.WebApi.Infrastructure;
using CoopApi.WebApi.Security;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// API keys of machine clients (admin scope). A key is shown once, when it is made; the API
/// keeps only its hash. Rotate a key by making a new one and revoking the old.
/// </summary>
internal sealed class ApiKeysEndpoints : IEndpointGroup
{
    private const string Route = "api/v1/api-keys";

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup(Route, "ApiKeys").RequireScope(Domain.ApiKeys.ApiScopes.Admin);
        group.MapPost("", CreateApiKey).WithName(nameof(CreateApiKey))
            .AcceptsJson<CreateApiKeyCommand>()
            .Produces<CreatedApiKeyDto>(StatusCodes.Status201Created);
        group.MapGet("", ListApiKeys).WithName(nameof(ListApiKeys))
            .Produces<IReadOnlyList<ApiKeyDto>>();
        group.MapGet("{id:guid}", GetApiKey).WithName(nameof(GetApiKey))
            .Produces<ApiKeyDto>()
            .ProducesProblemOf(StatusCodes.Status404NotFound);
        group.MapDelete("{id:guid}", RevokeApiKey).WithName(nameof(RevokeApiKey))
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblemOf(StatusCodes.Status404NotFound);
    }

    /// <summary>Make an API key.</summary>
    /// <remarks>
    /// The answer holds the key in <c>key</c>: this is the only time it is shown (the API stores
    /// only its SHA-256 hash). Send it as <c>Authorization: ApiKey &lt;key&gt;</c> or
    /// <c>X-Api-Key: &lt;key&gt;</c>. Scopes: <c>read</c>, <c>write</c>, <c>classify</c>,
    /// <c>admin</c>; provinces: current province codes the key may write in, or <c>["*"]</c> for
    /// a national system. Example body:
    /// <c>{ "name": "Bắc Ninh provincial system", "scopes": ["read","write"], "provinces": ["24"], "expiresAt": "2027-06-30T00:00:00+07:00" }</c>
    /// </remarks>
    /// <param name="command">Name, scopes, provinces and optional expiry.</param>
    /// <param name="http">The exchange (Location).</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="201">Made; <c>key</c> is shown this once, <c>Location</c> points at its metadata.</response>
    /// <response code="400">A field is missing or invalid (unknown scope, unknown province, expiry not in the future).</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the admin scope.</response>
    /// <response code="413">The body is larger than 1 MB.</response>
    /// <response code="415">The body is not sent as application/json.</response>
    public static async Task<IResult> CreateApiKey([FromBody] CreateApiKeyCommand command, HttpContext http, IMediator mediator, CancellationToken ct)
    {
        var created = await mediator.Send(command, ct);
        return TypedResults.Created(PublicLinks.To(http, $"/{Route}/{created.ApiKey.Id}"), created);
    }

    /// <summary>List API keys.</summary>
    /// <remarks>Every key, newest first, revoked and expired ones included: metadata only, never a key or its hash.</remarks>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The keys.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the admin scope.</response>
    public static async Task<IResult> ListApiKeys(IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new ListApiKeysQuery(), ct));

    /// <summary>Get one API key's metadata.</summary>
    /// <remarks>Never the key or its hash: the key was shown once, when it was made.</remarks>
    /// <param name="id">Identifier of the key.</param>
    /// <param name="mediator">Sends the query.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="200">The key's metadata.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the admin scope.</response>
    /// <response code="404">No key has this id.</response>
    public static async Task<IResult> GetApiKey(Guid id, IMediator mediator, CancellationToken ct) =>
        TypedResults.Ok(await mediator.Send(new GetApiKeyQuery(id), ct));

    /// <summary>Revoke an API key.</summary>
    /// <remarks>From the next request on, the key authenticates nobody. Revoking a revoked key is not an error (204 again).</remarks>
    /// <param name="id">Identifier of the key.</param>
    /// <param name="mediator">Sends the command.</param>
    /// <param name="ct">Cancellation.</param>
    /// <response code="204">Revoked.</response>
    /// <response code="401">No valid credential.</response>
    /// <response code="403">The credential lacks the admin scope.</response>
    /// <response code="404">No key has this id.</response>
    public static async Task<IResult> RevokeApiKey(Guid id, IMediator mediator, CancellationToken ct)
    {
        await mediator.Send(new RevokeApiKeyCommand(id), ct);
        return TypedResults.NoContent();
    }
}
