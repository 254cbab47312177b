using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.ApiKeys;

namespace CoopApi.Application.ApiKeys;

/// <summary>
/// An API key as <c>GET /api/v1/api-keys/{id}</c> returns it (metadata only, never the key or its
/// hash). Stored with the key's events for the audit trail; kept out of the change feed, which
/// carries the register to every reader, not security configuration.
/// </summary>
public sealed class ApiKeyRepresentation : ResourceRepresentation<ApiKey, ApiKeyDto>
{
    /// <inheritdoc />
    public override string EntityType => ApiKey.Type;

    /// <inheritdoc />
    public override bool InChangeFeed => false;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/api/v1/api-keys/{id}";

    /// <inheritdoc />
    protected override ApiKeyDto Represent(ApiKey aggregate) => aggregate.ToDto();
}
