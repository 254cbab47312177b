using CoopApi.Domain.Common;

namespace CoopApi.Domain.AdministrativeUnits;

/// <summary>Kind of province-level unit.</summary>
public enum ProvinceKind
{
    /// <summary>Tỉnh.</summary>
    [Label("Tỉnh", "Province")]
    Province = 1,

    /// <summary>Thành phố trực thuộc trung ương.</summary>
    [Label("Thành phố trực thuộc trung ương", "Centrally governed city")]
    City = 2,
}

/// <summary>Kind of commune-level unit.</summary>
public enum CommuneKind
{
    /// <summary>Xã.</summary>
    [Label("Xã", "Commune")]
    Commune = 1,

    /// <summary>Phường.</summary>
    [Label("Phường", "Ward")]
    Ward = 2,

    /// <summary>Đặc khu.</summary>
    [Label("Đặc khu", "Special zone")]
    SpecialZone = 3,
}

/// <summary>How much of a pre-reform commune went into a new one.</summary>
public enum MergePart
{
    /// <summary>The whole old unit.</summary>
    [Label("Toàn bộ", "Full")]
    Full = 1,

    /// <summary>Part of the old unit (it was split between several new ones).</summary>
    [Label("Một phần", "Partial")]
    Partial = 2,
}

/// <summary>A province-level unit after the 1 July 2025 reform (34 in all). Reference data.</summary>
public sealed class Province
{
    /// <summary>Creates a province.</summary>
    public Province(string code, string name, ProvinceKind kind)
    {
        Code = code;
        Name = name;
        Kind = kind;
    }

    /// <summary>2-digit code.</summary>
    public string Code { get; private set; }

    /// <summary>Official name, e.g. "Tỉnh Lạng Sơn".</summary>
    public string Name { get; private set; }

    /// <summary>Province or centrally governed city.</summary>
    public ProvinceKind Kind { get; private set; }
}

/// <summary>A commune-level unit after the reform (3,321 in all). Reference data.</summary>
public sealed class Commune
{
    /// <summary>Creates a commune.</summary>
    public Commune(string code, string name, CommuneKind kind, string provinceCode)
    {
        Code = code;
        Name = name;
        Kind = kind;
        ProvinceCode = provinceCode;
    }

    /// <summary>5-digit code.</summary>
    public string Code { get; private set; }

    /// <summary>Official name, e.g. "Xã Cai Kinh".</summary>
    public string Name { get; private set; }

    /// <summary>Commune, ward or special zone.</summary>
    public CommuneKind Kind { get; private set; }

    /// <summary>Code of the province it belongs to.</summary>
    public string ProvinceCode { get; private set; }
}

/// <summary>A pre-reform province and the current province it became part of.</summary>
public sealed class ProvinceMerge
{
    /// <summary>Creates a mapping row.</summary>
    public ProvinceMerge(string newCode, string oldCode, string oldName)
    {
        NewCode = newCode;
        OldCode = oldCode;
        OldName = oldName;
    }

    /// <summary>Current province code.</summary>
    public string NewCode { get; private set; }

    /// <summary>Pre-reform province code.</summary>
    public string OldCode { get; private set; }

    /// <summary>Pre-reform province name.</summary>
    public string OldName { get; private set; }
}

/// <summary>A pre-reform commune (or part of one) and the current commune it went into.</summary>
public sealed class CommuneMerge
{
    /// <summary>Creates a mapping row.</summary>
    public CommuneMerge(string newCode, string oldCode, string oldName, MergePart part)
    {
        NewCode = newCode;
        OldCode = oldCode;
        OldName = oldName;
        Part = part;
    }

    /// <summary>Current commune code.</summary>
    public string NewCode { get; private set; }

    /// <summary>Pre-reform commune code.</summary>
    public string OldCode { get; private set; }

    /// <summary>Pre-reform commune name.</summary>
    public string OldName { get; private set; }

    /// <summary>Whether the whole old commune or only part of it went into the new one.</summary>
    public MergePart Part { get; private set; }
}
