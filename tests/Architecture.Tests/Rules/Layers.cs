using System.Reflection;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Common;
using CoopApi.Infrastructure.Persistence;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>The four assemblies of the product, each found through a type it must contain.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Entity).Assembly;

    public static readonly Assembly Application = typeof(ICommand<>).Assembly;

    public static readonly Assembly Infrastructure = typeof(CoopDbContext).Assembly;

    public static readonly Assembly WebApi = typeof(Program).Assembly;

    public const string DomainNamespace = "CoopApi.Domain";

    /// <summary>
    /// Every endpoint group of an assembly: the classes implementing an interface named
    /// <c>IEndpointGroup</c> (the product's is internal, so it is matched by name).
    /// </summary>
    public static IReadOnlyList<Type> EndpointGroupsIn(Assembly assembly) => assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetInterfaces().Any(i => i.Name == "IEndpointGroup"))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();
}
