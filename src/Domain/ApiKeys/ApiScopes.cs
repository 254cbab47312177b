namespace CoopApi.Domain.ApiKeys;

/// <summary>
/// What a caller may do, as scopes: the same names in an API key and in an OpenID Connect token
/// (its <c>scope</c> or <c>scp</c> claim).
/// </summary>
public static class ApiScopes
{
    /// <summary>Read the register (lists, records, history, statistics).</summary>
    public const string Read = "read";

    /// <summary>Create and change records (within the caller's provinces).</summary>
    public const string Write = "write";

    /// <summary>Record yearly classifications (assessments).</summary>
    public const string Classify = "classify";

    /// <summary>Administration: API keys, audit, schemes.</summary>
    public const string Admin = "admin";

    /// <summary>Every scope, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Read, Write, Classify, Admin];

    /// <summary>True for a known scope name (exact, case-sensitive).</summary>
    public static bool IsKnown(string? scope) => scope is Read or Write or Classify or Admin;
}
