using System.Globalization;
using System.Security.Claims;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Import;
using CoopApi.Application.Import.Commands.ImportCooperatives;
using CoopApi.Domain.Common;
using CoopApi.Infrastructure.Import;
using CoopApi.WebApi.Security;
using FluentValidation;
using MediatR;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Runs this instance's background imports (<c>Prefer: respond-async</c>) one at a time, oldest
/// first: only the instance that received a file (its owner, <see cref="ImportJobOptions.InstanceId"/>)
/// runs its job, since the file is on its disk. At start-up every job this instance's previous
/// process left queued or running becomes <c>failed</c>: its transaction died with that process,
/// so nothing of it was written, and it must be sent again. Beside the imports a timer refreshes
/// the heartbeat of this instance's jobs (on its own connection, never in the import's
/// transaction) and fails other instances' jobs whose heartbeat is older than the lease (their
/// instance is gone). A job this instance lost that way is cancelled, so its transaction rolls
/// back. A job runs as the caller who started it (actor, scopes, provinces and language recorded
/// with it), through the same command as a request answered at once, in one transaction.
/// </summary>
internal sealed partial class ImportJobWorker(IServiceScopeFactory scopes, IImportJobStore jobs, IHttpContextAccessor accessor,
    ImportJobOptions options, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<ImportJobWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest pause between two attempts while the database is out of reach.</summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private (Guid Id, CancellationTokenSource Lost)? _running;
    private int _failuresInARow;
    private DateTimeOffset? _interruptedNotFailedSince;

    /// <summary>
    /// Fails this instance's own jobs left by its previous process before anything else starts,
    /// as the host starts (so a job accepted by this process is never among them). When the
    /// database is out of reach then, it says nothing yet (a process that then fails to start —
    /// a taken port — must print one line) and <see cref="ExecuteAsync"/> retries once the
    /// application has started, limited to jobs created before this attempt.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var attempt = clock.GetUtcNow();
        try
        {
            ForgetFiles(await jobs.FailInterruptedAsync(createdBefore: null, cancellationToken));
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            _interruptedNotFailedSince = attempt;
            LogStartDeferred(logger, ex.GetType().Name, ex.Message);
        }

        await base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Waits until the application has started, finishes the start-up step if the database was out
    /// of reach at <see cref="StartAsync"/> (retrying with a backoff), then runs the job loop and
    /// the heartbeat/lease loop side by side.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken)
            || (_interruptedNotFailedSince is { } since && !await FailInterruptedAsync(since, stoppingToken)))
        {
            return;
        }

        await Task.WhenAll(RunJobsAsync(stoppingToken), KeepLeasesAsync(stoppingToken));
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        using (stoppingToken.Register(() => started.TrySetCanceled(stoppingToken)))
        {
            try
            {
                await started.Task;
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }
    }

    private async Task<bool> FailInterruptedAsync(DateTimeOffset createdBefore, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                ForgetFiles(await jobs.FailInterruptedAsync(createdBefore, stoppingToken));
                Reachable();
                return true;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return false;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (!await BackOffAsync(ex, stoppingToken))
                {
                    return false;
                }
            }
        }

        return false;
    }

    private void ForgetFiles(IReadOnlyList<string?> failed)
    {
        if (failed.Count > 0)
        {
            LogInterrupted(logger, failed.Count);
        }

        foreach (var file in failed.OfType<string>())
        {
            ImportSpool.Delete(file); // kept by a container restart (an emptyDir volume) but never read again
        }
    }

    /// <summary>
    /// One failure to reach the database: told once per outage at Information (the request path
    /// and /health/ready already report an outage; a background loop must not flood the log with a
    /// stack trace every poll), then waits 250 ms, doubling up to <see cref="MaxBackoff"/>.
    /// False when the host is stopping.
    /// </summary>
    private async Task<bool> BackOffAsync(Exception ex, CancellationToken stoppingToken)
    {
        var failures = Interlocked.Increment(ref _failuresInARow);
        if (failures == 1)
        {
            LogPaused(logger, ex.GetType().Name, ex.Message);
        }

        var delay = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, PollInterval.TotalMilliseconds * Math.Pow(2, Math.Min(failures - 1, 10))));
        try
        {
            await Task.Delay(delay, stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Reachable()
    {
        if (Interlocked.Exchange(ref _failuresInARow, 0) > 0)
        {
            LogResumed(logger);
        }
    }

    private async Task KeepLeasesAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.HeartbeatInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                var held = await jobs.HeartbeatAsync(stoppingToken);
                Reachable();
                lock (_gate)
                {
                    if (_running is { } running && !held.Contains(running.Id))
                    {
                        // Another instance failed it (this one missed its lease): stop, so its transaction rolls back.
                        LogLeaseLost(logger, running.Id);
                        running.Lost.Cancel();
                    }
                }

                var abandoned = await jobs.FailAbandonedAsync(stoppingToken);
                if (abandoned > 0)
                {
                    LogAbandoned(logger, abandoned);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (!await BackOffAsync(ex, stoppingToken))
                {
                    return;
                }
            }
        }
    }

    private async Task RunJobsAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            ImportJobWork? work = null;
            try
            {
                work = await jobs.ClaimNextAsync(stoppingToken);
                Reachable();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                if (!await BackOffAsync(ex, stoppingToken))
                {
                    return;
                }

                continue;
            }

            if (work is null)
            {
                try
                {
                    await Task.Delay(PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            await RunAsync(work, stoppingToken);
        }
    }

    private async Task RunAsync(ImportJobWork work, CancellationToken stoppingToken)
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        lock (_gate)
        {
            _running = (work.Id, lost);
        }

        try
        {
            await RunAsync(work, lost.Token, stoppingToken);
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }

    private async Task RunAsync(ImportJobWork work, CancellationToken jobToken, CancellationToken stoppingToken)
    {
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(work.Language);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            // The caller as the request authenticated them: HttpCurrentUser reads this principal.
            accessor.HttpContext = new DefaultHttpContext { User = Principal(work), RequestServices = scope.ServiceProvider };
            ImportReport? report = null;
            string? failure = null;
            try
            {
                report = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportCooperativesCommand
                {
                    FilePath = work.FilePath,
                    Format = work.Format,
                    Atomic = work.Atomic,
                    DryRun = work.DryRun,
                    JobId = work.Id,
                }, jobToken);
            }
            catch (ValidationException ex)
            {
                failure = string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));
            }
            catch (DomainException ex)
            {
                failure = Text.Pick(ex.Message, ex.VietnameseMessage);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // shutting down: the next start marks the job failed
            }
            catch (OperationCanceledException) when (jobToken.IsCancellationRequested)
            {
                return; // the lease was lost: another instance already marked the job failed
            }
