namespace CoopApi.Architecture.Tests.Rules;

internal static class Rule
{
    /// <summary>Fails with the rule and every offender listed, one per line.</summary>
    public static void Holds(IReadOnlyCollection<string> offenders, string rule) =>
        Assert.True(offenders.Count == 0,
            $"{rule}. Offending types ({offenders.Count}):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", offenders)}");
}
