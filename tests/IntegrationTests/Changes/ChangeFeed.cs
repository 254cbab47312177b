using System.Net;
using System.Text.Json.Nodes;

namespace CoopApi.IntegrationTests.Changes;

/// <summary>One entry of <c>GET /api/v1/changes</c>, as a client reads it.</summary>
internal sealed record FeedEntry(string Cursor, string EntityType, string EntityId, string Operation, int? Version,
    string OccurredAt, string? Link, JsonNode? Data)
{
    /// <summary>The transaction id part of the cursor (the feed orders by it, then by row id).</summary>
    public ulong TransactionId => ulong.Parse(Cursor[..Cursor.IndexOf('-', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);

    public static FeedEntry From(JsonNode e) => new((string)e["cursor"]!, (string)e["entityType"]!, (string)e["entityId"]!,
        (string)e["operation"]!, (int?)e["version"], (string)e["occurredAt"]!, (string?)e["link"], e["data"]?.DeepClone());
}

/// <summary>A follower of the change feed.</summary>
internal static class ChangeFeed
{
    public const string Route = "api/v1/changes";

    /// <summary>One page; asserts 200.</summary>
    public static async Task<(List<FeedEntry> Entries, string NextCursor, bool HasMore)> PageAsync(this HttpClient client,
        string? after = null, int? limit = null, string? filters = null)
    {
        var query = new List<string>();
        if (after is not null) query.Add("after=" + Uri.EscapeDataString(after));
        if (limit is not null) query.Add("limit=" + limit);
        if (filters is not null) query.Add(filters);
        var response = await client.GetAsync(Route + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET changes: {(int)response.StatusCode} {text}");
        var body = JsonNode.Parse(text)!;
        return (body["entries"]!.AsArray().Select(e => FeedEntry.From(e!)).ToList(), (string)body["nextCursor"]!, (bool)body["hasMore"]!);
    }

    /// <summary>Follows the feed from <paramref name="after"/> until nothing more is ready; returns every entry and the last cursor.</summary>
    public static async Task<(List<FeedEntry> Entries, string Cursor)> DrainAsync(this HttpClient client, string? after = null,
        int limit = 1000, string? filters = null)
    {
        var all = new List<FeedEntry>();
        while (true)
        {
            var (entries, next, hasMore) = await client.PageAsync(after, limit, filters);
            all.AddRange(entries);
            Assert.True(entries.Count > 0 || next == (after ?? "0-0"), "an empty page returns the cursor it was given");
            after = next;
            if (!hasMore)
            {
                return (all, after);
            }
        }
    }
}
