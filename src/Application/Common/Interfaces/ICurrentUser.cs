namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// Who is making the request. Everyone is anonymous until authentication arrives (docs/roadmap.md:
/// integration surface); use cases already ask this abstraction, not HTTP, so that audit and
/// per-province write rights can be added without touching them.
/// </summary>
public interface ICurrentUser
{
    /// <summary>Stable identifier of the caller, or null when anonymous.</summary>
    string? Id { get; }
}
