using CoopApi.Architecture.Tests.Fixtures;
using CoopApi.Architecture.Tests.Fixtures.Elsewhere;
using CoopApi.Architecture.Tests.Rules;

namespace CoopApi.Architecture.Tests;

/// <summary>
/// Each checker used by the architecture tests, run on test-only types that break its rule
/// (<see cref="Fixtures"/>): a checker that cannot report anything would make its rule pass
/// forever.
/// </summary>
public class SelfCheckTests
{
    private static readonly Type[] FixtureTypes = typeof(SelfCheckTests).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith(typeof(FetchThing).Namespace!, StringComparison.Ordinal) == true)
        .ToArray();

    private static readonly Type[] FixtureControllers = Layers.ControllersIn(typeof(SelfCheckTests).Assembly).ToArray();

    [Fact]
    public void ControllersIn_FindsTheFixtureControllers()
    {
        Assert.Equal(
            [typeof(EnumOnlyController), typeof(MeddlingController), typeof(TwoConstructorsController)],
            FixtureControllers);
    }

    [Fact]
    public void ConstructorRule_ReportsExtraParametersAndExtraConstructors()
    {
        var offenders = ControllerRules.ConstructorOffenders(FixtureControllers);

        Assert.Equal(2, offenders.Count);
        Assert.Contains(offenders, o => o.StartsWith(typeof(MeddlingController).FullName + " (IMediator, ICurrentUser)", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.StartsWith(typeof(TwoConstructorsController).FullName!, StringComparison.Ordinal));
    }

    [Fact]
    public void DependencyRule_ReportsAControllerUsingEfCore()
    {
        var offenders = DependencyRules.Offenders(typeof(SelfCheckTests).Assembly, ControllerTests.ForbiddenInControllers, FixtureControllers);

        Assert.Equal([typeof(MeddlingController).FullName!], offenders);
    }

    [Fact]
    public void DependencyRule_ReportsALayerDependency()
    {
        var offenders = DependencyRules.Offenders(typeof(SelfCheckTests).Assembly, ["FluentValidation"]);

        Assert.Contains(typeof(TidyCommandValidator).FullName!, offenders);
        Assert.Contains(typeof(OpenQueryValidator).FullName!, offenders);
        Assert.DoesNotContain(typeof(EnumOnlyController).FullName!, offenders);
    }

    [Fact]
    public void DomainUsageRule_ReportsDomainCallsAndTypes_IncludingInsideAsyncMethods()
    {
        var offenders = ControllerRules.DomainUsageOffenders([typeof(MeddlingController)], Layers.Domain);

        Assert.Contains(offenders, o => o.Contains("Minimum calls CoopApi.Domain.Cooperatives.OrganizationRules::MinimumMembers", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains("calls CoopApi.Domain.Cooperatives.Cooperative::Register", StringComparison.Ordinal)
                                        && o.Contains("MoveNext", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains("uses CoopApi.Domain.Cooperatives.CooperativeDetails", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains("uses CoopApi.Domain.Cooperatives.Cooperative", StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains("OrganizationKind", StringComparison.Ordinal));
    }

    [Fact]
    public void DomainUsageRule_AllowsEnumerations()
    {
        Rule.Holds(ControllerRules.DomainUsageOffenders([typeof(EnumOnlyController)], Layers.Domain),
            "Enumerations are allowed in controllers");
    }

    [Fact]
    public void RequestRule_ReportsBadNamesUnsealedAndMismatchedInterfaces()
    {
        var offenders = RequestRules.RequestOffenders(FixtureTypes);

        Assert.Equal(3, offenders.Count);
        Assert.Contains(offenders, o => o.Contains(nameof(FetchThing), StringComparison.Ordinal) && o.Contains("neither", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains(nameof(OpenQuery), StringComparison.Ordinal) && o.Contains("sealed", StringComparison.Ordinal));
        Assert.Contains(offenders, o => o.Contains(nameof(RenameCommand), StringComparison.Ordinal) && o.Contains("ICommand", StringComparison.Ordinal));
    }

    [Fact]
    public void HandlerRule_ReportsABadlyNamedHandler()
    {
        Assert.Equal([typeof(FetchThingProcessor).FullName!], RequestRules.HandlerOffenders(FixtureTypes));
    }

    [Fact]
    public void ValidatorRule_ReportsAValidatorAwayFromItsRequest()
    {
        var offender = Assert.Single(RequestRules.ValidatorOffenders(FixtureTypes));

        Assert.StartsWith(typeof(OpenQueryValidator).FullName!, offender, StringComparison.Ordinal);
    }

    [Fact]
    public void RuleAssertion_ListsTheOffenders()
    {
        var ex = Assert.ThrowsAny<Exception>(() => Rule.Holds(["A.B", "C.D"], "rule"));

        Assert.Contains("A.B", ex.Message, StringComparison.Ordinal);
        Assert.Contains("C.D", ex.Message, StringComparison.Ordinal);
    }
}
