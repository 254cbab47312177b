using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// <c>Idempotency-Key</c> on a POST. Without the header the endpoint runs as usual. With it:
/// <list type="bullet">
/// <item>a live response stored for the same client and key is replayed (same status, body,
/// <c>Location</c>, <c>ETag</c>, plus <c>Idempotent-Replayed: true</c>) when the request has the
/// same fingerprint (method, path, and the body as bound, serialized canonically), and refused
/// with 422 <c>idempotencyKey.reused</c> when it has another;</item>
/// <item>otherwise the endpoint runs inside one transaction of <see cref="ITransactionRunner"/>
/// (the command joins it), its result is executed into a buffer, and the response is stored
/// <b>after</b> the endpoint ran, in the same transaction, then sent. A 4xx or 5xx is not stored:
/// a corrected retry with the same key is allowed.</item>
/// </list>
/// Retries that arrive in parallel, or a retry of the execution strategy after a commit whose
/// outcome was unknown, all run; their insert of the same key waits on the primary key until
/// the first transaction commits, finds its row, and the unit rolls back. The filter then finds
/// the committed response and replays it (without the replay header when that response is this
/// very request's own, committed by an attempt that only looked failed).
/// </summary>
internal sealed class IdempotencyFilter(int[] bodyArguments) : IEndpointFilter
{
    /// <summary>The request header.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The response header that marks a replayed response.</summary>
    public const string ReplayedHeaderName = "Idempotent-Replayed";

    /// <summary>The client of requests nobody authenticated.</summary>
    public const string AnonymousClient = "anonymous";

    /// <summary>Longest key accepted.</summary>
    public const int MaxKeyLength = 255;

