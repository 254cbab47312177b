using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Search;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Queries.ListCooperatives;

/// <summary>A filtered, sorted page of the register.</summary>
public sealed class ListCooperativesQuery : IQuery<PagedList<CooperativeDto>>
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Sort keys a client may use; prefix with <c>-</c> for descending.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["name", "establishedOn", "charterCapital", "memberCount", "createdAt"];

    /// <summary>Only these kinds of organization (any of them); empty: every kind.</summary>
    public IReadOnlyList<OrganizationKind> Kind { get; set; } = new List<OrganizationKind>();

    /// <summary>Only these sectors (any of them); empty: every sector.</summary>
    public IReadOnlyList<Sector> Sector { get; set; } = new List<Sector>();

    /// <summary>Only these statuses (any of them); empty: every status.</summary>
    public IReadOnlyList<OrganizationStatus> Status { get; set; } = new List<OrganizationStatus>();

    /// <summary>Only this province (2 digits), e.g. 24.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only this commune (5 digits).</summary>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; set; }

    /// <summary>Only youth cooperatives (true) or only the others (false).</summary>
    public bool? IsYouthCooperative { get; set; }

    /// <summary>Founded on or after this date (yyyy-MM-dd).</summary>
    public DateOnly? EstablishedFrom { get; set; }

    /// <summary>Founded on or before this date (yyyy-MM-dd).</summary>
    public DateOnly? EstablishedTo { get; set; }

    /// <summary>
    /// Words to find in the name or registration code, ignoring case and Vietnamese diacritics
    /// ("cai kinh" finds "Cai Kinh", "dong" finds "Đồng"); every word must match.
    /// </summary>
    [FieldRules(MaxLength = 200)]
    public string? Q { get; set; }

    /// <summary>
    /// Sort key: <c>name</c>, <c>establishedOn</c>, <c>charterCapital</c>, <c>memberCount</c> or
    /// <c>createdAt</c>; prefix <c>-</c> for descending. Ties are broken by id, so pages are stable.
    /// Default: <c>name</c>. Example: <c>-charterCapital</c>.
    /// </summary>
    [FieldRules(Pattern = "^-?(name|establishedOn|charterCapital|memberCount|createdAt)$")]
    public string? Sort { get; set; }

    /// <summary>Page number, from 1 (default 1).</summary>
    /// <example>1</example>
    [FieldRules(Minimum = 1, Maximum = 1_000_000)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    /// <example>20</example>
    [FieldRules(Minimum = 1, Maximum = MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates list parameters.</summary>
public sealed class ListCooperativesQueryValidator : AbstractValidator<ListCooperativesQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: province and commune filters must name current units.</param>
    public ListCooperativesQueryValidator(IAdministrativeUnits units)
    {
        RuleForEach(x => x.Kind).IsInEnum();
        RuleForEach(x => x.Sector).IsInEnum();
        RuleForEach(x => x.Status).IsInEnum();
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).LessThanOrEqualTo(1_000_000);
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListCooperativesQuery.MaxPageSize);
        // Same rules, codes and texts as writes (a pre-reform code gets the "became 24" hint), from
        // the in-memory map: no database round trip.
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        RuleFor(x => x.CommuneCode)
            .Satisfies((_, c) => CommuneCode.CheckFormat(c) ?? CommuneCode.CheckExists(c!, units))
            .When(x => x.CommuneCode is not null);
        RuleFor(x => x.EstablishedTo).GreaterThanOrEqualTo(x => x.EstablishedFrom)
            .When(x => x.EstablishedFrom is not null && x.EstablishedTo is not null)
            .WithMessage(_ => Text.Pick("establishedTo must not be before establishedFrom.", "establishedTo không được trước establishedFrom."));
        RuleFor(x => x.Q).MaximumLength(200);
        RuleFor(x => x.Sort).Must(s => ListCooperativesQuery.SortKeys.Contains(s!.StartsWith('-') ? s[1..] : s))
            .When(x => !string.IsNullOrEmpty(x.Sort))
            .WithMessage(_ => Text.Pick(
                $"Unknown sort key. Use one of: {string.Join(", ", ListCooperativesQuery.SortKeys)} (prefix - for descending).",
                $"Khóa sắp xếp không hợp lệ. Dùng một trong: {string.Join(", ", ListCooperativesQuery.SortKeys)} (thêm - phía trước để sắp giảm dần)."));
    }
}

