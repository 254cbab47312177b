namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// The descriptive fields of an organization: everything a registration or a full update sets.
/// Status is not among them: it only changes through <see cref="Cooperative.ChangeStatus"/>.
/// </summary>
/// <param name="RegistrationCode">Tax code, exactly 10 digits with an optional <c>-NNN</c> branch suffix (never trimmed); null or empty for none.</param>
/// <param name="Name">Full name, Vietnamese text kept exactly as given (surrounding white space dropped).</param>
/// <param name="Kind">Kind of organization.</param>
/// <param name="Sector">Field of activity.</param>
/// <param name="ProvinceCode">Province code (2 digits, after the 1 July 2025 reform).</param>
/// <param name="CommuneCode">Commune code (5 digits, after the reform).</param>
/// <param name="Address">Street address.</param>
/// <param name="EstablishedOn">Founding date.</param>
/// <param name="CharterCapital">Charter capital in VND.</param>
/// <param name="MemberCount">Number of official members (member cooperatives for a union).</param>
/// <param name="EmployeeCount">Number of employees.</param>
/// <param name="Representative">Legal representative.</param>
/// <param name="Phone">Contact phone.</param>
/// <param name="Email">Contact e-mail.</param>
/// <param name="IsYouthCooperative">Founded and run by young people (HTX thanh niên).</param>
/// <param name="MainProducts">Main products or services.</param>
public sealed record CooperativeDetails(
    string? RegistrationCode,
    string Name,
    OrganizationKind Kind,
    Sector Sector,
    string ProvinceCode,
    string CommuneCode,
    string? Address,
    DateOnly EstablishedOn,
    long CharterCapital,
    int MemberCount,
    int? EmployeeCount,
    string? Representative,
    string? Phone,
    string? Email,
    bool IsYouthCooperative,
    IReadOnlyList<string> MainProducts);
