using System.Collections.Frozen;
using System.Reflection;
using CoopApi.Domain.AdministrativeUnits;

namespace CoopApi.Infrastructure.ReferenceData;

/// <summary>
/// The administrative map in memory: the 34 provinces, 3,321 communes and pre-reform merges
/// shipped in this assembly (the same files <c>ReferenceDataLoader</c> writes to the database).
/// Reference data changes only on deploy, so it is read once per process into frozen
/// dictionaries; validators and the domain ask it without a database round trip.
/// </summary>
public sealed class AdministrativeUnitsLookup : IAdministrativeUnits
{
    private readonly FrozenDictionary<string, Province> _provinces;
    private readonly FrozenDictionary<string, Commune> _communes;
    private readonly FrozenDictionary<string, string[]> _provinceMerges;
    private readonly FrozenDictionary<string, string[]> _communeMerges;

    /// <summary>Reads the embedded reference files.</summary>
    public AdministrativeUnitsLookup()
    {
        _provinces = ReferenceDataFiles.Rows(ReferenceDataFiles.Provinces)
            .Select(r => new Province(r[0], r[1], Enum.Parse<ProvinceKind>(r[2], ignoreCase: true)))
            .ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _communes = ReferenceDataFiles.Rows(ReferenceDataFiles.Communes)
            .Select(r => new Commune(r[0], r[1], Enum.Parse<CommuneKind>(r[2], ignoreCase: true), r[3]))
            .ToFrozenDictionary(c => c.Code, StringComparer.Ordinal);
        _provinceMerges = Merges(ReferenceDataFiles.ProvinceMerges);
        _communeMerges = Merges(ReferenceDataFiles.CommuneMerges);
    }

    /// <summary>Number of provinces.</summary>
    public int ProvinceCount => _provinces.Count;

    /// <summary>Number of communes.</summary>
    public int CommuneCount => _communes.Count;

    /// <inheritdoc />
    public Province? FindProvince(string code) => _provinces.GetValueOrDefault(code);

    /// <inheritdoc />
    public Commune? FindCommune(string code) => _communes.GetValueOrDefault(code);

    /// <inheritdoc />
    public IReadOnlyList<string> ProvincesReplacing(string oldCode) => _provinceMerges.GetValueOrDefault(oldCode) ?? [];

    /// <inheritdoc />
    public IReadOnlyList<string> CommunesReplacing(string oldCode) => _communeMerges.GetValueOrDefault(oldCode) ?? [];

    private static FrozenDictionary<string, string[]> Merges(string file) =>
        ReferenceDataFiles.Rows(file)
            .GroupBy(r => r[1], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.Select(r => r[0]).Distinct().Order(StringComparer.Ordinal).ToArray(),
                StringComparer.Ordinal);
}

/// <summary>The reference data files embedded in this assembly (dataset dvhcvn/20250701, MIT licence).</summary>
internal static class ReferenceDataFiles
{
    public const string Provinces = "provinces-2025.csv";
    public const string Communes = "communes-2025.csv";
    public const string ProvinceMerges = "province-merges-2025.csv";
    public const string CommuneMerges = "commune-merges-2025.csv";

    public static readonly string[] All = [Provinces, Communes, ProvinceMerges, CommuneMerges];

    /// <summary>Data rows (header skipped). The files hold no quoted fields: names contain no commas.</summary>
    public static IEnumerable<string[]> Rows(string file) => RowsOf(Read(file));

    /// <summary>Data rows of already-read file contents.</summary>
    public static IEnumerable<string[]> RowsOf(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Split(','));

    /// <summary>The text of one file.</summary>
    public static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"CoopApi.ReferenceData.{file}")
            ?? throw new InvalidOperationException($"Embedded reference data {file} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
