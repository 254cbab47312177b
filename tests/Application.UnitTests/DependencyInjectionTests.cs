using CoopApi.Tests.Common;
using CoopApi.Application.AdministrativeUnits;
using CoopApi.Application.AdministrativeUnits.Queries;
using CoopApi.Application.Audit;
using CoopApi.Application.Audit.Queries;
using CoopApi.Application.Audit.Queries.ListAuditEntries;
using CoopApi.Application.Common.Behaviours;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Cooperatives.Queries;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Cooperatives;
using CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus;
using CoopApi.Application.Cooperatives.Commands.CreateCooperative;
using CoopApi.Application.Cooperatives.Commands.UpdateCooperative;
using CoopApi.Application.Cooperatives.Queries.GetCooperative;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using CoopApi.Application.Reference.Queries.GetEnumerations;
using CoopApi.Application.UnitTests.Fakes;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoopApi.Application.UnitTests;

/// <summary>
/// <c>AddApplication()</c> wired into a real container, with hand-written fakes for what the
/// outer layers provide (database, calendar, transactions, logging).
/// </summary>
public sealed class DependencyInjectionTests : IDisposable
{
    private static readonly Type[] RequestTypes = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && ResponseOf(t) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToArray();

    private readonly ServiceCollection _services = new();
    private readonly ServiceProvider _provider;
    private int _transactionRunnerResolutions;

    public DependencyInjectionTests()
    {
        _services.AddApplication();
        _services.AddScoped<NoDatabase>();
        _services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<NoDatabase>());
        _services.AddSingleton<IVietnamCalendar, FixedCalendar>();
        _services.AddSingleton<CoopApi.Domain.AdministrativeUnits.IAdministrativeUnits>(SmallMap.Instance);
        _services.AddSingleton<RecordingTransactionRunner>();
        _services.AddScoped<ITransactionRunner>(sp =>
        {
            _transactionRunnerResolutions++;
            return sp.GetRequiredService<RecordingTransactionRunner>();
        });
        _services.AddSingleton<ICooperativeReadModel, NoReadSide>();
        _services.AddSingleton<IAdministrativeUnitReadModel, NoReadSide>();
        _services.AddSingleton<CoopApi.Application.Changes.Queries.IChangesReadModel, NoReadSide>();
        _services.AddSingleton<IAuditReadModel, NoReadSide>();
        _services.AddSingleton<CoopApi.Application.ApiKeys.Queries.IApiKeyReadModel, NoApiKeys>();
        _services.AddSingleton<CoopApi.Application.AnnualReports.Queries.IAnnualReportReadModel, NoReportReadSides>();
        _services.AddSingleton<CoopApi.Application.OcopProducts.Queries.IOcopProductReadModel, NoReportReadSides>();
        _services.AddSingleton<CoopApi.Application.Classifications.Queries.IClassificationReadModel, NoClassifications>();
        _services.AddSingleton<CoopApi.Application.ClassificationSchemes.Queries.IClassificationSchemeReadModel, NoClassifications>();
        _services.AddSingleton<CoopApi.Application.SteeringCommittees.Queries.ISteeringReadModel, NoSteeringReadSide>();
        _services.AddSingleton<CoopApi.Application.Partnerships.Queries.IPartnershipReadModel, NoPartnershipReadSide>();
        _services.AddSingleton<CoopApi.Application.DevelopmentTargets.Queries.IDevelopmentTargetReadModel, NoDevelopmentTargetReadSide>();
        _services.AddSingleton<CoopApi.Application.Statistics.Queries.IStatisticsReadModel, Fakes.NoStatisticsReadSide>();
        _services.AddScoped<ICurrentUser, AnonymousUser>();
        // The import's ports (Infrastructure): present, never called by these tests.
        _services.AddSingleton<NoImport>();
        _services.AddSingleton<CoopApi.Application.Import.IImportJobStore>(sp => sp.GetRequiredService<NoImport>());
        _services.AddSingleton<CoopApi.Application.Import.IImportJobProgress>(sp => sp.GetRequiredService<NoImport>());
        _services.AddSingleton<CoopApi.Application.Import.IImportFileReader>(sp => sp.GetRequiredService<NoImport>());
        _services.AddScoped<CoopApi.Application.Import.ICooperativeImportStaging>(sp => sp.GetRequiredService<NoImport>());
        _services.AddSingleton<CoopApi.Application.Import.Queries.ExportCooperatives.ICooperativeExport>(sp => sp.GetRequiredService<NoImport>());
        _services.AddSingleton<LogSink>();
        _services.AddSingleton(typeof(ILogger<>), typeof(RecordingLogger<>));
        _provider = _services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static TheoryData<Type> Requests() => new(RequestTypes);

