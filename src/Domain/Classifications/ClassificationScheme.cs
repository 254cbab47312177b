using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.Classifications;

/// <summary>
/// One version of a classification scheme: the regulation it implements, when it is in force, which
/// kinds of organization it rates, its criteria tree (groups → criteria, each with a maximum) and its
/// rating bands. Schemes are data: a new circular is a new scheme version, added through the API, and
/// a version never changes once added, so every assessment that names it keeps its meaning.
/// </summary>
public sealed class ClassificationScheme : AggregateRoot
{
    private ClassificationScheme() { } // for EF Core

    /// <inheritdoc />
    public override string AggregateType => "classificationScheme";

    /// <summary>Unique code of the version, e.g. <c>circular-01-2020</c>.</summary>
    public string Code { get; private set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>The regulation it implements, e.g. <c>Circular 01/2020/TT-BKHĐT</c>.</summary>
    public string Regulation { get; private set; } = "";

    /// <summary>First day it is in force.</summary>
    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day it is in force; null while open-ended.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>Kinds of organization it rates; other kinds are not rated.</summary>
    public OrganizationKind[] AppliesToKinds { get; private set; } = [];

    /// <summary>Sectors it does not rate even for a covered kind (people's credit funds: <c>credit</c>).</summary>
    public Sector[] ExcludedSectors { get; private set; } = [];

    /// <summary>Lower bounds of the bands.</summary>
    public RatingBands Bands { get; private set; } = new(80, 65, 50);

    /// <summary>The criteria tree.</summary>
    public IReadOnlyList<CriteriaGroup> Groups { get; private set; } = [];

    /// <summary>When it was added (UTC).</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The most points an assessment can total: the sum of the criteria's maxima.</summary>
    public decimal TotalPoints => Groups.Sum(g => g.MaxPoints);

    /// <summary>Every criterion, in order.</summary>
    public IReadOnlyList<Criterion> Criteria => Groups.SelectMany(g => g.Criteria).ToList();

    /// <summary>
    /// Defines a new scheme version. Throws the first broken rule of
    /// <see cref="ClassificationRules.CheckScheme"/> (validators report all of them first).
    /// </summary>
    public static ClassificationScheme Define(string code, string title, string regulation, DateOnly validFrom, DateOnly? validTo,
        IReadOnlyList<OrganizationKind> appliesToKinds, IReadOnlyList<Sector> excludedSectors, RatingBands bands,
        IReadOnlyList<CriteriaGroup> groups, DateTimeOffset now)
    {
        var errors = ClassificationRules.CheckScheme(code, title, regulation, validFrom, validTo, appliesToKinds, excludedSectors, bands, groups);
        if (errors.Count > 0)
        {
            throw errors[0].AsValidation();
        }

        var scheme = new ClassificationScheme
        {
            Code = code,
            Title = title.Trim(),
            Regulation = regulation.Trim(),
            ValidFrom = validFrom,
            ValidTo = validTo,
            AppliesToKinds = [.. appliesToKinds],
            ExcludedSectors = [.. excludedSectors],
            Bands = bands,
            Groups = groups.Select(g => g with
            {
                NameEn = g.NameEn.Trim(),
                NameVi = g.NameVi.Trim(),
                Criteria = g.Criteria.Select(c => c with { NameEn = c.NameEn.Trim(), NameVi = c.NameVi.Trim() }).ToList(),
            }).ToList(),
            CreatedAt = Instants.ToMicroseconds(now),
        };
        scheme.Raise(new ClassificationSchemeAdded(scheme.Id, now, scheme.Code, scheme.Regulation, scheme.ValidFrom, scheme.ValidTo));
        return scheme;
    }

    /// <summary>True when the scheme rates organizations of this kind and sector.</summary>
    public bool AppliesTo(OrganizationKind kind, Sector sector) => AppliesToKinds.Contains(kind) && !ExcludedSectors.Contains(sector);

    /// <summary>True when the scheme is in force on some day of <paramref name="year"/>.</summary>
    public bool IsValidForYear(int year) =>
        ValidFrom <= new DateOnly(year, 12, 31) && (ValidTo is not { } to || to >= new DateOnly(year, 1, 1));
}

/// <summary>A scheme version was added.</summary>
/// <param name="AggregateId">The scheme.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Code">Its code.</param>
/// <param name="Regulation">The regulation it implements.</param>
/// <param name="ValidFrom">First day in force.</param>
/// <param name="ValidTo">Last day in force, if any.</param>
public sealed record ClassificationSchemeAdded(Guid AggregateId, DateTimeOffset OccurredAt, string Code, string Regulation,
    DateOnly ValidFrom, DateOnly? ValidTo) : IDomainEvent
{
    /// <inheritdoc />
    public ChangeKind Kind => ChangeKind.Created;
}

/// <summary>Instants as PostgreSQL keeps them.</summary>
internal static class Instants
{
    /// <summary><paramref name="value"/> truncated to microseconds (what a <c>timestamptz</c> column returns).</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value) => value.AddTicks(-(value.Ticks % TimeSpan.TicksPerMicrosecond));
}
