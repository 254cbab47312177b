using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Application.Common.Models;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Classifications.Queries.ListClassifications;

/// <summary>A filtered page of current classifications across the register, newest year first, then in the order they were first recorded (stable paging).</summary>
public sealed class ListClassificationsQuery : IQuery<PagedList<ClassificationSummaryDto>>
{
    /// <summary>Largest page.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Only this year.</summary>
    /// <example>2024</example>
    public int? Year { get; set; }

    /// <summary>Only this province (as when assessed), 2 digits.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only this commune (as when assessed), 5 digits.</summary>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; set; }

    /// <summary>Only these ratings (repeat for several).</summary>
    public IReadOnlyList<Rating> Rating { get; set; } = new List<Rating>();

    /// <summary>Only these sectors (repeat for several).</summary>
    public IReadOnlyList<Sector> Sector { get; set; } = new List<Sector>();

    /// <summary>Page number, from 1.</summary>
    /// <example>1</example>
    [FieldRules(Minimum = 1, Maximum = 100000)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    /// <example>20</example>
    [FieldRules(Minimum = 1, Maximum = MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>
/// Validates the filters as the register's list does: province and commune codes must name current
/// units (a pre-reform code gets its hint); messages in English or Vietnamese.
/// </summary>
public sealed class ListClassificationsQueryValidator : AbstractValidator<ListClassificationsQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map.</param>
    public ListClassificationsQueryValidator(IAdministrativeUnits units)
    {
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        RuleFor(x => x.CommuneCode)
            .Satisfies((_, c) => CommuneCode.CheckFormat(c) ?? CommuneCode.CheckExists(c!, units))
            .When(x => x.CommuneCode is not null);
    }
}

/// <summary>Handles <see cref="ListClassificationsQuery"/>.</summary>
public sealed class ListClassificationsQueryHandler(IClassificationReadModel classifications)
    : IRequestHandler<ListClassificationsQuery, PagedList<ClassificationSummaryDto>>
{
    /// <inheritdoc />
    public Task<PagedList<ClassificationSummaryDto>> Handle(ListClassificationsQuery request, CancellationToken cancellationToken) =>
        classifications.ListAsync(request, cancellationToken);
}
