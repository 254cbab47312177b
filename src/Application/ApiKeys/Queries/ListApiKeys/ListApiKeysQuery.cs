using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.ApiKeys.Queries.ListApiKeys;

/// <summary>Every API key's metadata, newest first (revoked and expired keys included).</summary>
public sealed record ListApiKeysQuery : IQuery<IReadOnlyList<ApiKeyDto>>;

/// <summary>Handles <see cref="ListApiKeysQuery"/>.</summary>
public sealed class ListApiKeysQueryHandler(IApiKeyReadModel keys) : IRequestHandler<ListApiKeysQuery, IReadOnlyList<ApiKeyDto>>
{
    /// <inheritdoc />
    public Task<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeysQuery request, CancellationToken cancellationToken) =>
        keys.ListAsync(cancellationToken);
}
