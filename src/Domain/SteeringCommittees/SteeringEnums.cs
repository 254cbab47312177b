using CoopApi.Domain.Common;

namespace CoopApi.Domain.SteeringCommittees;

/// <summary>Administrative level a steering committee works at.</summary>
public enum CommitteeLevel
{
    /// <summary>Ban chỉ đạo Trung ương: the whole country, no area code.</summary>
    [Label("Trung ương", "National")]
    National = 1,

    /// <summary>Ban chỉ đạo cấp tỉnh: a province (area code = province code).</summary>
    [Label("Cấp tỉnh", "Provincial")]
    Provincial = 2,

    /// <summary>Ban chỉ đạo cấp huyện: historical only, districts were abolished on 1 July 2025.</summary>
    [Label("Cấp huyện (trước 1/7/2025)", "District (before 1 July 2025)")]
    District = 3,

    /// <summary>Ban chỉ đạo cấp xã: a commune (area code = commune code).</summary>
    [Label("Cấp xã", "Commune")]
    Commune = 4,
}

/// <summary>Whether a steering committee still works.</summary>
public enum CommitteeStatus
{
    /// <summary>Đang hoạt động.</summary>
    [Label("Đang hoạt động", "Active")]
    Active = 1,

    /// <summary>Đã giải thể: final, with the date.</summary>
    [Label("Đã giải thể", "Dissolved")]
    Dissolved = 2,
}

/// <summary>Role of a person in a steering committee.</summary>
public enum CommitteeRole
{
    /// <summary>Trưởng ban: at most one at any date.</summary>
    [Label("Trưởng ban", "Head")]
    Head = 1,

    /// <summary>Phó Trưởng ban.</summary>
    [Label("Phó Trưởng ban", "Deputy head")]
    DeputyHead = 2,

    /// <summary>Ủy viên thường trực.</summary>
    [Label("Ủy viên thường trực", "Standing member")]
    StandingMember = 3,

    /// <summary>Ủy viên.</summary>
    [Label("Ủy viên", "Member")]
    Member = 4,

    /// <summary>Thành viên tổ chuyên viên giúp việc.</summary>
    [Label("Thành viên tổ chuyên viên giúp việc", "Expert working group member")]
    WorkingGroupMember = 5,
}

/// <summary>Kind of activity of a steering committee.</summary>
public enum ActivityKind
{
    /// <summary>Họp Ban chỉ đạo.</summary>
    [Label("Họp", "Meeting")]
    Meeting = 1,

    /// <summary>Hội nghị tập huấn.</summary>
    [Label("Tập huấn", "Training")]
    Training = 2,

    /// <summary>Tham quan, khảo sát thực tế.</summary>
    [Label("Tham quan thực tế", "Field visit")]
    FieldVisit = 3,

    /// <summary>Kiểm tra, giám sát.</summary>
    [Label("Kiểm tra", "Inspection")]
    Inspection = 4,

    /// <summary>Hội nghị sơ kết, tổng kết.</summary>
    [Label("Hội nghị sơ kết, tổng kết", "Review conference")]
    ReviewConference = 5,

    /// <summary>Văn bản chỉ đạo.</summary>
    [Label("Văn bản chỉ đạo", "Directive")]
    Directive = 6,
}
