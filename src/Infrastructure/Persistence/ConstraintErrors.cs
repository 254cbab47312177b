using System.Collections.Frozen;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// What a violated database constraint means to the application, declared by the feature that
/// owns the constraint (its EF configuration implements this interface, next to the index or
/// check it declares). <see cref="CoopDbContext"/> discovers every declaration in this assembly;
/// a new aggregate adds its own without editing a shared switch.
/// </summary>
internal interface IDeclareConstraintErrors
{
    /// <summary>Constraint name → the exception to throw instead of the database error.</summary>
    IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; }
}

/// <summary>Every <see cref="IDeclareConstraintErrors"/> of this assembly, gathered once.</summary>
internal static class ConstraintErrorCatalogue
{
    private static readonly FrozenDictionary<string, Func<PostgresException, Exception>> All =
        typeof(IDeclareConstraintErrors).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDeclareConstraintErrors).IsAssignableFrom(t))
            .SelectMany(t => ((IDeclareConstraintErrors)Activator.CreateInstance(t, nonPublic: true)!).ConstraintErrors)
            .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The declared meaning of the violated constraint, or null when none was declared.</summary>
    public static Exception? Translate(PostgresException error) =>
        error.ConstraintName is { } name && All.TryGetValue(name, out var map) ? map(error) : null;
}
