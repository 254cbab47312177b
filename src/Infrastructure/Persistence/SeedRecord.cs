namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// One loaded data set (reference data, demo data). Loading writes this row in the same
/// transaction as the data, so a data set is either fully loaded and recorded, or neither.
/// </summary>
public sealed class SeedRecord
{
    /// <summary>Name of the data set, e.g. <c>administrative-units-2025</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Checksum of what was loaded; a different one means the data set changed.</summary>
    public required string Checksum { get; set; }

    /// <summary>When it was loaded (UTC).</summary>
    public DateTimeOffset AppliedAt { get; set; }
}
