using System.Reflection;
using NetArchTest.Rules;

namespace CoopApi.Architecture.Tests.Rules;

/// <summary>Forbidden dependencies, found by NetArchTest (type signatures, members and IL).</summary>
internal static class DependencyRules
{
    /// <summary>
    /// Full names of the types of <paramref name="assembly"/> that depend on any of
    /// <paramref name="forbidden"/> (namespace or type-name prefixes). When
    /// <paramref name="scope"/> is given, only those types and the types nested in them (lambdas,
    /// async state machines) are reported.
    /// </summary>
    public static IReadOnlyList<string> Offenders(Assembly assembly, string[] forbidden, IEnumerable<Type>? scope = null)
    {
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();
        var offenders = (result.FailingTypeNames ?? []).Select(n => n.Replace('/', '+'));
        if (scope is not null)
        {
            var roots = scope.Select(t => t.FullName!).ToList();
            offenders = offenders.Where(n => roots.Any(r => n == r || n.StartsWith(r + "+", StringComparison.Ordinal)));
        }

        return offenders.Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
