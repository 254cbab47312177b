using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.ClassificationSchemes;

/// <summary>A classification scheme version, as the API returns it.</summary>
public sealed record ClassificationSchemeDto
{
    /// <summary>Unique code of the version.</summary>
    /// <example>circular-01-2020</example>
    public required string Code { get; init; }

    /// <summary>Title.</summary>
    /// <example>Đánh giá, phân loại hợp tác xã / Classification of cooperatives</example>
    public required string Title { get; init; }

    /// <summary>The regulation it implements.</summary>
    /// <example>Circular 01/2020/TT-BKHĐT</example>
    public required string Regulation { get; init; }

    /// <summary>First day in force (yyyy-MM-dd).</summary>
    /// <example>2020-01-01</example>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day in force; absent while open-ended.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Kinds of organization it rates; others are not rated (<c>kindExcluded</c>).</summary>
    public required IReadOnlyList<OrganizationKind> AppliesToKinds { get; init; }

    /// <summary>Sectors it does not rate even for a covered kind (people's credit funds: <c>credit</c>).</summary>
    public required IReadOnlyList<Sector> ExcludedSectors { get; init; }

    /// <summary>Lower bounds of the rating bands.</summary>
    public required RatingBandsDto Bands { get; init; }

    /// <summary>The most points an assessment can total (sum of the criteria's maxima).</summary>
    /// <example>100</example>
    public required decimal TotalPoints { get; init; }

    /// <summary>The criteria tree: groups, each with its criteria.</summary>
    public required IReadOnlyList<CriteriaGroupDto> Groups { get; init; }

    /// <summary>When it was added (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Version of the record (a scheme never changes once added: always 1).</summary>
    /// <example>1</example>
    public required int Version { get; init; }
}

/// <summary>Lower bounds (inclusive) of the ratings: good ≥ good, fair ≥ fair, average ≥ average, weak below.</summary>
public sealed record RatingBandsDto
{
    /// <summary>Lowest total rated good.</summary>
    /// <example>80</example>
    public required decimal Good { get; init; }

    /// <summary>Lowest total rated fair.</summary>
    /// <example>65</example>
    public required decimal Fair { get; init; }

    /// <summary>Lowest total rated average; below it, weak.</summary>
    /// <example>50</example>
    public required decimal Average { get; init; }
}

/// <summary>A group of criteria.</summary>
public sealed record CriteriaGroupDto
{
    /// <summary>Code, unique in the scheme (camelCase).</summary>
    /// <example>finance</example>
    public required string Code { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Finance</example>
    public required string NameEn { get; init; }

    /// <summary>Name in Vietnamese.</summary>
    /// <example>Tài chính</example>
    public required string NameVi { get; init; }

    /// <summary>Sum of its criteria's maxima.</summary>
    /// <example>30</example>
    public required decimal MaxPoints { get; init; }

    /// <summary>Its criteria, in order.</summary>
    public required IReadOnlyList<CriterionDto> Criteria { get; init; }
}

/// <summary>One criterion.</summary>
public sealed record CriterionDto
{
    /// <summary>Code, unique in the scheme (camelCase); assessments score it by this code.</summary>
    /// <example>capital</example>
    public required string Code { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Capital</example>
    public required string NameEn { get; init; }

    /// <summary>Name in Vietnamese.</summary>
    /// <example>Vốn</example>
    public required string NameVi { get; init; }

    /// <summary>The most points it gives.</summary>
    /// <example>7</example>
    public required decimal MaxPoints { get; init; }
}

/// <summary>Maps schemes to their DTOs.</summary>
public static class ClassificationSchemeMapping
{
    /// <summary>The DTO of <paramref name="scheme"/>.</summary>
    public static ClassificationSchemeDto ToDto(this ClassificationScheme scheme)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        return new ClassificationSchemeDto
        {
            Code = scheme.Code,
            Title = scheme.Title,
            Regulation = scheme.Regulation,
            ValidFrom = scheme.ValidFrom,
            ValidTo = scheme.ValidTo,
            AppliesToKinds = scheme.AppliesToKinds,
            ExcludedSectors = scheme.ExcludedSectors,
            Bands = new RatingBandsDto { Good = scheme.Bands.Good, Fair = scheme.Bands.Fair, Average = scheme.Bands.Average },
            TotalPoints = scheme.TotalPoints,
            Groups = scheme.Groups.Select(ToDto).ToList(),
            CreatedAt = scheme.CreatedAt,
            Version = scheme.Version,
        };
    }

    /// <summary>The DTO of a group.</summary>
    public static CriteriaGroupDto ToDto(this CriteriaGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return new CriteriaGroupDto
        {
            Code = group.Code,
            NameEn = group.NameEn,
            NameVi = group.NameVi,
            MaxPoints = group.MaxPoints,
            Criteria = group.Criteria.Select(c => new CriterionDto { Code = c.Code, NameEn = c.NameEn, NameVi = c.NameVi, MaxPoints = c.MaxPoints }).ToList(),
        };
    }
}
