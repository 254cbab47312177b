using CoopApi.Domain.AdministrativeUnits;

namespace CoopApi.Tests.Common;

/// <summary>
/// A few real units of the 2025 map: Lạng Sơn (20) with Cai Kinh and Vân Nham, Bắc Ninh (24) with
/// Phường Bắc Giang; pre-reform province 27 went into 24, pre-reform commune 06433 into 06415.
/// </summary>
internal sealed class SmallMap : IAdministrativeUnits
{
    public static readonly SmallMap Instance = new();

    private static readonly Province[] Provinces =
        [new("20", "Tỉnh Lạng Sơn", ProvinceKind.Province), new("24", "Tỉnh Bắc Ninh", ProvinceKind.Province)];

    private static readonly Commune[] Communes =
    [
        new("06427", "Xã Cai Kinh", CommuneKind.Commune, "20"),
        new("06415", "Xã Vân Nham", CommuneKind.Commune, "20"),
        new("07210", "Phường Bắc Giang", CommuneKind.Ward, "24"),
    ];

    public Province? FindProvince(string code) => Provinces.FirstOrDefault(p => p.Code == code);

    public Commune? FindCommune(string code) => Communes.FirstOrDefault(c => c.Code == code);

    public IReadOnlyList<string> ProvincesReplacing(string oldCode) => oldCode == "27" ? ["24"] : [];

    public IReadOnlyList<string> CommunesReplacing(string oldCode) => oldCode == "06433" ? ["06415"] : [];
}
