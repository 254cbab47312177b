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

    private static readonly Type[] FixtureGroups = Layers.EndpointGroupsIn(typeof(SelfCheckTests).Assembly).ToArray();

    [Fact]
    public void EndpointGroupsIn_FindsTheFixtureGroups()
    {
        Assert.Equal([typeof(EnumOnlyEndpoints), typeof(MeddlingEndpoints), typeof(StatefulEndpoints)], FixtureGroups);
    }

    [Fact]
    public void ServiceRule_ReportsOtherServicesAndState()
    {
        var offenders = EndpointRules.ServiceOffenders(FixtureGroups);

        Assert.Equal(4, offenders.Count);
        Assert.Contains($"{typeof(MeddlingEndpoints).FullName}.Register takes ICurrentUser user", offenders);
        Assert.Contains($"{typeof(MeddlingEndpoints).FullName}.Register takes CooperativeDetails details", offenders);
        Assert.Contains($"{typeof(MeddlingEndpoints).FullName}.Count takes DbContext db", offenders);
        Assert.Contains($"{typeof(StatefulEndpoints).FullName} holds state", offenders);
    }

    [Fact]
    public void DependencyRule_ReportsAnEndpointUsingEfCore()
    {
        var offenders = DependencyRules.Offenders(typeof(SelfCheckTests).Assembly, EndpointTests.ForbiddenInEndpoints, FixtureGroups);

        Assert.Equal([typeof(MeddlingEndpoints).FullName!], offenders);
    }

    [Fact]
    public void DependencyRule_ReportsALayerDependency()
    {
        var offenders = DependencyRules.Offenders(typeof(SelfCheckTests).Assembly, ["FluentValidation"]);

        Assert.Contains(typeof(TidyCommandValidator).FullName!, offenders);
        Assert.Contains(typeof(OpenQueryValidator).FullName!, offenders);
        Assert.DoesNotContain(typeof(EnumOnlyEndpoints).FullName!, offenders);
    }

    [Fact]
    public void DomainUsageRule_ReportsDomainCallsAndTypes_IncludingInsideAsyncMethods()
    {
        var offenders = EndpointRules.DomainUsageOffenders([typeof(MeddlingEndpoints)], Layers.Domain);

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
        Rule.Holds(EndpointRules.DomainUsageOffenders([typeof(EnumOnlyEndpoints)], Layers.Domain),
            "Enumerations are allowed in endpoints");
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
    public void LayoutRule_ReportsRequestsOutsideTheirUseCaseFolder_AndAcceptsOneInside()
    {
        var offenders = RequestRules.LayoutOffenders(FixtureTypes, "CoopApi.Architecture.Tests");

        Assert.Contains(offenders, o => o.StartsWith(typeof(TidyCommand).FullName!, StringComparison.Ordinal));
        Assert.DoesNotContain(offenders, o => o.Contains(nameof(Layout.Queries.FindWidget.FindWidgetQuery), StringComparison.Ordinal));
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
