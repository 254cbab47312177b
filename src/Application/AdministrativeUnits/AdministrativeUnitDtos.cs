using CoopApi.Domain.AdministrativeUnits;

namespace CoopApi.Application.AdministrativeUnits;

/// <summary>A province-level unit.</summary>
public sealed record ProvinceDto
{
    /// <summary>2-digit code.</summary>
    /// <example>20</example>
    public required string Code { get; init; }

    /// <summary>Official name.</summary>
    /// <example>Tỉnh Lạng Sơn</example>
    public required string Name { get; init; }

    /// <summary>Province or centrally governed city.</summary>
    public required ProvinceKind Kind { get; init; }

    /// <summary>Number of commune-level units in it.</summary>
    /// <example>65</example>
    public required int CommuneCount { get; init; }
}

/// <summary>A commune-level unit.</summary>
public sealed record CommuneDto
{
    /// <summary>5-digit code.</summary>
    /// <example>06427</example>
    public required string Code { get; init; }

    /// <summary>Official name.</summary>
    /// <example>Xã Cai Kinh</example>
    public required string Name { get; init; }

    /// <summary>Commune, ward or special zone.</summary>
    public required CommuneKind Kind { get; init; }

    /// <summary>Code of its province.</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }
}

/// <summary>What a pre-reform code became on 1 July 2025.</summary>
public sealed record PreReformCodeDto
{
    /// <summary>The code looked up.</summary>
    /// <example>06418</example>
    public required string Code { get; init; }

    /// <summary><c>province</c> for a 2-digit code, <c>commune</c> for a 5-digit one.</summary>
    /// <example>commune</example>
    public required string Level { get; init; }

    /// <summary>The pre-reform name.</summary>
    /// <example>Xã Nhật Tiến</example>
    public required string OldName { get; init; }

    /// <summary>
    /// The current units it went into. A commune split between several new ones lists each,
    /// marked <c>partial</c>.
    /// </summary>
    public required IReadOnlyList<CurrentUnitDto> Current { get; init; }
}

/// <summary>A current unit that took in (part of) a pre-reform one.</summary>
public sealed record CurrentUnitDto
{
    /// <summary>Current code.</summary>
    /// <example>06415</example>
    public required string Code { get; init; }

    /// <summary>Current name.</summary>
    /// <example>Xã Vân Nham</example>
    public required string Name { get; init; }

    /// <summary>Code of the current province.</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Whether the whole old unit or part of it went here.</summary>
    public required MergePart Part { get; init; }
}
