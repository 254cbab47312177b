using CoopApi.Architecture.Tests.Rules;

namespace CoopApi.Architecture.Tests;

public class LayerDependencyTests
{
    [Fact]
    public void Domain_DependsOnNothingOutward()
    {
        var offenders = DependencyRules.Offenders(Layers.Domain,
        [
            "CoopApi.Application", "CoopApi.Infrastructure", "CoopApi.WebApi", "Microsoft.EntityFrameworkCore",
            "MediatR", "FluentValidation", "Microsoft.AspNetCore", "Npgsql",
        ]);

        Rule.Holds(offenders, "Domain must not depend on outer layers, EF Core, MediatR, FluentValidation, ASP.NET Core or Npgsql");
    }

    [Fact]
    public void Domain_ReferencesNoOtherAssemblyThanTheRuntime()
    {
        var references = Layers.Domain.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !n.StartsWith("System", StringComparison.Ordinal) && n is not ("netstandard" or "mscorlib"))
            .ToList();

        Rule.Holds(references, "The Domain assembly must reference only the .NET runtime");
    }

    [Fact]
    public void Application_DoesNotDependOnInfrastructureWebOrNpgsql()
    {
        var offenders = DependencyRules.Offenders(Layers.Application,
            ["CoopApi.Infrastructure", "CoopApi.WebApi", "Npgsql", "Microsoft.AspNetCore"]);

        Rule.Holds(offenders, "Application must not depend on Infrastructure, WebApi, Npgsql or ASP.NET Core");
    }

    [Fact]
    public void Infrastructure_DoesNotDependOnWeb()
    {
        var offenders = DependencyRules.Offenders(Layers.Infrastructure, ["CoopApi.WebApi", "Microsoft.AspNetCore"]);

        Rule.Holds(offenders, "Infrastructure must not depend on WebApi or ASP.NET Core");
    }
}
