using CoopApi.Domain.Partnerships;

namespace CoopApi.Application.Partnerships;

/// <summary>A partnership programme as the API returns it, with its commitments and reviews.</summary>
public sealed record PartnershipAgreementDto
{
    /// <summary>Server-assigned identifier (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid Id { get; init; }

    /// <summary>Title.</summary>
    /// <example>Chương trình phối hợp về tuyên truyền, phát triển kinh tế tập thể, hợp tác xã giai đoạn 2023 – 2025</example>
    public required string Title { get; init; }

    /// <summary>Document number, if any.</summary>
    /// <example>01/CTPH-TĐ-LMHTX</example>
    public string? Reference { get; init; }

    /// <summary>The parties (at least two).</summary>
    public required IReadOnlyList<PartyDto> Parties { get; init; }

    /// <summary>Who signed, for which party.</summary>
    public required IReadOnlyList<SignatoryDto> Signatories { get; init; }

    /// <summary>Signing date.</summary>
    /// <example>2023-03-09</example>
    public required DateOnly SignedOn { get; init; }

    /// <summary>First year of the period.</summary>
    /// <example>2023</example>
    public required int PeriodStartYear { get; init; }

    /// <summary>Last year of the period.</summary>
    /// <example>2025</example>
    public required int PeriodEndYear { get; init; }

    /// <summary>Province the programme belongs to (write rights, change feed).</summary>
    /// <example>24</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Policy documents it implements.</summary>
    public required IReadOnlyList<PolicyReferenceDto> PolicyReferences { get; init; }

    /// <summary>Content areas, in order; commitments name them by index from 0.</summary>
    public required IReadOnlyList<string> ContentAreas { get; init; }

    /// <summary>Status; changed through <c>POST …/{id}/status</c> (and to <c>completed</c> by the final review).</summary>
    /// <example>active</example>
    public required AgreementStatus Status { get; init; }

    /// <summary>Date it took effect (became active).</summary>
    public DateOnly? EffectiveFrom { get; init; }

    /// <summary>Date it was completed or terminated.</summary>
    public DateOnly? ClosedOn { get; init; }

    /// <summary>Why it was completed or terminated.</summary>
    public string? ClosingReason { get; init; }

    /// <summary>Amendments of the active programme, oldest first.</summary>
    public required IReadOnlyList<AmendmentDto> Amendments { get; init; }

    /// <summary>Commitments, in the order recorded.</summary>
    public required IReadOnlyList<PartnershipCommitmentDto> Commitments { get; init; }

    /// <summary>Reviews, by year.</summary>
    public required IReadOnlyList<PartnershipReviewDto> Reviews { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version, also sent as the ETag.</summary>
    /// <example>3</example>
    public required int Version { get; init; }
}

/// <summary>A party to a programme.</summary>
public sealed record PartyDto
{
    /// <summary>Name.</summary>
    /// <example>Tỉnh đoàn Bắc Giang</example>
    public required string Name { get; init; }

    /// <summary>Kind.</summary>
    /// <example>youthUnion</example>
    public required PartyKind Kind { get; init; }
}

/// <summary>A signatory.</summary>
public sealed record SignatoryDto
{
    /// <summary>Full name.</summary>
    /// <example>Nguyễn Đức Hiền</example>
    public required string FullName { get; init; }

    /// <summary>Title (position).</summary>
    /// <example>Chủ tịch Liên minh Hợp tác xã tỉnh</example>
    public string? Title { get; init; }

    /// <summary>Name of the party signed for.</summary>
    /// <example>Liên minh Hợp tác xã tỉnh Bắc Giang</example>
    public required string Party { get; init; }
}

/// <summary>A policy document implemented.</summary>
public sealed record PolicyReferenceDto
{
    /// <summary>Number and symbol.</summary>
    /// <example>20-NQ/TW</example>
    public required string Number { get; init; }

    /// <summary>Date of the document.</summary>
    /// <example>2022-06-16</example>
    public DateOnly? IssuedOn { get; init; }

    /// <summary>What it is.</summary>
    /// <example>Nghị quyết về tiếp tục đổi mới, phát triển và nâng cao hiệu quả kinh tế tập thể trong giai đoạn mới</example>
    public string? Title { get; init; }
}

/// <summary>An amendment of an active programme with what it changed.</summary>
public sealed record AmendmentDto
{
    /// <summary>Date of the amending document.</summary>
    /// <example>2024-06-01</example>
    public required DateOnly AmendedOn { get; init; }

