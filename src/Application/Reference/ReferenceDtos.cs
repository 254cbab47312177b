namespace CoopApi.Application.Reference;

/// <summary>A value of an enumeration with its labels.</summary>
public sealed record EnumValueDto
{
    /// <summary>The value as the API reads and writes it.</summary>
    /// <example>cooperative</example>
    public required string Value { get; init; }

    /// <summary>Vietnamese label.</summary>
    /// <example>Hợp tác xã</example>
    public required string Vi { get; init; }

    /// <summary>English label.</summary>
    /// <example>Cooperative</example>
    public required string En { get; init; }
}
