// bench/dispatch: what one query costs between IMediator.Send and the read model, in process.
// Per request, as ASP.NET Core does: a new DI scope, IMediator from it, Send, dispose the scope.
// The application and infrastructure registrations are the real ones (AddApplication,
// AddInfrastructure, no database is ever opened); only the read model is replaced by one that
// returns a fixed answer, so what is measured is the dispatch path alone.
// Prints, per round: microseconds and bytes allocated per request, by id and for the list.
using System.Diagnostics;
using System.Globalization;
using CoopApi.Application;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Queries;
using CoopApi.Application.Cooperatives.Queries.GetCooperative;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure;
using MediatR;
using Microsoft.Extensions.Logging.Abstractions;

var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Default"] = "Host=127.0.0.1;Database=none" })
    .Build();
var services = new ServiceCollection();
services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
services.AddApplication();
services.AddInfrastructure(configuration);
services.AddSingleton<ICooperativeReadModel, FixedReadModel>();
await using var provider = services.BuildServiceProvider();

var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var byId = new GetCooperativeQuery(Guid.CreateVersion7());
var list = new ListCooperativesQuery { ProvinceCode = "79", Status = [OrganizationStatus.Active], Sort = "-charterCapital" };
for (var round = 1; round <= 3; round++)
{
    var (idUs, idBytes) = await MeasureAsync(m => m.Send(byId));
    var (listUs, listBytes) = await MeasureAsync(m => m.Send(list));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"round {round}: by id {idUs:F2} µs {idBytes} B | list {listUs:F2} µs {listBytes} B (per request)"));
}

async Task<(double Microseconds, long Bytes)> MeasureAsync(Func<IMediator, Task> send)
{
    for (var i = 0; i < 20_000; i++)
    {
        await using var warm = provider.CreateAsyncScope();
        await send(warm.ServiceProvider.GetRequiredService<IMediator>());
    }

    var bytes = GC.GetAllocatedBytesForCurrentThread();
    var clock = Stopwatch.StartNew();
    for (var i = 0; i < requests; i++)
    {
        await using var scope = provider.CreateAsyncScope();
        await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    clock.Stop();
    return (clock.Elapsed.TotalMicroseconds / requests, (GC.GetAllocatedBytesForCurrentThread() - bytes) / requests);
}

/// <summary>A read model that answers at once, without a database.</summary>
internal sealed class FixedReadModel : ICooperativeReadModel
{
    private static readonly CooperativeDto Dto = new()
    {
        Id = Guid.CreateVersion7(), Name = "Hợp tác xã", Kind = OrganizationKind.Cooperative, Sector = Sector.Other,
        Status = OrganizationStatus.Active, ProvinceCode = "79", CommuneCode = "26734", EstablishedOn = new DateOnly(2020, 1, 1),
        CharterCapital = 1, MemberCount = 5, IsYouthCooperative = false, MainProducts = [],
        CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch, Version = 1,
    };

    private static readonly PagedList<CooperativeDto> Page = new([Dto], 1, 20, 1);

    public Task<CooperativeDto?> FindAsync(Guid id, CancellationToken cancellationToken) => Task.FromResult<CooperativeDto?>(Dto);

    public Task<PagedList<CooperativeDto>> ListAsync(ListCooperativesQuery query, CancellationToken cancellationToken) => Task.FromResult(Page);

    public Task<IReadOnlyList<StatusChangeDto>?> GetStatusHistoryAsync(Guid id, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StatusChangeDto>?>([]);
}