/// <summary>
/// Handles <see cref="ListCooperativesQuery"/>: filters in SQL, counts, and projects one page
/// straight to DTOs. Text search uses the trigram index on the folded search column.
/// </summary>
public sealed class ListCooperativesQueryHandler(IApplicationDbContext db)
    : IRequestHandler<ListCooperativesQuery, PagedList<CooperativeDto>>
{
    /// <inheritdoc />
    public async Task<PagedList<CooperativeDto>> Handle(ListCooperativesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = Filter(db.Cooperatives.AsNoTracking(), request);
        var total = await query.CountAsync(cancellationToken);
        var items = total <= (request.Page - 1) * request.PageSize
            ? []
            : await Sort(query, request.Sort)
                .Skip((request.Page - 1) * request.PageSize)
                .Take(request.PageSize)
                .ProjectToDto()
                .ToListAsync(cancellationToken);
        return new PagedList<CooperativeDto>(items, request.Page, request.PageSize, total);
    }

    private static IQueryable<Cooperative> Filter(IQueryable<Cooperative> query, ListCooperativesQuery r)
    {
        if (r.Kind.Count > 0) query = query.Where(c => r.Kind.Contains(c.Kind));
        if (r.Sector.Count > 0) query = query.Where(c => r.Sector.Contains(c.Sector));
        if (r.Status.Count > 0) query = query.Where(c => r.Status.Contains(c.Status));
        if (r.ProvinceCode is { } province) query = query.Where(c => c.ProvinceCode == province);
        if (r.CommuneCode is { } commune) query = query.Where(c => c.CommuneCode == commune);
        if (r.IsYouthCooperative is { } youth) query = query.Where(c => c.IsYouthCooperative == youth);
        if (r.EstablishedFrom is { } from) query = query.Where(c => c.EstablishedOn >= from);
        if (r.EstablishedTo is { } to) query = query.Where(c => c.EstablishedOn <= to);
        if (!string.IsNullOrWhiteSpace(r.Q))
        {
            foreach (var term in SearchFunctions.LikeTerms(r.Q))
            {
                var pattern = term;
                query = query.Where(c => EF.Functions.Like(
                    EF.Property<string>(c, SearchFunctions.SearchTextColumn),
                    "%" + SearchFunctions.Fold(pattern) + "%",
                    "\\"));
            }
        }

        return query;
    }

    private static IOrderedQueryable<Cooperative> Sort(IQueryable<Cooperative> query, string? sort)
    {
        var descending = sort?.StartsWith('-') == true;
        var key = descending ? sort![1..] : sort ?? "name";
        var ordered = (key, descending) switch
        {
            ("establishedOn", false) => query.OrderBy(c => c.EstablishedOn),
            ("establishedOn", true) => query.OrderByDescending(c => c.EstablishedOn),
            ("charterCapital", false) => query.OrderBy(c => c.CharterCapital),
            ("charterCapital", true) => query.OrderByDescending(c => c.CharterCapital),
            ("memberCount", false) => query.OrderBy(c => c.MemberCount),
            ("memberCount", true) => query.OrderByDescending(c => c.MemberCount),
            ("createdAt", false) => query.OrderBy(c => c.CreatedAt),
            ("createdAt", true) => query.OrderByDescending(c => c.CreatedAt),
            (_, true) => query.OrderByDescending(c => c.Name),
            _ => query.OrderBy(c => c.Name),
        };
        // The id breaks ties, so that a row never shows on two pages or on none.
        return descending ? ordered.ThenByDescending(c => c.Id) : ordered.ThenBy(c => c.Id);
    }
}
