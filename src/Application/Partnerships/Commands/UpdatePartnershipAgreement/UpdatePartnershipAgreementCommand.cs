using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Partnerships;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.UpdatePartnershipAgreement;

/// <summary>What an amendment of an active programme says of itself.</summary>
[PublicName("AmendmentInput")]
public sealed record AmendmentInput
{
    /// <summary>Date of the amending document, yyyy-MM-dd (required; not in the future, not before the programme took effect).</summary>
    /// <example>2024-06-01</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? AmendedOn { get; init; }

    /// <summary>Its number.</summary>
    /// <example>02/CTPH-SĐBS</example>
    [FieldRules(MaxLength = PartnershipRules.NumberMaxLength)]
    public string? Reference { get; init; }

    /// <summary>Why.</summary>
    /// <example>Kéo dài thời gian thực hiện thêm một năm</example>
    [FieldRules(MaxLength = PartnershipRules.LongTextMaxLength)]
    public string? Reason { get; init; }
}

/// <summary>
/// Replaces the terms of a programme. A draft takes any valid terms. An active programme changes
/// only by amendment: <c>amendment</c> describes it, and only <c>periodEndYear</c>, <c>signatories</c>,
/// <c>policyReferences</c> and <c>contentAreas</c> (appended) may differ; the history is kept.
/// </summary>
[PublicName("PartnershipAgreementUpdate")]
public sealed record UpdatePartnershipAgreementCommand : AgreementFields, ICommand<PartnershipAgreementDto>
{
    /// <summary>The agreement (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>For an active programme: the amending document (required when something changes); left out for a draft.</summary>
    public AmendmentInput? Amendment { get; init; }
}

/// <summary>Validates a full update.</summary>
public sealed class UpdatePartnershipAgreementCommandValidator : AgreementFieldsValidator<UpdatePartnershipAgreementCommand>
{
    /// <summary>Creates the rules.</summary>
    public UpdatePartnershipAgreementCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar) : base(units, calendar)
    {
        RuleFor(x => x.Amendment).Satisfies((_, a) => PartnershipRules.CheckPastDate("amendment.amendedOn", a!.AmendedOn, calendar.Today)
                ?? FreeText.Check("amendment.reference", a.Reference, PartnershipRules.NumberMaxLength)
                ?? FreeText.Check("amendment.reason", a.Reason, PartnershipRules.LongTextMaxLength))
            .When(x => x.Amendment is not null);
    }
}

/// <summary>Handles <see cref="UpdatePartnershipAgreementCommand"/>.</summary>
public sealed class UpdatePartnershipAgreementCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, IAdministrativeUnits units,
    ICurrentUser user) : IRequestHandler<UpdatePartnershipAgreementCommand, PartnershipAgreementDto>
{
    /// <inheritdoc />
    public async Task<PartnershipAgreementDto> Handle(UpdatePartnershipAgreementCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        var note = request.Amendment is { } a ? new AmendmentNote(a.AmendedOn!.Value, a.Reference, a.Reason) : null;
        agreement.Update(request.ToTerms(), note, calendar.Today, calendar.Now, units);
        user.EnsureCanWriteIn(agreement.ProvinceCode);
        await PartnershipLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return agreement.ToDto();
    }
}