    /// <summary>Its number.</summary>
    /// <example>02/CTPH-SĐ</example>
    public string? Reference { get; init; }

    /// <summary>Why.</summary>
    public string? Reason { get; init; }

    /// <summary>Fields changed, each with its value before and after (as JSON text).</summary>
    public required IReadOnlyList<AmendedFieldDto> Changes { get; init; }

    /// <summary>When recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One field changed by an amendment.</summary>
public sealed record AmendedFieldDto
{
    /// <summary>Field (as in the API).</summary>
    /// <example>periodEndYear</example>
    public required string Field { get; init; }

    /// <summary>Value before, as JSON text.</summary>
    /// <example>2025</example>
    public required string Before { get; init; }

    /// <summary>Value after, as JSON text.</summary>
    /// <example>2026</example>
    public required string After { get; init; }
}

/// <summary>A commitment of a programme.</summary>
public sealed record PartnershipCommitmentDto
{
    /// <summary>Identifier.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5c</example>
    public required Guid Id { get; init; }

    /// <summary>What is promised.</summary>
    /// <example>Mỗi năm phối hợp tổ chức ít nhất 01 lớp tập huấn sáng lập viên</example>
    public required string Description { get; init; }

    /// <summary>Index (from 0) of the agreement's content area.</summary>
    /// <example>1</example>
    public required int ContentArea { get; init; }

    /// <summary>What is counted.</summary>
    /// <example>Lớp tập huấn sáng lập viên</example>
    public required string Indicator { get; init; }

    /// <summary>Unit.</summary>
    /// <example>lớp</example>
    public required string Unit { get; init; }

    /// <summary>Target.</summary>
    /// <example>1</example>
    public required decimal Target { get; init; }

    /// <summary>How the target is read.</summary>
    /// <example>perYear</example>
    public required TargetKind TargetKind { get; init; }

    /// <summary>Party responsible.</summary>
    /// <example>Liên minh Hợp tác xã tỉnh Bắc Giang</example>
    public string? ResponsibleParty { get; init; }

    /// <summary>Register count that measures it, instead of reviews.</summary>
    public RegisterMeasure? RegisterMeasure { get; init; }
}

/// <summary>A review of a programme.</summary>
public sealed record PartnershipReviewDto
{
    /// <summary>Identifier.</summary>
    public required Guid Id { get; init; }

    /// <summary>Annual or final.</summary>
    /// <example>annual</example>
    public required ReviewKind Kind { get; init; }

    /// <summary>Year reviewed.</summary>
    /// <example>2024</example>
    public required int Year { get; init; }

    /// <summary>Date held.</summary>
    /// <example>2024-12-20</example>
    public required DateOnly HeldOn { get; init; }

    /// <summary>Summary.</summary>
    public string? Summary { get; init; }

    /// <summary>Values achieved in the year, per commitment.</summary>
    public required IReadOnlyList<ReviewResultDto> Results { get; init; }
}

/// <summary>A value a review reports for one commitment.</summary>
public sealed record ReviewResultDto
{
    /// <summary>The commitment.</summary>
    public required Guid CommitmentId { get; init; }

    /// <summary>Value achieved in the year reviewed.</summary>
    /// <example>1</example>
    public required decimal Achieved { get; init; }

    /// <summary>Remarks.</summary>
    public string? Notes { get; init; }
}

/// <summary>A commitment with the agreement's version after the command (the ETag).</summary>
/// <param name="Commitment">The commitment.</param>
/// <param name="AgreementVersion">The agreement's version.</param>
public sealed record CommitmentResult(PartnershipCommitmentDto Commitment, int AgreementVersion);

/// <summary>A review with the agreement's version after the command (the ETag).</summary>
/// <param name="Review">The review.</param>
/// <param name="AgreementVersion">The agreement's version.</param>
public sealed record ReviewRecordResult(PartnershipReviewDto Review, int AgreementVersion);

/// <summary>The computed progress of a programme.</summary>
public sealed record PartnershipProgressDto
{
    /// <summary>The agreement.</summary>
    public required Guid AgreementId { get; init; }

    /// <summary>Its status.</summary>
    /// <example>active</example>
    public required AgreementStatus Status { get; init; }

    /// <summary>The year the computation takes as the current one.</summary>
    /// <example>2025</example>
    public required int CurrentYear { get; init; }

