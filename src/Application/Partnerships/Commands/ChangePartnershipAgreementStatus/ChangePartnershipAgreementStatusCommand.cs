using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Common;
using CoopApi.Domain.Partnerships;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.ChangePartnershipAgreementStatus;

/// <summary>
/// Changes a programme's status, as the register does (<c>POST …/status</c>): draft → active →
/// completed | terminated; anything else is 409 <c>partnershipAgreement.transitionNotAllowed</c>.
/// </summary>
[PublicName("PartnershipAgreementStatusChange")]
public sealed record ChangePartnershipAgreementStatusCommand : ICommand<PartnershipAgreementDto>
{
    /// <summary>The agreement (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The new status (required).</summary>
    /// <example>active</example>
    [FieldRules(Required = true)]
    public AgreementStatus? Status { get; init; }

    /// <summary>Date it takes effect, yyyy-MM-dd (required, not in the future).</summary>
    /// <example>2023-03-09</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? EffectiveOn { get; init; }

    /// <summary>Why (at most 4000 characters).</summary>
    /// <example>Hai bên ký kết chương trình phối hợp</example>
    [FieldRules(MaxLength = PartnershipRules.LongTextMaxLength)]
    public string? Reason { get; init; }
}

/// <summary>Validates a status change.</summary>
public sealed class ChangePartnershipAgreementStatusCommandValidator : AbstractValidator<ChangePartnershipAgreementStatusCommand>
{
    /// <summary>Creates the rules.</summary>
    public ChangePartnershipAgreementStatusCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Status).Satisfies((_, v) => v is null || !Enum.IsDefined(v.Value) ? PartnershipRules.Errors.Required("status") : null);
        RuleFor(x => x.EffectiveOn).Satisfies((_, v) => PartnershipRules.CheckPastDate("effectiveOn", v, calendar.Today));
        RuleFor(x => x.Reason).Satisfies((_, v) => FreeText.Check("reason", v, PartnershipRules.LongTextMaxLength));
    }
}

/// <summary>Handles <see cref="ChangePartnershipAgreementStatusCommand"/>.</summary>
public sealed class ChangePartnershipAgreementStatusCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<ChangePartnershipAgreementStatusCommand, PartnershipAgreementDto>
{
    /// <inheritdoc />
    public async Task<PartnershipAgreementDto> Handle(ChangePartnershipAgreementStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        agreement.ChangeStatus(request.Status!.Value, request.EffectiveOn!.Value, request.Reason, calendar.Now);
        await PartnershipLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return agreement.ToDto();
    }
}
