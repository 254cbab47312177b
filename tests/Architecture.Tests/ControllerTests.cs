using CoopApi.Architecture.Tests.Rules;

namespace CoopApi.Architecture.Tests;

/// <summary>Endpoints turn HTTP into a request, send it, and turn the result into HTTP: nothing else.</summary>
public class ControllerTests
{
    internal static readonly string[] ForbiddenInControllers =
        ["Microsoft.EntityFrameworkCore", "CoopApi.Infrastructure", "Npgsql", "FluentValidation"];

    private static readonly IReadOnlyList<Type> Controllers = Layers.ControllersIn(Layers.WebApi);

    [Fact]
    public void Controllers_AreFound()
    {
        Assert.Contains(Controllers, c => c.Name == "CooperativesController");
        Assert.Contains(Controllers, c => c.Name == "AdministrativeUnitsController");
        Assert.Contains(Controllers, c => c.Name == "ReferenceController");
    }

    [Fact]
    public void Controllers_HaveOneConstructorTakingOnlyTheMediator()
    {
        Rule.Holds(ControllerRules.ConstructorOffenders(Controllers),
            "Every controller must have exactly one constructor, whose only parameter is MediatR.IMediator");
    }

    [Fact]
    public void Controllers_DoNotDependOnPersistenceOrValidation()
    {
        Rule.Holds(DependencyRules.Offenders(Layers.WebApi, ForbiddenInControllers, Controllers),
            "Controllers must not depend on EF Core, Infrastructure, Npgsql or FluentValidation");
    }

    [Fact]
    public void Controllers_UseNoDomainTypeButEnumerationsAndCallNoDomainMethod()
    {
        Rule.Holds(ControllerRules.DomainUsageOffenders(Controllers, Layers.Domain),
            "Controllers must reference no domain type except enumerations and call no domain method");
    }
}