    /// <summary>Share (0–100, 2 decimals) of the due commitments achieved or on track; null when none is due.</summary>
    /// <example>66.67</example>
    public decimal? ShareAchievedOrOnTrack { get; init; }

    /// <summary>Per commitment.</summary>
    public required IReadOnlyList<CommitmentProgressDto> Commitments { get; init; }
}

/// <summary>The computed progress of one commitment.</summary>
public sealed record CommitmentProgressDto
{
    /// <summary>The commitment.</summary>
    public required Guid CommitmentId { get; init; }

    /// <summary>What is promised.</summary>
    public required string Description { get; init; }

    /// <summary>Target.</summary>
    /// <example>6</example>
    public required decimal Target { get; init; }

    /// <summary>How the target is read.</summary>
    /// <example>byPeriodEnd</example>
    public required TargetKind TargetKind { get; init; }

    /// <summary>Where the values come from: reviews, or a register count.</summary>
    public RegisterMeasure? RegisterMeasure { get; init; }

    /// <summary>Total achieved over the due years.</summary>
    /// <example>4</example>
    public required decimal TotalAchieved { get; init; }

    /// <summary>Overall state.</summary>
    /// <example>onTrack</example>
    public required ProgressState State { get; init; }

    /// <summary>Each year of the period.</summary>
    public required IReadOnlyList<YearProgressDto> Years { get; init; }
}

/// <summary>A commitment in one year.</summary>
public sealed record YearProgressDto
{
    /// <summary>Year.</summary>
    /// <example>2024</example>
    public required int Year { get; init; }

    /// <summary>Achieved in the year (null: not reported or not due).</summary>
    /// <example>2</example>
    public decimal? Achieved { get; init; }

    /// <summary>Achieved from the first year through this one (null when not due).</summary>
    /// <example>4</example>
    public decimal? CumulativeAchieved { get; init; }

    /// <summary>Expected: the target (perYear) or the pro-rata cumulative target by the end of the year (byPeriodEnd).</summary>
    /// <example>4</example>
    public required decimal Expected { get; init; }

    /// <summary>State in the year.</summary>
    /// <example>onTrack</example>
    public required ProgressState State { get; init; }
}

/// <summary>Partnership programmes counted (one flat record; zeros included).</summary>
public sealed record PartnershipStatisticsDto
{
    /// <summary>The province asked for (absent: every province).</summary>
    /// <example>24</example>
    public string? ProvinceCode { get; init; }

    /// <summary>The year asked for: programmes whose period covers it, commitments in that year (absent: every programme, overall states).</summary>
    /// <example>2024</example>
    public int? Year { get; init; }

    /// <summary>Programmes counted.</summary>
    public required int Agreements { get; init; }

    /// <summary>Of which drafts.</summary>
    public required int Draft { get; init; }

    /// <summary>Of which active.</summary>
    public required int Active { get; init; }

    /// <summary>Of which completed.</summary>
    public required int Completed { get; init; }

    /// <summary>Of which terminated.</summary>
    public required int Terminated { get; init; }

    /// <summary>Commitments of those programmes.</summary>
    public required int Commitments { get; init; }

    /// <summary>Commitments achieved.</summary>
    public required int CommitmentsAchieved { get; init; }

    /// <summary>Commitments on track.</summary>
    public required int CommitmentsOnTrack { get; init; }

    /// <summary>Commitments behind.</summary>
    public required int CommitmentsBehind { get; init; }

    /// <summary>Commitments missed.</summary>
    public required int CommitmentsMissed { get; init; }

    /// <summary>Commitments not due.</summary>
    public required int CommitmentsNotDue { get; init; }

    /// <summary>Parties that are a cooperative alliance.</summary>
    public required int PartiesCooperativeAlliance { get; init; }

    /// <summary>Parties that are a youth union.</summary>
    public required int PartiesYouthUnion { get; init; }

    /// <summary>Parties that are a union of science and technology associations.</summary>
    public required int PartiesScienceTechnologyUnion { get; init; }

    /// <summary>Parties that are a farmers' association.</summary>
    public required int PartiesFarmersAssociation { get; init; }

    /// <summary>Parties that are a women's union.</summary>
    public required int PartiesWomensUnion { get; init; }

    /// <summary>Parties that are a government agency.</summary>
    public required int PartiesGovernmentAgency { get; init; }

    /// <summary>Parties that are an enterprise.</summary>
    public required int PartiesEnterprise { get; init; }

    /// <summary>Parties of another kind.</summary>
    public required int PartiesOther { get; init; }
}
