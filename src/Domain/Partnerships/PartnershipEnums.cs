using CoopApi.Domain.Common;

namespace CoopApi.Domain.Partnerships;

/// <summary>Kind of body that is party to a partnership programme.</summary>
public enum PartyKind
{
    /// <summary>Liên minh Hợp tác xã (the provincial Cooperative Alliance).</summary>
    [Label("Liên minh Hợp tác xã", "Cooperative Alliance")]
    CooperativeAlliance = 1,

    /// <summary>Đoàn Thanh niên (Tỉnh đoàn).</summary>
    [Label("Đoàn Thanh niên", "Youth Union")]
    YouthUnion = 2,

    /// <summary>Liên hiệp các Hội Khoa học và Kỹ thuật.</summary>
    [Label("Liên hiệp các Hội Khoa học và Kỹ thuật", "Union of Science and Technology Associations")]
    ScienceTechnologyUnion = 3,

    /// <summary>Hội Nông dân.</summary>
    [Label("Hội Nông dân", "Farmers' Association")]
    FarmersAssociation = 4,

    /// <summary>Hội Liên hiệp Phụ nữ.</summary>
    [Label("Hội Liên hiệp Phụ nữ", "Women's Union")]
    WomensUnion = 5,

    /// <summary>Cơ quan nhà nước (a department, a People's Committee).</summary>
    [Label("Cơ quan nhà nước", "Government agency")]
    GovernmentAgency = 6,

    /// <summary>Doanh nghiệp.</summary>
    [Label("Doanh nghiệp", "Enterprise")]
    Enterprise = 7,

    /// <summary>Any other body.</summary>
    [Label("Khác", "Other")]
    Other = 8,
}

/// <summary>Where a partnership programme stands.</summary>
public enum AgreementStatus
{
    /// <summary>Dự thảo: being written, freely editable.</summary>
    [Label("Dự thảo", "Draft")]
    Draft = 1,

    /// <summary>Đang thực hiện: signed and running; changes only by amendment.</summary>
    [Label("Đang thực hiện", "Active")]
    Active = 2,

    /// <summary>Đã hoàn thành: closed by its final review (tổng kết) or at the end of the period.</summary>
    [Label("Đã hoàn thành", "Completed")]
    Completed = 3,

    /// <summary>Đã chấm dứt: ended before its time.</summary>
    [Label("Đã chấm dứt", "Terminated")]
    Terminated = 4,
}

/// <summary>How a commitment's target is read.</summary>
public enum TargetKind
{
    /// <summary>Hằng năm: at least the target in every year of the period.</summary>
    [Label("Mỗi năm", "Per year")]
    PerYear = 1,

    /// <summary>Đến cuối giai đoạn: the cumulative total by the end year.</summary>
    [Label("Đến cuối giai đoạn", "By the end of the period")]
    ByPeriodEnd = 2,
}

/// <summary>A count of the register a commitment can be measured by, instead of reviews.</summary>
public enum RegisterMeasure
{
    /// <summary>Cooperatives marked as youth cooperatives founded in the agreement's province during the period.</summary>
    [Label("Số HTX thanh niên thành lập mới", "Youth cooperatives established")]
    YouthCooperativesEstablished = 1,

    /// <summary>Cooperatives founded in the agreement's province during the period.</summary>
    [Label("Số HTX thành lập mới", "Cooperatives established")]
    CooperativesEstablished = 2,

    /// <summary>Cooperative groups founded in the agreement's province during the period.</summary>
    [Label("Số tổ hợp tác thành lập mới", "Cooperative groups established")]
    CooperativeGroupsEstablished = 3,
}

/// <summary>Kind of review of a programme.</summary>
public enum ReviewKind
{
    /// <summary>Sơ kết: one per year of the period.</summary>
    [Label("Sơ kết năm", "Annual review")]
    Annual = 1,

    /// <summary>Tổng kết: reviews the end year and closes the programme.</summary>
    [Label("Tổng kết", "Final review")]
    Final = 2,
}

/// <summary>Where a commitment stands in a year (or overall), computed from reviews or the register.</summary>
public enum ProgressState
{
    /// <summary>Đã đạt: the target (of the year, or the cumulative one) is reached.</summary>
    [Label("Đã đạt", "Achieved")]
    Achieved = 1,

    /// <summary>Đúng tiến độ: not reached yet, but as far as the time elapsed asks.</summary>
    [Label("Đúng tiến độ", "On track")]
    OnTrack = 2,

    /// <summary>Chậm tiến độ: less than the time elapsed asks, still reachable.</summary>
    [Label("Chậm tiến độ", "Behind")]
    Behind = 3,

    /// <summary>Không đạt: the year (or the period) is over and the target was not reached.</summary>
    [Label("Không đạt", "Missed")]
    Missed = 4,

    /// <summary>Chưa đến hạn: the year has not begun.</summary>
    [Label("Chưa đến hạn", "Not due")]
    NotDue = 5,
}
