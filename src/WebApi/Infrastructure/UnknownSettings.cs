namespace CoopApi.WebApi.Infrastructure;

/// <summary>
/// Warns, once at start-up, about every setting under one of CoopApi's own sections that no code
/// reads: a misspelt environment variable (<c>Database__MigrateOnStatup</c>) would otherwise be
/// ignored in silence and the default used. The settings that exist are those of
/// <c>appsettings.json</c>, which lists every one of them with its default (documented in
/// docs/configuration.md); framework sections (<c>Logging</c>, <c>Kestrel</c>, <c>ASPNETCORE_*</c>,
/// <c>OTEL_*</c>) are not checked.
/// </summary>
internal static class UnknownSettings
{
    /// <summary>The sections that belong to CoopApi.</summary>
    public static readonly string[] Sections = ["ConnectionStrings", "Database", "Api", "Auth", "RateLimits", "Cors", "Idempotency", "Import", "Metrics"];

    /// <summary>The settings of <paramref name="configuration"/> that are not known, as <c>Section:Key</c>.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration, string contentRoot)
    {
        var file = Path.Combine(contentRoot, "appsettings.json");
        if (!File.Exists(file))
        {
            file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        }

        if (!File.Exists(file))
        {
            return [];
        }

        var known = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build()
            .AsEnumerable()
            .Select(pair => Normalize(pair.Key))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return
        [
            .. configuration.AsEnumerable()
                .Where(pair => pair.Value is not null && Sections.Contains(pair.Key.Split(':')[0], StringComparer.OrdinalIgnoreCase))
                .Select(pair => pair.Key)
                .Where(key => !known.Contains(Normalize(key)))
                .Order(StringComparer.Ordinal),
        ];
    }

    /// <summary>Logs one warning per unknown setting.</summary>
    public static void Warn(WebApplication app)
    {
        foreach (var key in Find(app.Configuration, app.Environment.ContentRootPath))
        {
            app.Logger.LogWarning(
                "Unknown setting {Setting} (environment variable {Variable}) is ignored: misspelt? The settings are listed in docs/configuration.md",
                key, key.Replace(":", "__", StringComparison.Ordinal));
        }
    }

    /// <summary><c>Cors:AllowedOrigins:0</c> → <c>Cors:AllowedOrigins</c>: list items are their list's setting.</summary>
    private static string Normalize(string key) =>
        string.Join(':', key.Split(':').Where(segment => segment.Length == 0 || !segment.All(char.IsAsciiDigit)));
}
