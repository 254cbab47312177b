using System.Reflection;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Common;
using CoopApi.Infrastructure.Persistence;
using CoopApi.WebApi.Controllers;
using Microsoft.AspNetCore.Mvc;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>The four assemblies of the product, each found through a type it must contain.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = typeof(Entity).Assembly;

    public static readonly Assembly Application = typeof(ICommand<>).Assembly;

    public static readonly Assembly Infrastructure = typeof(CoopDbContext).Assembly;

    public static readonly Assembly WebApi = typeof(CooperativesController).Assembly;

    public const string DomainNamespace = "CoopApi.Domain";

    /// <summary>Every controller of an assembly: the classes deriving from <see cref="ControllerBase"/>.</summary>
    public static IReadOnlyList<Type> ControllersIn(Assembly assembly) => assembly.GetTypes()
        .Where(t => t.IsClass && typeof(ControllerBase).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();
}
