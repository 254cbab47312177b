using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.Cooperatives;
using CoopApi.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static CoopApi.IntegrationTests.Cooperatives.CooperativesApi;

namespace CoopApi.IntegrationTests.Changes;

/// <summary>
/// The feed's promise under concurrency: many writers commit in another order than they began,
/// one transaction stays open for seconds after its write, and a follower reading small pages
/// throughout still receives every change exactly once, each resource's in version order.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class ChangeFeedConcurrencyTests(ApiFixture fixture, ITestOutputHelper output)
{
    private const int Writers = 8;
    private const int WritesPerWriter = 6;
    private static readonly TimeSpan HeldOpen = TimeSpan.FromMilliseconds(2500);

    [Fact]
    public async Task Follower_ReceivesEveryChangeExactlyOnce_InVersionOrder_WhileWritersInterleaveAndOneTransactionIsHeldOpen()
    {
        var client = fixture.CreateClient();
        var start = (await client.DrainAsync()).Cursor;
        var held = await TestData.CreateAsync(client);
        var shared = await TestData.CreateAsync(client);
        var expected = new ConcurrentBag<(string Id, int Version)> { (Id(held), 1), (Id(shared), 1) };

        // The follower reads 4 entries at a time, as fast as it can, until told to stop and caught up.
        using var stop = new CancellationTokenSource();
        var received = new List<FeedEntry>();
        var follower = Task.Run(async () =>
        {
            var cursor = start;
            var polls = 0;
            while (true)
            {
                var stopping = stop.IsCancellationRequested;
                var (entries, next, hasMore) = await client.PageAsync(cursor, 4);
                polls++;
                received.AddRange(entries);
                cursor = next;
                if (stopping && !hasMore)
                {
                    return polls;
                }

                if (!hasMore)
                {
                    await Task.Delay(10);
                }
            }
        });

        // One writer saves its change early (its transaction gets its id now), then keeps the
        // transaction open while every other writer commits after it began.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var heldCommittedAt = TimeSpan.MaxValue;
        var acknowledged = new ConcurrentBag<TimeSpan>();
        var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holder = Task.Run(async () =>
        {
            await using var scope = fixture.Services.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<ITransactionRunner>();
            var db = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();
            var calendar = scope.ServiceProvider.GetRequiredService<IVietnamCalendar>();
            var id = Guid.Parse(Id(held));
            await runner.RunAsync(async ct =>
            {
                var cooperative = await db.Cooperatives.FirstAsync(c => c.Id == id, ct);
                cooperative.ChangeStatus(OrganizationStatus.Suspended, new DateOnly(2020, 1, 1), "Tạm ngừng", calendar.Today, calendar.Now);
                await db.SaveChangesAsync(ct);
                saved.TrySetResult();
                await Task.Delay(HeldOpen, ct);
                return 0;
            }, CancellationToken.None);
            heldCommittedAt = clock.Elapsed;
            expected.Add((Id(held), 2));
        });
        await saved.Task;

        // Writers: each registers its own record and changes it, and all of them fight over one
        // shared record (If-Match; the losers read again and retry).
        var writers = Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var own = await TestData.CreateAsync(client);
            acknowledged.Add(clock.Elapsed);
            expected.Add((Id(own), 1));
            var ownBody = UpdateBodyFrom(own);
            var ownVersion = 1;
            for (var i = 0; i < WritesPerWriter; i++)
            {
                ownBody["memberCount"] = 100 + (w * 100) + i;
                var put = await client.PutJsonAsync(Id(own), ownBody, $"\"{ownVersion}\"");
                Assert.Equal(HttpStatusCode.OK, put.StatusCode);
                ownVersion++;
                acknowledged.Add(clock.Elapsed);
                expected.Add((Id(own), ownVersion));

                for (var attempt = 0; ; attempt++)
                {
                    var current = await client.GetRecordAsync(Id(shared));
                    var body = UpdateBodyFrom(current);
                    body["charterCapital"] = 1_000_000L * ((w * 100) + i + 1);
                    var response = await client.PutJsonAsync(Id(shared), body, ETagOf(current));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        acknowledged.Add(clock.Elapsed);
                        expected.Add((Id(shared), (int)(await response.ReadNodeAsync())["version"]!));
                        break;
                    }

                    Assert.True(response.StatusCode == HttpStatusCode.PreconditionFailed, $"{(int)response.StatusCode}");
                    Assert.True(attempt < 50, "a writer of the shared record starved");
                }
            }
        })).ToArray();

        await Task.WhenAll(writers);
        await holder;
        stop.Cancel();
        var polls = await follower;

        // The held change began before the others and committed after many of them.
        var heldEntry = Assert.Single(received, e => e.EntityId == Id(held) && e.Version == 2);
        Assert.All(received.Where(e => e.EntityId != Id(held) && e.EntityId != Id(shared) || e.Version > 1),
            e => Assert.True(e == heldEntry || e.TransactionId > heldEntry.TransactionId));
        var committedWhileHeld = acknowledged.Count(t => t < heldCommittedAt);
        output.WriteLine($"{received.Count} entries in {polls} polls of 4; {committedWhileHeld} writes committed while the held transaction, older than all of them, was open");
        Assert.True(committedWhileHeld >= Writers, $"only {committedWhileHeld} writes committed while the held transaction was open");

        // Exactly once: every accepted change, nothing else, nothing twice.
        var got = received.Select(e => (e.EntityId, e.Version ?? 0)).ToList();
        Assert.Equal(got.Count, got.Distinct().Count());
        Assert.Equal(expected.OrderBy(x => x.Id).ThenBy(x => x.Version), got.OrderBy(x => x.EntityId).ThenBy(x => x.Item2));
        // In version order per resource, and in cursor order overall.
        foreach (var resource in received.GroupBy(e => e.EntityId))
        {
            var versions = resource.Select(e => e.Version ?? 0).ToList();
            Assert.Equal(Enumerable.Range(1, versions.Count), versions);
        }

        // The data of each resource's last entry is the record as it is now.
        foreach (var id in received.Select(e => e.EntityId).Distinct())
        {
            Assert.True(JsonNode.DeepEquals(await client.GetRecordAsync(id), received.Last(e => e.EntityId == id).Data));
        }
    }
}