    /// <summary>Builds the filter for one endpoint: which of its arguments are the request body.</summary>
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetService<IServiceProviderIsService>();
        var bodies = context.MethodInfo.GetParameters()
            .Where(p => IsBody(p, isService))
            .Select(p => p.Position)
            .ToArray();
        var filter = new IdempotencyFilter(bodies);
        return invocation => filter.InvokeAsync(invocation, next);
    }

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var values = http.Request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return await next(context);
        }

        var key = ParseKey(values);
        var services = http.RequestServices;
        var store = services.GetRequiredService<IIdempotencyStore>();
        var client = services.GetRequiredService<ICurrentUser>().Id ?? AnonymousClient;
        var path = http.Request.Path.Value + http.Request.QueryString.Value;
        var fingerprint = await FingerprintAsync(http, context.Arguments, path);

        var stored = await store.FindAsync(client, key, http.RequestAborted);
        if (stored is not null)
        {
            return Answer(http, stored, fingerprint, requestId: Guid.Empty);
        }

        var requestId = Guid.NewGuid();
        var before = ResponseState.Of(http.Response);
        try
        {
            var response = await services.GetRequiredService<ITransactionRunner>().RunAsync(async ct =>
            {
                before.Restore(http.Response); // a rerun of the unit starts from the response as it was
                var result = await next(context);
                var captured = await CaptureAsync(http, result, before);
                var answer = new IdempotentResponse(client, key, fingerprint, http.Request.Method, path, requestId,
                    captured.StatusCode, captured.Headers, captured.Body);
                if (captured.StatusCode < StatusCodes.Status400BadRequest && !await store.TryAddAsync(answer, ct))
                {
                    throw new IdempotencyKeyTakenException();
                }

                return answer;
            }, http.RequestAborted);
            before.Restore(http.Response);
            return new StoredResult(response, Replayed: false);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            // A parallel twin committed first (this unit lost the key's or a unique value's race),
            // or this request's own first attempt committed and the retry collided with it.
            var committed = await store.FindAsync(client, key, CancellationToken.None);
            if (committed is null)
            {
                if (failure is IdempotencyKeyTakenException)
                {
                    throw new ConcurrencyConflictException(clientPrecondition: false);
                }

                throw;
            }

            before.Restore(http.Response);
            return Answer(http, committed, fingerprint, requestId);
        }
    }

    /// <summary>Replays <paramref name="stored"/>, or refuses when it answered another request.</summary>
    private static IResult Answer(HttpContext http, IdempotentResponse stored, string fingerprint, Guid requestId)
    {
        if (!string.Equals(stored.Fingerprint, fingerprint, StringComparison.Ordinal))
        {
            var samePlace = string.Equals(stored.Method, http.Request.Method, StringComparison.Ordinal)
                && string.Equals(stored.Path, http.Request.Path.Value + http.Request.QueryString.Value, StringComparison.Ordinal);
            var detail = samePlace
                ? Text.Pick($"The Idempotency-Key '{stored.Key}' was already used with a different body. A retry must repeat its request exactly; use a new key for a new request.",
                    $"Idempotency-Key '{stored.Key}' đã được dùng với một nội dung khác. Khi gửi lại phải giữ nguyên yêu cầu; hãy dùng khóa mới cho yêu cầu mới.")
                : Text.Pick($"The Idempotency-Key '{stored.Key}' was already used for {stored.Method} {stored.Path}. Use a new key for a new request.",
                    $"Idempotency-Key '{stored.Key}' đã được dùng cho {stored.Method} {stored.Path}. Hãy dùng khóa mới cho yêu cầu mới.");
            return new ProblemResult(ProblemFactory.Create(http, StatusCodes.Status422UnprocessableEntity, detail, "idempotencyKey.reused"));
        }

        return new StoredResult(stored, Replayed: stored.RequestId != requestId);
    }

    /// <summary>The key: exactly one header value of 1 to 255 visible ASCII characters; otherwise 400 naming the header.</summary>
    internal static string ParseKey(StringValues values)
    {
        var key = values.Count == 1 ? values[0] ?? "" : "";
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
        {
            throw new RequestRejectedException(new Dictionary<string, string[]>
            {
                [HeaderName] = [Text.Pick(
                    $"Idempotency-Key must be sent once, as 1 to {MaxKeyLength} visible ASCII characters (no spaces), e.g. a UUID.",
                    $"Idempotency-Key phải được gửi một lần, gồm 1 đến {MaxKeyLength} ký tự ASCII hiển thị được (không có khoảng trắng), ví dụ một UUID.")],
            });
        }

        return key;
    }

    /// <summary>
    /// SHA-256 of the method, the path and each body argument serialized as the API writes JSON:
    /// the request as the server understood it, so that a retry whose JSON differs only in
    /// spacing, member order or escapes is the same request. An endpoint that reads a file as its
    /// body (<see cref="SpooledBodyMetadata"/>) has no bound body argument: its upload is spooled
    /// here, before the stored answer is looked up, and its bytes' SHA-256 is the body's part.
    /// </summary>
    private async Task<string> FingerprintAsync(HttpContext http, IList<object?> arguments, string path)
    {
        var json = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(http.Request.Method + "\n" + path + "\n"));
        foreach (var index in bodyArguments)
        {
            var argument = arguments[index];
            hash.AppendData(argument is null ? "null"u8 : JsonSerializer.SerializeToUtf8Bytes(argument, argument.GetType(), json));
            hash.AppendData("\n"u8);
        }

        if (http.GetEndpoint()?.Metadata.GetMetadata<SpooledBodyMetadata>() is not null)
        {
            var upload = await ImportSpool.SpoolAsync(http, http.RequestAborted);
            hash.AppendData(Encoding.UTF8.GetBytes("file sha256 " + upload.Sha256 + "\n"));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Runs the endpoint's result into a buffer: status, the headers it set, the body bytes.</summary>
    private static async Task<(int StatusCode, Dictionary<string, string[]> Headers, byte[] Body)> CaptureAsync(
        HttpContext http, object? result, ResponseState before)
    {
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        http.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            var asResult = result switch
            {
                IResult r => r,
                null => TypedResults.Empty,
                _ => Results.Json(result),
            };
            await asResult.ExecuteAsync(http);
            await capture.CompleteAsync();
        }
        finally
        {
            http.Features.Set(original);
        }

        return (http.Response.StatusCode, before.AddedOrChanged(http.Response), buffer.ToArray());
    }

    /// <summary>Whether a parameter of the endpoint is bound from the body (explicitly, or inferred as the framework does).</summary>
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService? isService)
    {
        var attributes = parameter.GetCustomAttributes(inherit: true);
        if (attributes.OfType<Microsoft.AspNetCore.Http.Metadata.IFromBodyMetadata>().Any())
        {
            return true;
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var bound = attributes.Any(a => a is Microsoft.AspNetCore.Http.Metadata.IFromRouteMetadata or Microsoft.AspNetCore.Http.Metadata.IFromQueryMetadata
            or Microsoft.AspNetCore.Http.Metadata.IFromHeaderMetadata or Microsoft.AspNetCore.Http.Metadata.IFromServiceMetadata
            or Microsoft.AspNetCore.Http.Metadata.IFromFormMetadata or AsParametersAttribute);
        var framework = type == typeof(HttpContext) || type == typeof(HttpRequest) || type == typeof(HttpResponse)
            || type == typeof(CancellationToken) || type == typeof(System.Security.Claims.ClaimsPrincipal)
            || type == typeof(Stream) || type == typeof(System.IO.Pipelines.PipeReader);
        var simple = type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(Guid) || type == typeof(decimal)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly)
            || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null
            || type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is not null;
        return !bound && !framework && !simple && !type.IsInterface && isService?.IsService(type) != true;
    }

    /// <summary>The status and headers of a response before the endpoint ran, to restore and to compare with.</summary>
    private sealed class ResponseState
    {
        private static readonly HashSet<string> NotStored = new(StringComparer.OrdinalIgnoreCase)
        {
            HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.Date, HeaderNames.Server,
        };

        private readonly int _status;
        private readonly Dictionary<string, StringValues> _headers;

        private ResponseState(HttpResponse response)
        {
            _status = response.StatusCode;
            _headers = new Dictionary<string, StringValues>(response.Headers, StringComparer.OrdinalIgnoreCase);
        }

        public static ResponseState Of(HttpResponse response) => new(response);

        public void Restore(HttpResponse response)
        {
            response.StatusCode = _status;
            foreach (var name in response.Headers.Keys.Where(name => !_headers.ContainsKey(name)).ToList())
            {
                response.Headers.Remove(name);
            }

            foreach (var (name, value) in _headers)
            {
                response.Headers[name] = value;
            }
        }

        public Dictionary<string, string[]> AddedOrChanged(HttpResponse response) => response.Headers
            .Where(h => !NotStored.Contains(h.Key) && (!_headers.TryGetValue(h.Key, out var old) || old != h.Value))
            .ToDictionary(h => h.Key, h => h.Value.Select(v => v ?? "").ToArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Writes a stored response: its status, headers and body bytes.</summary>
    private sealed record StoredResult(IdempotentResponse Response, bool Replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = Response.StatusCode;
            foreach (var (name, value) in Response.Headers)
            {
                response.Headers[name] = value;
            }

            if (Replayed)
            {
                response.Headers[ReplayedHeaderName] = "true";
            }

            if (Response.Body.Length > 0)
            {
                await response.Body.WriteAsync(Response.Body, httpContext.RequestAborted);
            }
        }
    }

    /// <summary>Writes a problem body.</summary>
    private sealed record ProblemResult(ProblemDetails Problem) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => ProblemFactory.WriteAsync(httpContext, Problem);
    }

    /// <summary>Another transaction stored a response for the same client and key first.</summary>
    private sealed class IdempotencyKeyTakenException() : Exception("A response is already stored for this Idempotency-Key.");
}

/// <summary>
/// Marks an endpoint whose body is a file spooled by <see cref="ImportSpool"/> rather than bound:
/// the idempotency fingerprint covers the file's SHA-256.
/// </summary>
internal sealed class SpooledBodyMetadata;
