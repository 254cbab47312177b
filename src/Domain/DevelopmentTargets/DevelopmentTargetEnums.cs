using CoopApi.Domain.Common;

namespace CoopApi.Domain.DevelopmentTargets;

/// <summary>
/// What a development target measures. Every value is computed from the register and the
/// classifications, never typed in (docs/domain.md, Development targets).
/// </summary>
public enum TargetMetric
{
    /// <summary>Cooperatives (kind <c>cooperative</c>) founded after the baseline date, up to the date measured.</summary>
    [Label("Số hợp tác xã thành lập mới", "New cooperatives")]
    NewCooperatives = 1,

    /// <summary>Cooperative groups founded after the baseline date.</summary>
    [Label("Số tổ hợp tác thành lập mới", "New cooperative groups")]
    NewCooperativeGroups = 2,

    /// <summary>Unions of cooperatives founded after the baseline date.</summary>
    [Label("Số liên hiệp hợp tác xã thành lập mới", "New unions of cooperatives")]
    NewUnions = 3,

    /// <summary>Percent of the rated organizations rated good or fair in a year (the classification distribution's share).</summary>
    [Label("Tỷ lệ hợp tác xã xếp loại khá trở lên (%)", "Share rated fair or better (%)")]
    FairOrBetterShare = 4,

    /// <summary>Percent of the rated organizations rated weak in a year (the classification distribution's share).</summary>
    [Label("Tỷ lệ hợp tác xã yếu kém (%)", "Share rated weak (%)")]
    WeakShare = 5,

    /// <summary>Cooperatives whose status in force on the date is active.</summary>
    [Label("Số hợp tác xã đang hoạt động", "Active cooperatives")]
    ActiveCooperatives = 6,

    /// <summary>Members of the cooperatives active on the date.</summary>
    [Label("Tổng số thành viên", "Total members")]
    TotalMembers = 7,

    /// <summary>Charter capital (VND) of the cooperatives active on the date.</summary>
    [Label("Tổng vốn điều lệ (đồng)", "Total charter capital (VND)")]
    TotalCharterCapital = 8,

    /// <summary>Youth cooperatives active on the date.</summary>
    [Label("Số hợp tác xã thanh niên", "Youth cooperatives")]
    YouthCooperatives = 9,
}

/// <summary>How the value measured is compared with the target value.</summary>
public enum TargetComparison
{
    /// <summary>Measured ≥ target ("đạt", "trở lên").</summary>
    [Label("Đạt ít nhất (≥)", "At least (≥)")]
    AtLeast = 1,

    /// <summary>Measured ≤ target.</summary>
    [Label("Không vượt quá (≤)", "At most (≤)")]
    AtMost = 2,

    /// <summary>Measured &gt; target ("trên").</summary>
    [Label("Trên (>)", "Greater than (>)")]
    GreaterThan = 3,

    /// <summary>Measured &lt; target ("dưới").</summary>
    [Label("Dưới (<)", "Less than (<)")]
    LessThan = 4,
}

/// <summary>Where a metric of a target stands on a date (computed when read, never stored).</summary>
public enum TargetState
{
    /// <summary>The comparison holds on the date judged.</summary>
    [Label("Đã đạt", "Met")]
    Met = 1,

    /// <summary>Not met yet, the horizon year has not ended, and the straight line from baseline to target is kept.</summary>
    [Label("Đúng tiến độ", "On track")]
    OnTrack = 2,

    /// <summary>Not met yet, the horizon year has not ended, and the value is behind the straight line (or unknown).</summary>
    [Label("Có nguy cơ không đạt", "At risk")]
    AtRisk = 3,

    /// <summary>The horizon year ended without the comparison holding.</summary>
    [Label("Không đạt", "Missed")]
    Missed = 4,
}
