using CoopApi.Architecture.Tests.Rules;

namespace CoopApi.Architecture.Tests;

/// <summary>Endpoints turn HTTP into a request, send it, and turn the result into HTTP: nothing else.</summary>
public class EndpointTests
{
    internal static readonly string[] ForbiddenInEndpoints =
        ["Microsoft.EntityFrameworkCore", "CoopApi.Infrastructure", "Npgsql", "FluentValidation"];

    private static readonly IReadOnlyList<Type> Groups = Layers.EndpointGroupsIn(Layers.WebApi);

    [Fact]
    public void EndpointGroups_AreFoundWithTheirHandlers()
    {
        Assert.Equal(["AdministrativeUnitsEndpoints", "AnnualReportsEndpoints", "ApiKeysEndpoints", "AuditEndpoints", "ChangesEndpoints", "ClassificationSchemesEndpoints",
            "ClassificationsEndpoints", "CooperativesEndpoints", "DevelopmentTargetsEndpoints", "ImportEndpoints", "OcopProductsEndpoints", "PartnershipAgreementsEndpoints", "ReferenceEndpoints", "StatisticsEndpoints", "SteeringActivitiesEndpoints", "SteeringCommitteesEndpoints"],
            Groups.Select(g => g.Name));
        Assert.All(Groups, g => Assert.NotEmpty(EndpointRules.Handlers(g)));
    }

    [Fact]
    public void Endpoints_AskForNoServiceButTheMediator_AndHoldNoState()
    {
        Rule.Holds(EndpointRules.ServiceOffenders(Groups),
            "Endpoint handlers may take IMediator as their only service, and endpoint groups hold no state");
    }

    [Fact]
    public void Endpoints_DoNotDependOnPersistenceOrValidation()
    {
        Rule.Holds(DependencyRules.Offenders(Layers.WebApi, ForbiddenInEndpoints, Groups),
            "Endpoints must not depend on EF Core, Infrastructure, Npgsql or FluentValidation");
    }

    [Fact]
    public void Endpoints_UseNoDomainTypeButEnumerationsAndCallNoDomainMethod()
    {
        Rule.Holds(EndpointRules.DomainUsageOffenders(Groups, Layers.Domain),
            "Endpoints must reference no domain type except enumerations and call no domain method");
    }
}
