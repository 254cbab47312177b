using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Domain.Partnerships;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Partnerships.Queries.ListPartnershipAgreements;

/// <summary>A filtered page of agreements, newest signing first, ties by id.</summary>
public sealed class ListPartnershipAgreementsQuery : IQuery<PagedList<PartnershipAgreementDto>>
{
    /// <summary>Only agreements of this province.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only these statuses (any of them).</summary>
    public IReadOnlyList<AgreementStatus> Status { get; set; } = new List<AgreementStatus>();

    /// <summary>Only agreements with a party of one of these kinds.</summary>
    public IReadOnlyList<PartyKind> PartyKind { get; set; } = new List<PartyKind>();

    /// <summary>Only agreements whose period covers this year.</summary>
    [FieldRules(Minimum = PartnershipRules.EarliestYear, Maximum = PartnershipRules.LatestYear)]
    public int? Year { get; set; }

    /// <summary>Words to find in the title or a party's name, ignoring case and diacritics.</summary>
    [FieldRules(MaxLength = 200)]
    public string? Q { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FieldRules(Minimum = 1, Maximum = 100_000)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    [FieldRules(Minimum = 1, Maximum = 200)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates the list parameters.</summary>
public sealed class ListPartnershipAgreementsQueryValidator : AbstractValidator<ListPartnershipAgreementsQuery>
{
    /// <summary>Creates the rules.</summary>
    public ListPartnershipAgreementsQueryValidator()
    {
        RuleFor(x => x.ProvinceCode).Matches("^[0-9]{2}$").When(x => x.ProvinceCode is not null)
            .WithMessage(_ => Text.Pick("provinceCode must be 2 digits.", "provinceCode phải gồm 2 chữ số."));
        RuleFor(x => x.Q).MaximumLength(200)
            .WithMessage(_ => Text.Pick("q must be at most 200 characters long.", "q chỉ được dài tối đa 200 ký tự."));
        RuleFor(x => x.Page).InclusiveBetween(1, 100_000)
            .WithMessage(_ => Text.Pick("page must be between 1 and 100000.", "page phải trong khoảng 1–100000."));
        RuleFor(x => x.PageSize).InclusiveBetween(1, 200)
            .WithMessage(_ => Text.Pick("pageSize must be between 1 and 200.", "pageSize phải trong khoảng 1–200."));
    }
}

/// <summary>Handles <see cref="ListPartnershipAgreementsQuery"/> on the read side.</summary>
public sealed class ListPartnershipAgreementsQueryHandler(IPartnershipReadModel reads)
    : IRequestHandler<ListPartnershipAgreementsQuery, PagedList<PartnershipAgreementDto>>
{
    /// <inheritdoc />
    public Task<PagedList<PartnershipAgreementDto>> Handle(ListPartnershipAgreementsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.ListAgreementsAsync(request, cancellationToken);
    }
}
