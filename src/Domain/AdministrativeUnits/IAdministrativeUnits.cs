namespace CoopApi.Domain.AdministrativeUnits;

/// <summary>
/// The administrative map as the domain asks it: which provinces and communes exist today, and
/// what a pre-reform code became. Reference data changes only on deploy, so an implementation
/// answers from memory (no database round trip per question).
/// </summary>
public interface IAdministrativeUnits
{
    /// <summary>The current province with this code, or null.</summary>
    Province? FindProvince(string code);

    /// <summary>The current commune with this code, or null.</summary>
    Commune? FindCommune(string code);

    /// <summary>Current province codes a pre-reform province code went into (empty when it is not one).</summary>
    IReadOnlyList<string> ProvincesReplacing(string oldCode);

    /// <summary>Current commune codes a pre-reform commune code went into (empty when it is not one).</summary>
    IReadOnlyList<string> CommunesReplacing(string oldCode);
}
