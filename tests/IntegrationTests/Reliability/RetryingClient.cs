using System.Net;

namespace CoopApi.IntegrationTests.Reliability;

/// <summary>What a request finally got, after its retries.</summary>
/// <param name="Status">The last status received.</param>
/// <param name="Body">Its body.</param>
/// <param name="ETag">Its ETag, if any.</param>
/// <param name="Replayed">The response was a replay of a stored one (<c>Idempotent-Replayed: true</c>).</param>
/// <param name="Attempts">How many times the request was sent.</param>
/// <param name="RetryAfterSeen">Every 503 on the way carried a Retry-After (true when there was none).</param>
internal sealed record Answer(HttpStatusCode Status, string Body, string? ETag, bool Replayed, int Attempts, bool RetryAfterSeen);

/// <summary>
/// A client as a careful integrator writes it against one or several API instances behind a load
/// balancer: a request that timed out, whose connection broke, or that got 503 (or 429) is sent
/// again, unchanged (a POST with the same <c>Idempotency-Key</c>), to the next instance, after
/// the <c>Retry-After</c> it was given (capped). Faults are injected on the client side on
/// purpose: a first attempt may be cut short after a few milliseconds (the client times out and
/// drops the connection while the server may still be writing: the answer is lost, the outcome
/// unknown). Counters say what happened.
/// </summary>
internal sealed class RetryingClient(IReadOnlyList<HttpClient> instances, TimeSpan? maxRetryDelay = null)
{
    /// <summary>Most times one request is sent before the client gives up.</summary>
    public const int MaxAttempts = 12;

    private readonly TimeSpan maxDelay = maxRetryDelay ?? TimeSpan.FromSeconds(1);
    private int sent;
    private int cutShort;
    private int transportErrors;
    private int unavailable;

    /// <summary>Requests sent, retries included.</summary>
    public int Sent => sent;

    /// <summary>Attempts the client cut short on purpose (answer lost, outcome unknown).</summary>
    public int CutShort => cutShort;

    /// <summary>Attempts that ended in a broken connection or a timeout not injected by the client.</summary>
    public int TransportErrors => transportErrors;

    /// <summary>Attempts answered 503 or 429.</summary>
    public int Unavailable => unavailable;

    public IReadOnlyList<HttpClient> Instances => instances;

    /// <summary>
    /// Sends the request <paramref name="make"/> builds (a fresh message per attempt) until it gets
    /// an answer other than 503/429, starting at instance <paramref name="start"/>; the first
    /// attempt is cut after <paramref name="cutFirstAfter"/> when given.
    /// </summary>
    public async Task<Answer> SendAsync(Func<HttpRequestMessage> make, int start = 0, TimeSpan? cutFirstAfter = null)
    {
        var retryAfterSeen = true;
        for (var attempt = 1; ; attempt++)
        {
            var client = instances[(start + attempt - 1) % instances.Count];
            using var cut = new CancellationTokenSource(attempt == 1 && cutFirstAfter is { } after ? after : TimeSpan.FromSeconds(45));
            Interlocked.Increment(ref sent);
            try
            {
                using var request = make();
                using var response = await client.SendAsync(request, cut.Token);
                var body = await response.Content.ReadAsStringAsync(cut.Token);
                if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests && attempt < MaxAttempts)
                {
                    Interlocked.Increment(ref unavailable);
                    var delay = response.Headers.RetryAfter?.Delta;
                    retryAfterSeen &= delay is not null || response.StatusCode == HttpStatusCode.TooManyRequests;
                    await Task.Delay(Min(delay ?? TimeSpan.FromMilliseconds(200), maxDelay));
                    continue;
                }

                return new Answer(response.StatusCode, body, response.Headers.ETag?.Tag,
                    response.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Contains("true"), attempt, retryAfterSeen);
            }
            catch (OperationCanceledException) when (attempt < MaxAttempts)
            {
                if (attempt == 1 && cutFirstAfter is not null)
                {
                    Interlocked.Increment(ref cutShort);
                }
                else
                {
                    Interlocked.Increment(ref transportErrors);
                }
            }
            catch (HttpRequestException) when (attempt < MaxAttempts)
            {
                Interlocked.Increment(ref transportErrors);
                await Task.Delay(TimeSpan.FromMilliseconds(100));
            }
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
