using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Common;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Classifications.Queries.GetClassificationDistribution;

/// <summary>How the distribution is split besides the year.</summary>
public enum ClassificationGrouping
{
    /// <summary>One line per sector (as when assessed).</summary>
    [Label("Theo lĩnh vực", "By sector")]
    Sector = 1,

    /// <summary>One line per commune (as when assessed).</summary>
    [Label("Theo xã, phường", "By commune")]
    Commune = 2,
}

/// <summary>
/// The distribution of ratings for a year (or each year of a range), across the register or one
/// province, optionally grouped by sector or commune.
/// </summary>
public sealed class GetClassificationDistributionQuery : IQuery<ClassificationDistributionDto>
{
    /// <summary>Longest range of years.</summary>
    public const int MaxYears = 30;

    /// <summary>First year (inclusive).</summary>
    public int FromYear { get; set; }

    /// <summary>Last year (inclusive).</summary>
    public int ToYear { get; set; }

    /// <summary>Only this province (as when assessed), 2 digits; absent: the whole register.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Split each year by sector or commune; absent: one line per year.</summary>
    public ClassificationGrouping? GroupBy { get; set; }
}

/// <summary>Counts of one year (and group) as the read side aggregates them.</summary>
/// <param name="Year">Year.</param>
/// <param name="Group">Sector name or commune code; null without grouping.</param>
/// <param name="Good">Good.</param>
/// <param name="Fair">Fair.</param>
/// <param name="Average">Average.</param>
/// <param name="Weak">Weak.</param>
/// <param name="NotRated">Not rated.</param>
/// <param name="NotYetAssessed">Active organizations founded by the year's end without a classification for the year.</param>
public sealed record RatingCounts(int Year, string? Group, int Good, int Fair, int Average, int Weak, int NotRated, int NotYetAssessed);

/// <summary>The distribution of ratings.</summary>
public sealed record ClassificationDistributionDto
{
    /// <summary>First year.</summary>
    /// <example>2025</example>
    public required int FromYear { get; init; }

    /// <summary>Last year.</summary>
    /// <example>2025</example>
    public required int ToYear { get; init; }

    /// <summary>Province, or absent for the whole register.</summary>
    /// <example>24</example>
    public string? ProvinceCode { get; init; }

    /// <summary>Grouping, or absent.</summary>
    public ClassificationGrouping? GroupBy { get; init; }

    /// <summary>One line per year (every year of the range, also one without assessments) and, when grouped, per group that has any.</summary>
    public required IReadOnlyList<ClassificationDistributionItemDto> Items { get; init; }
}

/// <summary>Counts and shares of one year (and group).</summary>
public sealed record ClassificationDistributionItemDto
{
    /// <summary>Year.</summary>
    /// <example>2025</example>
    public required int Year { get; init; }

    /// <summary>The sector (API name) or commune code of the line; absent without grouping.</summary>
    /// <example>agricultureForestryFishery</example>
    public string? Group { get; init; }

    /// <summary>Rated good.</summary>
    /// <example>120</example>
    public required int Good { get; init; }

    /// <summary>Rated fair.</summary>
    /// <example>330</example>
    public required int Fair { get; init; }

    /// <summary>Rated average.</summary>
    /// <example>380</example>
    public required int Average { get; init; }

    /// <summary>Rated weak.</summary>
    /// <example>70</example>
    public required int Weak { get; init; }

    /// <summary>Rated at all: good + fair + average + weak (the denominator of every share).</summary>
    /// <example>900</example>
    public required int Rated { get; init; }

    /// <summary>Assessed but not rated (excluded kind, founded too recently, suspended too long): not in any share.</summary>
    /// <example>25</example>
    public required int NotRated { get; init; }

    /// <summary>Organizations active now, founded by the year's end, with no assessment for the year.</summary>
    /// <example>20</example>
    public required int NotYetAssessed { get; init; }

    /// <summary>Good ÷ rated, in percent (two decimals); absent when nothing is rated.</summary>
    /// <example>13.33</example>
    public decimal? GoodShare { get; init; }

    /// <summary>Fair ÷ rated, in percent.</summary>
    /// <example>36.67</example>
    public decimal? FairShare { get; init; }

    /// <summary>Average ÷ rated, in percent.</summary>
    /// <example>42.22</example>
    public decimal? AverageShare { get; init; }

    /// <summary>Weak ÷ rated, in percent (the 2025 target: below 10).</summary>
    /// <example>7.78</example>
    public decimal? WeakShare { get; init; }

    /// <summary>(Good + fair) ÷ rated, in percent, not-rated excluded (the 2025 target: above 45).</summary>
    /// <example>50</example>
    public decimal? FairOrBetterShare { get; init; }
}

/// <summary>Handles <see cref="GetClassificationDistributionQuery"/>: counts from one SQL aggregate, shares computed here.</summary>
public sealed class GetClassificationDistributionQueryHandler(IClassificationReadModel classifications)
    : IRequestHandler<GetClassificationDistributionQuery, ClassificationDistributionDto>
{
    /// <inheritdoc />
    public async Task<ClassificationDistributionDto> Handle(GetClassificationDistributionQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counts = await classifications.CountAsync(request, cancellationToken);
        return new ClassificationDistributionDto
        {
            FromYear = request.FromYear,
            ToYear = request.ToYear,
            ProvinceCode = request.ProvinceCode,
            GroupBy = request.GroupBy,
            Items = counts.Select(Item).ToList(),
        };
    }

    /// <summary>Shares of one line: each over the rated organizations only, in percent rounded to two decimals.</summary>
    public static ClassificationDistributionItemDto Item(RatingCounts c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var rated = c.Good + c.Fair + c.Average + c.Weak;
        decimal? Share(int count) => rated == 0 ? null : Math.Round(100m * count / rated, 2, MidpointRounding.AwayFromZero);
        return new ClassificationDistributionItemDto
        {
            Year = c.Year,
            Group = c.Group,
            Good = c.Good,
            Fair = c.Fair,
            Average = c.Average,
            Weak = c.Weak,
            Rated = rated,
            NotRated = c.NotRated,
            NotYetAssessed = c.NotYetAssessed,
            GoodShare = Share(c.Good),
            FairShare = Share(c.Fair),
            AverageShare = Share(c.Average),
            WeakShare = Share(c.Weak),
            FairOrBetterShare = Share(c.Good + c.Fair),
        };
    }
}

/// <summary>Validates the province and the range of years.</summary>
public sealed class GetClassificationDistributionQueryValidator : AbstractValidator<GetClassificationDistributionQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: the province filter must name a current province (a pre-reform code gets its hint).</param>
    public GetClassificationDistributionQueryValidator(IAdministrativeUnits units)
    {
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        RuleFor(x => x.ToYear).Must((q, to) => to >= q.FromYear && to - q.FromYear < GetClassificationDistributionQuery.MaxYears)
            .WithMessage(_ => Common.Localization.Text.Pick(
                $"toYear must not be before fromYear, and the range may span at most {GetClassificationDistributionQuery.MaxYears} years.",
                $"toYear không được trước fromYear và khoảng thời gian tối đa {GetClassificationDistributionQuery.MaxYears} năm."))
            .WithName("toYear");
    }
}
