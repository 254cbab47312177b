using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.OcopProducts;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.OcopProducts.Queries.ListOcopProducts;

/// <summary>OCOP products across the register, filtered and paged (for statistics).</summary>
public sealed class ListOcopProductsQuery : IQuery<PagedList<OcopProductDto>>
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Largest page number accepted.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Only products of this many stars (3, 4 or 5).</summary>
    /// <example>4</example>
    [FieldRules(Minimum = OcopRules.MinStars, Maximum = OcopRules.MaxStars)]
    public int? Stars { get; set; }

    /// <summary>Only products of organizations in this province (2 digits), e.g. 24.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>
    /// Only products whose certificate is valid on this date (yyyy-MM-dd): certified on or before
    /// it and expiring after it. Statuses are then computed for this date (otherwise for today).
    /// </summary>
    public DateOnly? ActiveOn { get; set; }

    /// <summary>Page number, from 1.</summary>
    /// <example>1</example>
    [FieldRules(Minimum = 1, Maximum = MaxPage)]
    public int Page { get; set; } = 1;

    /// <summary>Products per page, 1–200 (default 20).</summary>
    /// <example>20</example>
    [FieldRules(Minimum = 1, Maximum = MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates the filters; messages in English or Vietnamese.</summary>
public sealed class ListOcopProductsQueryValidator : AbstractValidator<ListOcopProductsQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: the province filter must name a current province.</param>
    public ListOcopProductsQueryValidator(IAdministrativeUnits units)
    {
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        RuleFor(x => x.Stars).Satisfies((_, s) => OcopRules.CheckStars(s)).When(x => x.Stars is not null);
    }
}

/// <summary>Handles <see cref="ListOcopProductsQuery"/> with one SQL page and count on indexed columns.</summary>
public sealed class ListOcopProductsQueryHandler(IOcopProductReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<ListOcopProductsQuery, PagedList<OcopProductDto>>
{
    /// <inheritdoc />
    public async Task<PagedList<OcopProductDto>> Handle(ListOcopProductsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.ListAsync(request, request.ActiveOn ?? calendar.Today, cancellationToken);
    }
}
