using System.Net;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Cooperatives;
using CoopApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Events;

/// <summary>
/// The write path appends what happened to <c>domain_events</c>, in the transaction of the
/// change, once per accepted change and never for a rejected one; the table is append-only.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DomainEventsOutboxTests(ApiFixture fixture)
{
    private readonly HttpClient _client = fixture.CreateClient();

    private sealed record StoredRow(string AggregateType, string EventType, JsonNode Payload, string? Actor, ulong XactId,
        DateTimeOffset OccurredAt);

    /// <summary>The events stored for one organization, in the order they were appended.</summary>
    private async Task<List<StoredRow>> EventsOfAsync(string id)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT aggregate_type, event_type, payload::text, actor, xact_id::text, occurred_at FROM domain_events WHERE aggregate_id = $1 ORDER BY id",
            connection);
        command.Parameters.AddWithValue(Guid.Parse(id));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<StoredRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredRow(reader.GetString(0), reader.GetString(1), JsonNode.Parse(reader.GetString(2))!,
                reader.IsDBNull(3) ? null : reader.GetString(3), ulong.Parse(reader.GetString(4), System.Globalization.CultureInfo.InvariantCulture),
                reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return rows;
    }

    private Task<long> AllEventsAsync() => fixture.ScalarAsync<long>("SELECT count(*) FROM domain_events");

    [Fact]
    public async Task Create_WritesExactlyOneCooperativeRegistered()
    {
        var created = await TestData.CreateAsync(_client);

        var stored = Assert.Single(await EventsOfAsync(Id(created)));
        Assert.Equal("cooperative", stored.AggregateType);
        Assert.Equal("CooperativeRegistered", stored.EventType);
        Assert.Equal("apikey:" + fixture.AdminKey[..13], stored.Actor); // the key that made it
        Assert.Equal(Id(created), (string)stored.Payload["aggregateId"]!);
        Assert.Equal("active", (string)stored.Payload["status"]!);
        var details = stored.Payload["details"]!;
        Assert.Equal("agricultureForestryFishery", (string)details["sector"]!); // enums by their API names
        Assert.Equal((string)created["name"]!, (string)details["name"]!);
        Assert.Equal(35, (int)details["memberCount"]!);
        Assert.Equal(DefaultEstablishedOn, (string)details["establishedOn"]!);
    }

    [Fact]
    public async Task Put_ChangingTwoFields_WritesOneDetailsChangedNamingExactlyThoseFields()
    {
        var body = TestData.NewCooperative();
        var created = await TestData.CreateAsync(_client, body);
        var put = body.DeepClone().AsObject();
        put["memberCount"] = 40;
        put["sector"] = "tradeServices";

        var response = await _client.PutJsonAsync(Id(created), put, ETagOf(created));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = await EventsOfAsync(Id(created));
        Assert.Equal(["CooperativeRegistered", "CooperativeDetailsChanged"], stored.Select(e => e.EventType));
        var expected = JsonNode.Parse("""
            [
              { "field": "sector", "before": "agricultureForestryFishery", "after": "tradeServices" },
              { "field": "memberCount", "before": 35, "after": 40 }
            ]
            """);
        Assert.True(JsonNode.DeepEquals(expected, stored[1].Payload["changes"]), stored[1].Payload.Text());
    }

    [Fact]
    public async Task Put_ChangingNothing_WritesNoEvent()
    {
        var body = TestData.NewCooperative();
        var created = await TestData.CreateAsync(_client, body);

        var response = await _client.PutJsonAsync(Id(created), body, ETagOf(created));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["CooperativeRegistered"], (await EventsOfAsync(Id(created))).Select(e => e.EventType));
    }

    [Fact]
    public async Task StatusChange_WritesOneCooperativeStatusChanged()
    {
        var created = await TestData.CreateAsync(_client);

        var response = await _client.PostStatusAsync(Id(created), "suspended", "2020-01-01", "Quyết định số 12/QĐ-UBND");

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var stored = await EventsOfAsync(Id(created));
        Assert.Equal(["CooperativeRegistered", "CooperativeStatusChanged"], stored.Select(e => e.EventType));
        var payload = stored[1].Payload;
        Assert.Equal("active", (string)payload["from"]!);
        Assert.Equal("suspended", (string)payload["to"]!);
        Assert.Equal("2020-01-01", (string)payload["effectiveOn"]!);
        Assert.Equal("Quyết định số 12/QĐ-UBND", (string)payload["reason"]!);
        Assert.Equal(1, (int)payload["sequence"]!);
    }

    [Fact]
    public async Task RejectedWrites_WriteNoEvent()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Id(created);
        var before = await AllEventsAsync();

        // 400: the validator refuses the body.
        var invalid = TestData.NewCooperative();
        invalid["memberCount"] = -1;
        var badRequest = await _client.PostJsonAsync(invalid);
        // 409: a rule of the aggregate (the status is already active).
        var conflict = await _client.PostStatusAsync(id, "active", "2020-01-01");
        // 409: a registration code already in the register.
        var duplicate = TestData.NewCooperative();
        duplicate["registrationCode"] = (string)created["registrationCode"]!;
        var taken = await _client.PostJsonAsync(duplicate);
        // 412: a stale If-Match.
        var changed = TestData.NewCooperative();
        changed["memberCount"] = 99;
        changed["registrationCode"] = (string)created["registrationCode"]!;
        var stale = await _client.PutJsonAsync(id, changed, "\"99\"");

        Assert.Equal(HttpStatusCode.BadRequest, badRequest.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(before, await AllEventsAsync());
    }

    [Fact]
    public async Task ParallelPutsOnOneVersion_OnlyTheWinnerWritesAnEvent()
    {
        var body = TestData.NewCooperative();
        var created = await TestData.CreateAsync(_client, body);
        var etag = ETagOf(created);

        // Each writer read the same version; the losers fail at save time (the row's xmin moved)
        // after their events were already added to the save.
        var responses = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
        {
            var put = body.DeepClone().AsObject();
            put["memberCount"] = 40 + i;
            return _client.PutJsonAsync(Id(created), put, etag);
        }));

        var winners = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(1, winners);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK),
            r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var stored = await EventsOfAsync(Id(created));
        Assert.Equal(["CooperativeRegistered", "CooperativeDetailsChanged"], stored.Select(e => e.EventType));
        var record = await _client.GetRecordAsync(Id(created));
        Assert.Equal((int)record["memberCount"]!, (int)stored[1].Payload["changes"]![0]!["after"]!);
    }

    [Fact]
    public async Task RetriedUnitOfWork_StoresTheEventsOfTheCommittedAttemptOnly()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));
        var attempts = 0;

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<ITransactionRunner>();
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var calendar = scope.ServiceProvider.GetRequiredService<IVietnamCalendar>();
            await runner.RunAsync(async ct =>
            {
                attempts++;
                var cooperative = await db.Cooperatives.FirstAsync(c => c.Id == id, ct);
                cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2020, 1, 1), "Tạm ngừng", calendar.Today, calendar.Now);
                await db.SaveChangesAsync(ct);
                if (attempts == 1)
                {
                    // Saved but not committed: the connection "dropped" (a transient error), so the
                    // execution strategy rolls back and runs the whole unit again.
                    throw new NpgsqlException("simulated lost connection", new TimeoutException());
                }

                return 0;
            }, CancellationToken.None);
        }

        Assert.Equal(2, attempts);
        var stored = await EventsOfAsync(Id(created));
        Assert.Equal(["CooperativeRegistered", "CooperativeStatusChanged"], stored.Select(e => e.EventType));
        Assert.Equal(1L, await fixture.ScalarAsync<long>("SELECT count(*) FROM status_changes WHERE cooperative_id = $1 AND sequence = 1", id));
    }

    [Fact]
    public async Task TwoSavesInOneUnit_StoreEachEventOnce()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));

        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var runner = scope.ServiceProvider.GetRequiredService<ITransactionRunner>();
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var calendar = scope.ServiceProvider.GetRequiredService<IVietnamCalendar>();
            await runner.RunAsync(async ct =>
            {
                var cooperative = await db.Cooperatives.FirstAsync(c => c.Id == id, ct);
                cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2020, 1, 1), "Tạm ngừng", calendar.Today, calendar.Now);
                await db.SaveChangesAsync(ct);
                cooperative.ChangeStatus(OrganizationStatus.Active, new DateOnly(2021, 1, 1), "Hoạt động trở lại", calendar.Today, calendar.Now);
                await db.SaveChangesAsync(ct);
                return 0;
            }, CancellationToken.None);
        }

        var stored = await EventsOfAsync(Id(created));
        Assert.Equal(["CooperativeRegistered", "CooperativeStatusChanged", "CooperativeStatusChanged"], stored.Select(e => e.EventType));
        Assert.Equal(["suspended", "active"], stored.Skip(1).Select(e => (string)e.Payload["to"]!));
    }

    [Fact]
    public async Task EachRow_CarriesItsWritingTransactionId()
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));
        var registered = Assert.Single(await EventsOfAsync(Id(created)));

        // The top-level id of the transaction that wrote it (EF Core saves under a savepoint, whose
        // subtransaction id is the rows' xmin; the feed fences on top-level ids): committed, and
        // visible to a snapshot taken now.
        Assert.True(registered.XactId > 0);
        Assert.True(await fixture.ScalarAsync<bool>(
            "SELECT pg_xact_status(xact_id) = 'committed' AND pg_visible_in_snapshot(xact_id, pg_current_snapshot()) FROM domain_events WHERE aggregate_id = $1",
            id));
        Assert.True(registered.OccurredAt > DateTimeOffset.UtcNow.AddMinutes(-5));

        await _client.PostStatusAsync(Id(created), "suspended", "2020-01-01");
        var changed = (await EventsOfAsync(Id(created)))[1];
        Assert.True(changed.XactId > registered.XactId, "a later command runs in a later transaction");
    }

    [Theory]
    [InlineData("UPDATE domain_events SET payload = '{}'::jsonb WHERE aggregate_id = $1")]
    [InlineData("DELETE FROM domain_events WHERE aggregate_id = $1")]
    [InlineData("TRUNCATE domain_events")]
    public async Task TheTable_IsAppendOnly(string sql)
    {
        var created = await TestData.CreateAsync(_client);
        var id = Guid.Parse(Id(created));

        object[] parameters = sql.Contains("$1", StringComparison.Ordinal) ? [id] : [];
        var ex = await Assert.ThrowsAsync<PostgresException>(() => fixture.ScalarAsync<object>(sql, parameters));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, ex.SqlState);
        Assert.Contains("append-only", ex.MessageText, StringComparison.Ordinal);
        Assert.Single(await EventsOfAsync(Id(created)));
    }
}
