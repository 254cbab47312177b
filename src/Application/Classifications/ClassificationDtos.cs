using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Classifications;

/// <summary>The classification of one organization for one year (its current revision), as the API returns it.</summary>
public sealed record ClassificationDto
{
    /// <summary>Identifier of the classification (one per organization and year).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5c</example>
    public required Guid Id { get; init; }

    /// <summary>The organization.</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid CooperativeId { get; init; }

    /// <summary>The year assessed.</summary>
    /// <example>2024</example>
    public required int Year { get; init; }

    /// <summary>Number of the current revision: 1 for the first assessment, one more per correction.</summary>
    /// <example>1</example>
    public required int Revision { get; init; }

    /// <summary>Scheme version used.</summary>
    /// <example>circular-01-2020</example>
    public required string SchemeCode { get; init; }

    /// <summary>The rating, computed by the server from the total and the scheme's bands (never sent by a client).</summary>
    public required Rating Rating { get; init; }

    /// <summary>Why not rated; absent when rated.</summary>
    public NotRatedReason? NotRatedReason { get; init; }

    /// <summary>Sum of the points; absent when not rated without scores.</summary>
    /// <example>81.5</example>
    public decimal? TotalPoints { get; init; }

    /// <summary>Points per criterion, in the scheme's order.</summary>
    public required IReadOnlyList<CriterionScoreDto> Scores { get; init; }

    /// <summary>Date of the assessment.</summary>
    /// <example>2024-12-10</example>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>Who approved it.</summary>
    /// <example>Chủ tịch UBND xã Cai Kinh</example>
    public required string ApprovedBy { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }

    /// <summary>The organization's province when the current revision was recorded.</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>The organization's commune when the current revision was recorded.</summary>
    /// <example>06427</example>
    public required string CommuneCode { get; init; }

    /// <summary>The organization's kind when the current revision was recorded.</summary>
    public required OrganizationKind OrganizationKind { get; init; }

    /// <summary>The organization's sector when the current revision was recorded.</summary>
    public required Sector Sector { get; init; }

    /// <summary>When the first revision was recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the current revision was recorded (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Version of the record, the ETag; send it in <c>If-Match</c> to correct the assessment.</summary>
    /// <example>1</example>
    public required int Version { get; init; }

    /// <summary>Every revision, oldest first (only with <c>includeHistory=true</c>).</summary>
    public IReadOnlyList<ClassificationRevisionDto>? History { get; init; }
}

/// <summary>Points given to one criterion.</summary>
public sealed record CriterionScoreDto
{
    /// <summary>Code of the criterion.</summary>
    /// <example>capital</example>
    public required string Criterion { get; init; }

    /// <summary>Points, 0 to the criterion's maximum, at most two decimals.</summary>
    /// <example>6.5</example>
    public required decimal Points { get; init; }
}

/// <summary>One revision of a classification, as recorded (never changed).</summary>
public sealed record ClassificationRevisionDto
{
    /// <summary>Number, from 1.</summary>
    /// <example>1</example>
    public required int Revision { get; init; }

    /// <summary>Scheme version used.</summary>
    /// <example>circular-01-2020</example>
    public required string SchemeCode { get; init; }

    /// <summary>Rating.</summary>
    public required Rating Rating { get; init; }

    /// <summary>Why not rated.</summary>
    public NotRatedReason? NotRatedReason { get; init; }

    /// <summary>Total.</summary>
    /// <example>79.99</example>
    public decimal? TotalPoints { get; init; }

    /// <summary>Points per criterion.</summary>
    public required IReadOnlyList<CriterionScoreDto> Scores { get; init; }

    /// <summary>Date of the assessment.</summary>
    /// <example>2024-12-10</example>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>Who approved it.</summary>
    /// <example>Chủ tịch UBND xã Cai Kinh</example>
    public required string ApprovedBy { get; init; }

    /// <summary>Notes.</summary>
    public string? Notes { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One line of the list across the register: a current classification and its organization's name.</summary>
public sealed record ClassificationSummaryDto
{
    /// <summary>Identifier of the classification.</summary>
    public required Guid Id { get; init; }

    /// <summary>The organization.</summary>
    public required Guid CooperativeId { get; init; }

    /// <summary>The organization's name (as it is now).</summary>
    /// <example>Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh</example>
    public required string CooperativeName { get; init; }

    /// <summary>Year.</summary>
    /// <example>2024</example>
    public required int Year { get; init; }

    /// <summary>Current revision.</summary>
    /// <example>1</example>
    public required int Revision { get; init; }

    /// <summary>Scheme version used.</summary>
    /// <example>circular-01-2020</example>
    public required string SchemeCode { get; init; }

    /// <summary>Rating.</summary>
    public required Rating Rating { get; init; }

    /// <summary>Why not rated.</summary>
    public NotRatedReason? NotRatedReason { get; init; }

    /// <summary>Total.</summary>
    /// <example>81.5</example>
    public decimal? TotalPoints { get; init; }

    /// <summary>Province (when assessed).</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Commune (when assessed).</summary>
    /// <example>06427</example>
    public required string CommuneCode { get; init; }

    /// <summary>Kind (when assessed).</summary>
    public required OrganizationKind OrganizationKind { get; init; }

    /// <summary>Sector (when assessed).</summary>
    public required Sector Sector { get; init; }

    /// <summary>Date of the assessment.</summary>
    /// <example>2024-12-10</example>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>Version (ETag of the classification).</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}

/// <summary>Maps classifications to their DTOs.</summary>
public static class ClassificationMapping
{
    /// <summary>The DTO of <paramref name="classification"/> (its current revision).</summary>
    public static ClassificationDto ToDto(this Classification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        return new ClassificationDto
        {
            Id = classification.Id,
            CooperativeId = classification.CooperativeId,
            Year = classification.Year,
            Revision = classification.Revision,
            SchemeCode = classification.SchemeCode,
            Rating = classification.Rating,
            NotRatedReason = classification.NotRatedReason,
            TotalPoints = classification.TotalPoints,
            Scores = classification.Scores.Select(ToDto).ToList(),
            AssessedOn = classification.AssessedOn,
            ApprovedBy = classification.ApprovedBy,
            Notes = classification.Notes,
            ProvinceCode = classification.ProvinceCode,
            CommuneCode = classification.CommuneCode,
            OrganizationKind = classification.OrganizationKind,
            Sector = classification.Sector,
            CreatedAt = classification.CreatedAt,
            UpdatedAt = classification.UpdatedAt,
            Version = classification.Version,
        };
    }

    /// <summary>The DTO of one score.</summary>
    public static CriterionScoreDto ToDto(this CriterionScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        return new CriterionScoreDto { Criterion = score.Criterion, Points = score.Points };
    }
}