#pragma warning disable CA1031 // a job that fails for any reason is recorded as failed, never left running
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, work.Id, ex);
                failure = ex switch
                {
                    Application.Common.Exceptions.ConcurrencyConflictException => Text.Pick(
                        "Some records were changed by someone else during the import; nothing was written. Send the file again.",
                        "Một số hồ sơ đã bị người khác thay đổi trong lúc nhập; không có dòng nào được ghi. Hãy gửi lại tệp."),
                    Application.Common.Exceptions.DuplicateException duplicate => Text.Pick(duplicate.Message, duplicate.VietnameseMessage),
                    _ => Text.Pick("The import failed; nothing was written.", "Nhập dữ liệu thất bại; không có dòng nào được ghi."),
                };
            }

            await jobs.FinishAsync(work.Id, report, failure, CancellationToken.None);
        }
        finally
        {
            accessor.HttpContext = null;
            CultureInfo.CurrentUICulture = culture;
            ImportSpool.Delete(work.FilePath);
        }
    }

    private static ClaimsPrincipal Principal(ImportJobWork work)
    {
        var claims = new List<Claim>();
        if (work.Actor is not null)
        {
            claims.Add(new Claim(CoopClaims.Actor, work.Actor));
        }

        if (work.ActorName is not null)
        {
            claims.Add(new Claim(CoopClaims.Name, work.ActorName));
        }

        claims.AddRange(work.Scopes.Select(s => new Claim(CoopClaims.Scope, s)));
        claims.AddRange(work.Provinces.Select(p => new Claim(CoopClaims.Province, p)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "import-job"));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} import job(s) left queued or running by this instance's previous process were marked failed")]
    private static partial void LogInterrupted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} import job(s) of other instances whose heartbeat lapsed were marked failed")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} was failed by another instance (its heartbeat lapsed); the import is cancelled")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import jobs paused: the database is out of reach ({Error}: {Reason}); retrying every few seconds")]
    private static partial void LogPaused(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Import jobs: the database is out of reach at start-up ({Error}: {Reason}); jobs left by the previous process are failed once it answers")]
    private static partial void LogStartDeferred(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Import jobs resumed: the database is reachable again")]
    private static partial void LogResumed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Import job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Guid jobId, Exception exception);
}
