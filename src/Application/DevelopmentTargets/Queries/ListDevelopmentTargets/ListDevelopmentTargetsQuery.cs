using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.DevelopmentTargets;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.DevelopmentTargets.Queries.ListDevelopmentTargets;

/// <summary>Development targets, filtered and paged (ordered by horizon year, then id).</summary>
public sealed class ListDevelopmentTargetsQuery : IQuery<PagedList<DevelopmentTargetDto>>
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Largest page number accepted.</summary>
    public const int MaxPage = 100_000;

    /// <summary>Only targets of this province (2 digits), e.g. 20.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only targets with this horizon year, e.g. 2025.</summary>
    [FieldRules(Minimum = 2000, Maximum = DevelopmentTargetRules.LatestHorizonYear)]
    public int? HorizonYear { get; set; }

    /// <summary>Page number, from 1.</summary>
    /// <example>1</example>
    [FieldRules(Minimum = 1, Maximum = MaxPage)]
    public int Page { get; set; } = 1;

    /// <summary>Targets per page, 1–200 (default 20).</summary>
    /// <example>20</example>
    [FieldRules(Minimum = 1, Maximum = MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates the filters; messages in English or Vietnamese.</summary>
public sealed class ListDevelopmentTargetsQueryValidator : AbstractValidator<ListDevelopmentTargetsQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: the province filter must name a current province.</param>
    public ListDevelopmentTargetsQueryValidator(IAdministrativeUnits units)
    {
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
    }
}

/// <summary>Handles <see cref="ListDevelopmentTargetsQuery"/> with one SQL page and count.</summary>
public sealed class ListDevelopmentTargetsQueryHandler(IDevelopmentTargetReadModel reads)
    : IRequestHandler<ListDevelopmentTargetsQuery, PagedList<DevelopmentTargetDto>>
{
    /// <inheritdoc />
    public async Task<PagedList<DevelopmentTargetDto>> Handle(ListDevelopmentTargetsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await reads.ListAsync(request, cancellationToken);
    }
}