    public void Dispose() => _provider.Dispose();

    [Fact]
    public void RequestTypes_AreFound()
    {
        Assert.Contains(typeof(CreateCooperativeCommand), RequestTypes);
        Assert.Contains(typeof(ListCooperativesQuery), RequestTypes);
        Assert.Contains(typeof(GetEnumerationsQuery), RequestTypes);
        Assert.True(RequestTypes.Length >= 10, string.Join(", ", RequestTypes.Select(t => t.Name)));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void EveryRequest_HasExactlyOneHandlerRegistered_AndItResolves(Type request)
    {
        var contract = typeof(IRequestHandler<,>).MakeGenericType(request, ResponseOf(request)!);

        var registrations = _services.Where(d => d.ServiceType == contract).ToList();

        Assert.Single(registrations);
        using var scope = _provider.CreateScope();
        Assert.NotNull(scope.ServiceProvider.GetService(contract));
    }

    [Fact]
    public void Behaviours_ResolveInPipelineOrderForARealCommand()
    {
        Assert.Equal(
            [typeof(UnhandledExceptionBehaviour<,>), typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)],
            BehavioursOf<ChangeCooperativeStatusCommand, CooperativeDto>());
    }

    [Fact]
    public void Behaviours_OfAQueryWithAValidator_ValidateButOpenNoTransaction()
    {
        Assert.Equal(
            [typeof(UnhandledExceptionBehaviour<,>), typeof(ValidationBehaviour<,>)],
            BehavioursOf<ListCooperativesQuery, CooperativePage>());
    }

    [Fact]
    public void Behaviours_OfAQueryWithoutValidator_AreOnlyTheErrorLog()
    {
        Assert.Equal([typeof(UnhandledExceptionBehaviour<,>)], BehavioursOf<GetCooperativeQuery, CooperativeDto>());
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void QueryHandlers_AreSingletons_CommandHandlersAreScoped(Type request)
    {
        var contract = typeof(IRequestHandler<,>).MakeGenericType(request, ResponseOf(request)!);
        var isQuery = request.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IQuery<>));

        var registration = Assert.Single(_services, d => d.ServiceType == contract);

