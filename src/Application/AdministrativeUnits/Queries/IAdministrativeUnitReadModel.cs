namespace CoopApi.Application.AdministrativeUnits.Queries;

/// <summary>
/// The read side of the administrative units (CQRS): SQL straight into DTOs. Implemented in
/// Infrastructure; stateless and thread-safe, so it and its query handlers are singletons.
/// </summary>
public interface IAdministrativeUnitReadModel
{
    /// <summary>All provinces, by code, each with its number of communes.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<ProvinceDto>> ListProvincesAsync(CancellationToken cancellationToken);

    /// <summary>The communes of one province, by code, or <see langword="null"/> when no province has this code.</summary>
    /// <param name="provinceCode">2-digit province code.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<IReadOnlyList<CommuneDto>?> ListCommunesAsync(string provinceCode, CancellationToken cancellationToken);

    /// <summary>
    /// What a pre-reform province code became: its old name and the current units, by code;
    /// <see langword="null"/> when the code is unknown.
    /// </summary>
    /// <param name="code">2-digit pre-reform province code.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<PreReformCodeDto?> LookupPreReformProvinceAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// What a pre-reform commune code became: its old name and the current units (whole or
    /// part), by code; <see langword="null"/> when the code is unknown.
    /// </summary>
    /// <param name="code">5-digit pre-reform commune code.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    Task<PreReformCodeDto?> LookupPreReformCommuneAsync(string code, CancellationToken cancellationToken);
}
