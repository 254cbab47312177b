namespace CoopApi.Application.ClassificationSchemes.Queries;

/// <summary>Reads classification schemes (plain SQL read side).</summary>
public interface IClassificationSchemeReadModel
{
    /// <summary>Every scheme version, newest validity first.</summary>
    Task<IReadOnlyList<ClassificationSchemeDto>> ListAsync(CancellationToken cancellationToken);

    /// <summary>One scheme version by code (or by id, when <paramref name="code"/> is a UUID), or null.</summary>
    Task<ClassificationSchemeDto?> FindAsync(string code, CancellationToken cancellationToken);
}