        Assert.Equal(isQuery ? ServiceLifetime.Singleton : ServiceLifetime.Scoped, registration.Lifetime);
    }

    [Fact]
    public void QueryPipeline_IsBuiltOnce_NotPerRequest()
    {
        object[] Resolve()
        {
            using var scope = _provider.CreateScope();
            var sp = scope.ServiceProvider;
            return [
                sp.GetRequiredService<IRequestHandler<ListCooperativesQuery, CooperativePage>>(),
                .. sp.GetServices<IPipelineBehavior<ListCooperativesQuery, CooperativePage>>(),
                .. sp.GetServices<IValidator<ListCooperativesQuery>>(),
            ];
        }

        var first = Resolve();
        var second = Resolve();

        Assert.Equal(4, first.Length);
        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
    }

    [Fact]
    public void CommandValidators_CheckingCodesInMemory_AreBuiltOnce()
    {
        // They take the calendar and the administrative map (process-wide), no unit of work.
        object Resolve()
        {
            using var scope = _provider.CreateScope();
            return scope.ServiceProvider.GetRequiredService<IValidator<CreateCooperativeCommand>>();
        }

        Assert.Same(Resolve(), Resolve());
    }

    [Fact]
    public async Task Send_Queries_NeverResolveTheTransactionRunnerNorTheDbContext()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        await mediator.Send(new ListCooperativesQuery());
        await Assert.ThrowsAsync<NoDatabaseException>(() => mediator.Send(new GetCooperativeQuery(Guid.CreateVersion7())));

        Assert.Equal(0, _transactionRunnerResolutions);
        Assert.Equal(0, scope.ServiceProvider.GetRequiredService<NoDatabase>().Touched);
    }

    [Theory]
    [InlineData(typeof(CreateCooperativeCommand), typeof(CreateCooperativeCommandValidator))]
    [InlineData(typeof(UpdateCooperativeCommand), typeof(UpdateCooperativeCommandValidator))]
    [InlineData(typeof(ChangeCooperativeStatusCommand), typeof(ChangeCooperativeStatusCommandValidator))]
    [InlineData(typeof(ListCooperativesQuery), typeof(ListCooperativesQueryValidator))]
    public void Validators_AreRegisteredOncePerRequest(Type request, Type validator)
    {
        using var scope = _provider.CreateScope();

        var resolved = scope.ServiceProvider.GetServices(typeof(IValidator<>).MakeGenericType(request)).ToList();

        Assert.IsType(validator, Assert.Single(resolved));
    }

    [Fact]
    public async Task Send_QueryWithoutDatabase_ReturnsTheHandlersAnswer()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var enums = await mediator.Send(new GetEnumerationsQuery());

        Assert.Equal(["activityKind", "agreementStatus", "areaLevel", "changeOperation", "classificationGrouping", "committeeLevel", "committeeRole", "committeeStatus", "communeKind", "mergePart", "notRatedReason",
                "ocopCertifier", "ocopProductStatus", "organizationKind", "organizationStatus", "partyKind", "progressState", "provinceKind", "rating", "registerMeasure",
                "reviewKind", "sector", "sectorGroup", "sizeClass", "targetComparison", "targetKind", "targetMetric", "targetState", "totalCountKind"],
            enums.Keys.Order(StringComparer.Ordinal).ToArray());
        var awaiting = Assert.Single(enums["organizationStatus"], v => v.Value == "awaitingDissolution");
        Assert.Equal("Ngừng hoạt động chờ giải thể", awaiting.Vi);
        Assert.Equal("Awaiting dissolution", awaiting.En);
        Assert.Equal(0, _provider.GetRequiredService<RecordingTransactionRunner>().Runs);
    }

    [Fact]
    public async Task Send_InvalidCommand_StopsAtValidation_NoTransactionNoDatabaseNoErrorLog()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var ex = await Assert.ThrowsAsync<ValidationException>(() =>
            mediator.Send(new ChangeCooperativeStatusCommand { Id = Guid.CreateVersion7() }));

        Assert.Equal(3, ex.Errors.Count());
        Assert.Equal(0, _provider.GetRequiredService<RecordingTransactionRunner>().Runs);
        Assert.Equal(0, scope.ServiceProvider.GetRequiredService<NoDatabase>().Touched);
        Assert.Empty(_provider.GetRequiredService<LogSink>().Entries);
    }

    [Fact]
    public async Task Send_ValidCommand_HandlerRunsInsideTransaction_AndItsFailureIsMarkedOutside_NotLogged()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var command = new ChangeCooperativeStatusCommand
        {
            Id = Guid.CreateVersion7(),
            Status = OrganizationStatus.Suspended,
            EffectiveOn = new DateOnly(2025, 6, 30),
            Reason = "Quyết định số 125/QĐ-UBND",
        };

        var ex = await Assert.ThrowsAsync<NoDatabaseException>(() => mediator.Send(command));

        Assert.Equal(1, _provider.GetRequiredService<RecordingTransactionRunner>().Runs);
        Assert.True(scope.ServiceProvider.GetRequiredService<NoDatabase>().Touched > 0, "the handler ran");
        // The web layer's exception handler is the one place that logs it, naming this request type.
        Assert.Equal(nameof(ChangeCooperativeStatusCommand), UnhandledExceptions.RequestTypeOf(ex));
        Assert.Empty(_provider.GetRequiredService<LogSink>().Entries);
    }

    [Fact]
    public async Task Send_Query_NeverOpensATransaction()
    {
        using var scope = _provider.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var ex = await Assert.ThrowsAsync<NoDatabaseException>(() => mediator.Send(new GetCooperativeQuery(Guid.CreateVersion7())));

        Assert.Equal(0, _provider.GetRequiredService<RecordingTransactionRunner>().Runs);
        Assert.Equal(nameof(GetCooperativeQuery), UnhandledExceptions.RequestTypeOf(ex));
    }

    private Type[] BehavioursOf<TRequest, TResponse>()
        where TRequest : IRequest<TResponse>
    {
        using var scope = _provider.CreateScope();
        return scope.ServiceProvider.GetServices<IPipelineBehavior<TRequest, TResponse>>()
            .Select(b => b.GetType().GetGenericTypeDefinition())
            .ToArray();
    }

    private static Type? ResponseOf(Type type) => type.GetInterfaces()
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>))
        .Select(i => i.GetGenericArguments()[0])
        .SingleOrDefault();
}

