using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>Operating status of an organization in the register.</summary>
public enum OrganizationStatus
{
    /// <summary>Đang hoạt động.</summary>
    [Label("Đang hoạt động", "Active")]
    Active = 1,

    /// <summary>Tạm ngừng hoạt động.</summary>
    [Label("Tạm ngừng hoạt động", "Suspended")]
    Suspended = 2,

    /// <summary>Ngừng hoạt động chờ giải thể.</summary>
    [Label("Ngừng hoạt động chờ giải thể", "Awaiting dissolution")]
    AwaitingDissolution = 3,

    /// <summary>Đã giải thể: final.</summary>
    [Label("Đã giải thể", "Dissolved")]
    Dissolved = 4,
}
