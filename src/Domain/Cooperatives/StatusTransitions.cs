namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// The status transitions the register allows: active ⇄ suspended;
/// active/suspended → awaiting dissolution → dissolved; awaiting dissolution → active (revived);
/// dissolved is final.
/// </summary>
public static class StatusTransitions
{
    private static readonly Dictionary<OrganizationStatus, OrganizationStatus[]> Allowed = new()
    {
        [OrganizationStatus.Active] = [OrganizationStatus.Suspended, OrganizationStatus.AwaitingDissolution],
        [OrganizationStatus.Suspended] = [OrganizationStatus.Active, OrganizationStatus.AwaitingDissolution],
        [OrganizationStatus.AwaitingDissolution] = [OrganizationStatus.Dissolved, OrganizationStatus.Active],
        [OrganizationStatus.Dissolved] = [],
    };

    /// <summary>True when an organization in <paramref name="from"/> may move to <paramref name="to"/>.</summary>
    public static bool IsAllowed(OrganizationStatus from, OrganizationStatus to) =>
        Allowed.TryGetValue(from, out var targets) && targets.Contains(to);

    /// <summary>The statuses reachable from <paramref name="from"/> in one step.</summary>
    public static IReadOnlyList<OrganizationStatus> From(OrganizationStatus from) =>
        Allowed.TryGetValue(from, out var targets) ? targets : [];
}