/// <summary>
/// Read models with no database behind them: a list is empty, anything else fails as
/// "unexpected", like <see cref="NoDatabase"/>.
/// </summary>
internal sealed class NoReadSide : ICooperativeReadModel, IAdministrativeUnitReadModel, CoopApi.Application.Changes.Queries.IChangesReadModel, IAuditReadModel
{
    public Task<(IReadOnlyList<CoopApi.Application.Changes.ChangeEntryDto> Entries, bool HasMore)> ReadAsync(
        CoopApi.Application.Changes.ChangeCursor after, int limit, string? entityType, string? provinceCode,
        CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<AuditPageDto> ListAsync(ListAuditEntriesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new AuditPageDto([], null));

    public Task<CooperativeDto?> FindAsync(Guid id, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<CooperativePage> ListAsync(ListCooperativesQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(new CooperativePage([], query.Page, query.PageSize, 0, TotalCountKind.Exact, null));

    public Task<IReadOnlyList<StatusChangeDto>?> GetStatusHistoryAsync(Guid id, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<ProvinceDto>> ListProvincesAsync(CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<CommuneDto>?> ListCommunesAsync(string provinceCode, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<PreReformCodeDto?> LookupPreReformProvinceAsync(string code, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<PreReformCodeDto?> LookupPreReformCommuneAsync(string code, CancellationToken cancellationToken) => throw new NoDatabaseException();
}

internal sealed class NoApiKeys : CoopApi.Application.ApiKeys.Queries.IApiKeyReadModel
{
    public Task<IReadOnlyList<CoopApi.Application.ApiKeys.ApiKeyDto>> ListAsync(CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<CoopApi.Application.ApiKeys.ApiKeyDto?> FindAsync(Guid id, CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<(CoopApi.Application.ApiKeys.ApiKeyDto Key, byte[] Hash)?> FindByPrefixAsync(string prefix, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task MarkUsedAsync(Guid id, DateTimeOffset at, TimeSpan resolution, CancellationToken cancellationToken) => throw new NoDatabaseException();
}

internal sealed class NoClassifications : CoopApi.Application.Classifications.Queries.IClassificationReadModel,
    CoopApi.Application.ClassificationSchemes.Queries.IClassificationSchemeReadModel
{
    public Task<CoopApi.Application.Classifications.ClassificationDto?> FindAsync(Guid id, bool includeHistory, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task<CoopApi.Application.Classifications.ClassificationDto?> FindAsync(Guid cooperativeId, int year, bool includeHistory,
        CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<CoopApi.Application.Classifications.ClassificationDto>?> ListForCooperativeAsync(Guid cooperativeId, bool includeHistory,
        CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<PagedList<CoopApi.Application.Classifications.ClassificationSummaryDto>> ListAsync(
        CoopApi.Application.Classifications.Queries.ListClassifications.ListClassificationsQuery query, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task<IReadOnlyList<CoopApi.Application.Classifications.Queries.GetClassificationDistribution.RatingCounts>> CountAsync(
        CoopApi.Application.Classifications.Queries.GetClassificationDistribution.GetClassificationDistributionQuery query,
        CancellationToken cancellationToken) => throw new NoDatabaseException();

    public Task<IReadOnlyList<CoopApi.Application.ClassificationSchemes.ClassificationSchemeDto>> ListAsync(CancellationToken cancellationToken) =>
        throw new NoDatabaseException();

    public Task<CoopApi.Application.ClassificationSchemes.ClassificationSchemeDto?> FindAsync(string code, CancellationToken cancellationToken) =>
        throw new NoDatabaseException();
}

internal sealed class AnonymousUser : ICurrentUser
{
    public string? Id => null;

    public string? Name => null;

    public string? ClientId => null;

    public bool IsAuthenticated => false;

    public IReadOnlySet<string> Scopes { get; } = new HashSet<string>();

    public IReadOnlySet<string> Provinces { get; } = new HashSet<string>();
}
