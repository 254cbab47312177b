using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Messaging;
using MediatR;

namespace CoopApi.Application.ApiKeys.Queries.GetApiKey;

/// <summary>One API key's metadata.</summary>
/// <param name="Id">The key.</param>
public sealed record GetApiKeyQuery(Guid Id) : IQuery<ApiKeyDto>;

/// <summary>Handles <see cref="GetApiKeyQuery"/>.</summary>
public sealed class GetApiKeyQueryHandler(IApiKeyReadModel keys) : IRequestHandler<GetApiKeyQuery, ApiKeyDto>
{
    /// <inheritdoc />
    public async Task<ApiKeyDto> Handle(GetApiKeyQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await keys.FindAsync(request.Id, cancellationToken)
               ?? throw new NotFoundException("API key", "khóa API", request.Id);
    }
}
