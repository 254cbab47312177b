using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>
/// One entry of an organization's status history: from which status to which, effective on
/// which date, and why. The first entry of every organization is its registration (from none to
/// active, effective on the founding date). Entries are never edited or removed, so the history
/// can answer "what was the status on date D" and "how long was it suspended in year Y".
/// </summary>
public sealed class StatusChange : Entity
{
    private StatusChange() { } // for EF Core

    internal StatusChange(Guid cooperativeId, int sequence, OrganizationStatus? fromStatus, OrganizationStatus toStatus,
        DateOnly effectiveOn, string reason, DateTimeOffset recordedAt)
    {
        CooperativeId = cooperativeId;
        Sequence = sequence;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        EffectiveOn = effectiveOn;
        Reason = reason;
        RecordedAt = recordedAt;
    }

    /// <summary>The organization this entry belongs to.</summary>
    public Guid CooperativeId { get; private set; }

    /// <summary>
    /// Position in the history: 0 for the registration, then 1, 2, … Unique per organization, so
    /// two writers appending at once cannot both succeed.
    /// </summary>
    public int Sequence { get; private set; }

    /// <summary>Status before the change; null for the registration entry.</summary>
    public OrganizationStatus? FromStatus { get; private set; }

    /// <summary>Status after the change.</summary>
    public OrganizationStatus ToStatus { get; private set; }

    /// <summary>Date the change takes legal effect.</summary>
    public DateOnly EffectiveOn { get; private set; }

    /// <summary>Why the status changed (decision number, circumstances).</summary>
    public string Reason { get; private set; } = "";

    /// <summary>When the change was recorded (UTC).</summary>
    public DateTimeOffset RecordedAt { get; private set; }

}
