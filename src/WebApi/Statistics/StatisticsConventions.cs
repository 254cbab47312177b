using System.Security.Cryptography;
using System.Text.Json;
using CoopApi.Application.Common.Localization;
using CoopApi.WebApi.Infrastructure;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CoopApi.WebApi.Statistics;

/// <summary>The representations a statistics endpoint answers in.</summary>
internal enum StatisticsFormat
{
    /// <summary><c>application/json</c> (the default).</summary>
    Json,

    /// <summary><c>text/csv</c>, UTF-8 with a byte order mark (<see cref="StatisticsCsv"/>).</summary>
    Csv,
}

/// <summary>
/// The conventions every statistics endpoint shares, applied by
/// <see cref="Security.ScopePolicies.RequireStatisticsRead{TBuilder}"/> so that an endpoint that
/// declares that rule gets them without a line of its own:
/// <list type="bullet">
/// <item><c>text/csv</c> through <c>Accept: text/csv</c> or <c>format=csv</c> (<c>format=json</c>
/// forces JSON; <c>format</c> wins over <c>Accept</c>); the CSV is made from the JSON body itself
/// (<see cref="StatisticsCsv"/>), so both always carry the same figures;</item>
/// <item>a strong <c>ETag</c>: a hash of the exact bytes sent, so it changes exactly when the
/// figures (or the representation) change; <c>If-None-Match</c> naming it → 304 without a body;</item>
/// <item><c>Cache-Control: private, max-age=60</c> (<c>public</c> when the caller is anonymous,
/// i.e. the statistics are public) and <c>Vary: Accept</c>.</item>
/// </list>
/// </summary>
internal static class StatisticsConventions
{
    /// <summary>The query parameter that chooses the representation.</summary>
    public const string FormatParameter = "format";

    /// <summary>The CSV media type.</summary>
    public const string CsvMediaType = "text/csv";

    /// <summary>
    /// How long a client or a private cache may reuse an answer without asking again: one minute.
    /// Dashboards refresh every one to five minutes and a register changes by single writes, so a
    /// minute keeps a wall of panels from running the same aggregate many times a minute while a
    /// change still shows within one refresh; after it the client revalidates with
    /// <c>If-None-Match</c> and gets a 304 without a body when nothing changed.
    /// </summary>
    public const int MaxAgeSeconds = 60;

    private const string FormatItem = "coopapi.statistics.format";

    /// <summary>Applies the conventions to the endpoint(s) of <paramref name="builder"/>.</summary>
    public static TBuilder WithStatisticsConventions<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint => endpoint.FilterFactories.Add(Filter));

        // format is read (and removed) before the endpoint binds its query string, so that the
        // endpoint's own strict parameters never see it. Finally conventions run after the
        // request delegate is built.
        builder.Finally(endpoint =>
        {
            var inner = endpoint.RequestDelegate;
            if (inner is null)
            {
                return;
            }

            endpoint.RequestDelegate = context =>
            {
                TakeFormat(context);
                return inner(context);
            };
        });
        return builder;
    }

    /// <summary>The format asked for: <c>format</c> when sent, else the preferred of <c>Accept</c>.</summary>
    internal static StatisticsFormat FormatOf(HttpContext context) =>
        context.Items.TryGetValue(FormatItem, out var chosen) && chosen is StatisticsFormat format
            ? format
            : FromAccept(context.Request);

    private static void TakeFormat(HttpContext context)
    {
        var query = context.Request.Query;
        if (!query.TryGetValue(FormatParameter, out var values))
        {
            return;
        }

        StatisticsFormat? format = values.Count == 1 ? values[0] switch
        {
            "csv" => StatisticsFormat.Csv,
            "json" => StatisticsFormat.Json,
            _ => null,
        } : null;
        if (format is null)
        {
            throw new RequestRejectedException(new Dictionary<string, string[]>
            {
                [FormatParameter] = [Text.Pick("format must be given once, as csv or json.", "format chỉ được nêu một lần, là csv hoặc json.")],
            });
        }

        context.Items[FormatItem] = format.Value;
        context.Request.Query = new QueryCollection(query.Where(p => p.Key != FormatParameter).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    private static StatisticsFormat FromAccept(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted))
        {
            return StatisticsFormat.Json;
        }

        foreach (var media in accepted.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            var type = media.MediaType.Value ?? "";
            if (type.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return StatisticsFormat.Csv;
            }

            if (type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type is "*/*" or "application/*")
            {
                return StatisticsFormat.Json;
            }
        }

        return StatisticsFormat.Json;
    }

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext factoryContext, EndpointFilterDelegate next) => async invocation =>
    {
        var result = await next(invocation);
        var value = result switch
        {
            IStatusCodeHttpResult { StatusCode: not (null or StatusCodes.Status200OK) } => null,
            IValueHttpResult { Value: { } v } => v,
            IResult => null,
            _ => result,
        };
        if (value is null)
        {
            return result;
        }

        var http = invocation.HttpContext;
        var options = http.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var json = JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), options);
        var format = FormatOf(http);
        var body = format == StatisticsFormat.Csv ? StatisticsCsv.FromJson(json) : json;
        var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(body).AsSpan(0, 16)) + "\"";
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = (http.User.Identity?.IsAuthenticated == true ? "private" : "public") + ", max-age=" + MaxAgeSeconds;
        if (!headers.Vary.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
                .Any(v => v.Equals(HeaderNames.Accept, StringComparison.OrdinalIgnoreCase)))
        {
            headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        }

        if (EntityTags.AnyMatches(http.Request.Headers.IfNoneMatch, etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return format == StatisticsFormat.Csv
            ? TypedResults.Bytes(body, CsvMediaType + "; charset=utf-8; header=present")
            : TypedResults.Bytes(body, "application/json; charset=utf-8");
    };
}
