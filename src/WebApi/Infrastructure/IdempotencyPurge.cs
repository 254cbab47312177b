using CoopApi.Application.Common.Interfaces;
using CoopApi.Infrastructure.Idempotency;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Deletes expired idempotency keys every <see cref="IdempotencyOptions.PurgeIntervalMinutes"/>
/// minutes, on each API instance (the store's purge is safe to run on several at once). Keys
/// are never served after they expire whether or not this has run yet: the purge only frees
/// the space. A database that is out of reach skips a round; the next one catches up.
/// </summary>
internal sealed class IdempotencyPurge(IServiceScopeFactory scopes, IdempotencyOptions options, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.PurgeIntervalMinutes));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await PurgeOnceAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task PurgeOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var purged = await scope.ServiceProvider.GetRequiredService<IIdempotencyStore>().PurgeExpiredAsync(stoppingToken);
            if (purged > 0)
            {
                logger.LogInformation("Purged {Count} expired idempotency keys", purged);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && DatabaseFaults.IsUnavailable(ex))
        {
            logger.LogWarning("Purge of expired idempotency keys skipped: {Reason}", ex.GetBaseException().Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Never stops the host (a failed background service would): the next round tries again.
            logger.LogError(ex, "Purge of expired idempotency keys failed");
        }
    }
}
