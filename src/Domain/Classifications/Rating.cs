using CoopApi.Domain.Common;

namespace CoopApi.Domain.Classifications;

/// <summary>The yearly performance rating of an organization (Circular 01/2020/TT-BKHĐT), computed by the server.</summary>
public enum Rating
{
    /// <summary>Tốt: total at or above the scheme's good band.</summary>
    [Label("Tốt", "Good")]
    Good = 1,

    /// <summary>Khá: at or above the fair band, below good.</summary>
    [Label("Khá", "Fair")]
    Fair = 2,

    /// <summary>Trung bình: at or above the average band, below fair.</summary>
    [Label("Trung bình", "Average")]
    Average = 3,

    /// <summary>Yếu: below the average band.</summary>
    [Label("Yếu", "Weak")]
    Weak = 4,

    /// <summary>Không xếp loại: the organization is not rated that year (see <see cref="NotRatedReason"/>).</summary>
    [Label("Không xếp loại", "Not rated")]
    NotRated = 5,
}

/// <summary>Why an organization is not rated in a year.</summary>
public enum NotRatedReason
{
    /// <summary>The scheme does not apply to its kind or sector (cooperative groups, people's credit funds).</summary>
    [Label("Loại hình không thuộc đối tượng đánh giá", "Kind or sector not covered by the scheme")]
    KindExcluded = 1,

    /// <summary>Founded less than 12 months before the end of the year.</summary>
    [Label("Thành lập chưa đủ 12 tháng tính đến cuối năm", "Founded less than 12 months before the year's end")]
    FoundedTooRecently = 2,

    /// <summary>Suspended for more than 3 months (90 days) of the year.</summary>
    [Label("Tạm ngừng hoạt động quá 3 tháng trong năm", "Suspended for more than 3 months of the year")]
    SuspendedTooLong = 3,
}
