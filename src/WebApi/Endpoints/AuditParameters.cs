using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using CoopApi.Application.Audit.Queries.ListAuditEntries;
using CoopApi.Application.Common.Localization;
using CoopApi.WebApi.Infrastructure;

namespace CoopApi.WebApi.Endpoints;

/// <summary>
/// The query string of <c>GET /api/v1/audit</c>, read strictly (see <see cref="StrictQuery"/>):
/// each parameter at most once, unknown parameters refused, instants only with an offset.
/// </summary>
internal sealed partial class AuditParameters
{
    /// <summary>The query to send.</summary>
    public required ListAuditEntriesQuery Query { get; init; }

    /// <summary>Called by the framework to bind the parameter from the request.</summary>
    public static ValueTask<AuditParameters?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        var q = new StrictQuery(context.Request.Query);
        var query = new ListAuditEntriesQuery
        {
            EntityType = q.String("entityType"),
            EntityId = q.Parsed("entityId", v => Guid.TryParseExact(v, "D", out var g) ? g : (Guid?)null, ExpectedValues.For(typeof(Guid))),
            Actor = q.String("actor"),
            From = q.Parsed("from", Instant, InstantExpected("from")),
            To = q.Parsed("to", Instant, InstantExpected("to")),
            After = q.Parsed("after", v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : (long?)null,
                ExpectedValues.Integer(1, long.MaxValue)),
            Limit = q.Integer("limit", ListAuditEntriesQuery.DefaultLimit, 1, ListAuditEntriesQuery.MaxLimit),
        };
        q.ThrowIfInvalid();
        return ValueTask.FromResult<AuditParameters?>(new AuditParameters { Query = query });
    }

    /// <summary>An ISO 8601 instant with seconds and an offset (<c>Z</c> or <c>±hh:mm</c>); null otherwise.</summary>
    private static DateTimeOffset? Instant(string value) =>
        InstantPattern().IsMatch(value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var instant)
            ? instant
            : null;

    private static string InstantExpected(string name) => Text.Pick(
        $"{name} must be an instant with an offset, e.g. 2026-11-30T08:00:00+07:00 or 2026-11-30T01:00:00Z (in a URL, write + as %2B).",
        $"{name} phải là một thời điểm kèm múi giờ, ví dụ 2026-11-30T08:00:00+07:00 hoặc 2026-11-30T01:00:00Z (trong URL, viết + thành %2B).");

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();
}
