using CoopApi.Application.ApiKeys.Queries.AuthenticateApiKey;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.ApiKeys;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.ApiKeys.Commands.RevokeApiKey;

/// <summary>
/// Revokes an API key: from now on it authenticates nobody. Idempotent: revoking a revoked key
/// keeps its first revocation time.
/// </summary>
/// <param name="Id">The key.</param>
public sealed record RevokeApiKeyCommand(Guid Id) : ICommand<Unit>;

/// <summary>Handles <see cref="RevokeApiKeyCommand"/>.</summary>
public sealed class RevokeApiKeyCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ApiKeyValidationCache cache)
    : IRequestHandler<RevokeApiKeyCommand, Unit>
{
    /// <inheritdoc />
    public async Task<Unit> Handle(RevokeApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = await db.Set<ApiKey>().SingleOrDefaultAsync(k => k.Id == request.Id, cancellationToken)
                  ?? throw new NotFoundException("API key", "khóa API", request.Id);
        key.Revoke(calendar.Now);
        await db.SaveChangesAsync(cancellationToken);
        cache.Forget(key.Id); // this instance refuses the key from the next request on
        return Unit.Value;
    }
}
