using System.Reflection;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// A feature's HTTP endpoints. Every non-abstract implementation in this assembly is found and
/// mapped at start-up, so a new feature adds its file and edits no registry.
/// </summary>
internal interface IEndpointGroup
{
    /// <summary>Maps the group's routes.</summary>
    void Map(IEndpointRouteBuilder app);
}

/// <summary>Finds and maps every <see cref="IEndpointGroup"/>.</summary>
internal static class EndpointGroups
{
    /// <summary>The endpoint groups of this assembly, by name.</summary>
    public static IReadOnlyList<Type> All { get; } = typeof(IEndpointGroup).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IEndpointGroup).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Maps every endpoint group.</summary>
    public static IEndpointRouteBuilder MapEndpointGroups(this IEndpointRouteBuilder app)
    {
        foreach (var type in All)
        {
            var group = (IEndpointGroup)Activator.CreateInstance(type, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance,
                binder: null, args: null, culture: null)!;
            group.Map(app);
        }

        return app;
    }
}

/// <summary>Metadata every endpoint group shares.</summary>
internal static class EndpointConventions
{
    /// <summary>
    /// JSON responses, problem bodies for errors, and 500 documented on every operation; every
    /// POST honours <c>Idempotency-Key</c> (<see cref="IdempotentPosts{TBuilder}"/>).
    /// </summary>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix)
            .WithTags(tag)
            .WithMetadata(
                new ProducesResponseTypeMetadata(StatusCodes.Status500InternalServerError, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]),
                new ProducesResponseTypeMetadata(StatusCodes.Status503ServiceUnavailable, typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]))
            .IdempotentPosts();

    /// <summary>
    /// Every POST of the group, present and future, gets the <see cref="IdempotencyFilter"/> as
    /// its outermost filter, the <see cref="IdempotentPostMetadata"/> that documents the header,
    /// and its 422 response.
    /// </summary>
    public static TBuilder IdempotentPosts<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // HttpMethodMetadata is added before group conventions run.
            if (!endpoint.Metadata.OfType<IHttpMethodMetadata>().Any(m => m.HttpMethods.Contains(HttpMethods.Post, StringComparer.OrdinalIgnoreCase)))
            {
                return;
            }

            endpoint.FilterFactories.Insert(0, IdempotencyFilter.Create);
            endpoint.Metadata.Add(IdempotentPostMetadata.Instance);
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status422UnprocessableEntity,
                typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), ["application/problem+json"]));
        });
        return builder;
    }

    /// <summary>A 400 answer with field errors.</summary>
    public static RouteHandlerBuilder ProducesFieldErrors(this RouteHandlerBuilder builder) =>
        builder.Produces<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(StatusCodes.Status400BadRequest, "application/problem+json");

    /// <summary>
    /// An endpoint that reads a JSON body of <typeparamref name="TBody"/>: it may answer 400 with
    /// field errors, 413 (too large) and 415 (not JSON).
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder builder) where TBody : notnull =>
        builder.Accepts<TBody>("application/json")
            .ProducesFieldErrors()
            .ProducesProblemOf(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblemOf(StatusCodes.Status415UnsupportedMediaType);

    /// <summary>
    /// A write to an existing record that requires <c>If-Match</c> (the endpoint reads it with
    /// <see cref="Infrastructure.EntityTags.RequireIfMatch"/>): it may answer 412 (stale) and 428
    /// (missing), and the OpenAPI document shows the header as required
    /// (<see cref="OpenApi.IfMatchOperationFilter"/>).
    /// </summary>
    public static RouteHandlerBuilder RequiresIfMatch(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OpenApi.IfMatchRequiredMetadata())
            .ProducesProblemOf(StatusCodes.Status412PreconditionFailed)
            .Produces<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(StatusCodes.Status428PreconditionRequired, "application/problem+json");

    /// <summary>A problem answer without field errors.</summary>
    public static RouteHandlerBuilder ProducesProblemOf(this RouteHandlerBuilder builder, int status) =>
        builder.Produces<Microsoft.AspNetCore.Mvc.ProblemDetails>(status, "application/problem+json");
}

/// <summary>Marks an endpoint that honours <c>Idempotency-Key</c> (for the OpenAPI document).</summary>
internal sealed class IdempotentPostMetadata
{
    /// <summary>The one instance.</summary>
    public static IdempotentPostMetadata Instance { get; } = new();

    private IdempotentPostMetadata()
    {
    }
}
