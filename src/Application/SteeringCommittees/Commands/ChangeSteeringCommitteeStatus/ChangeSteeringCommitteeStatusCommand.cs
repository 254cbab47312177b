using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Common;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.ChangeSteeringCommitteeStatus;

/// <summary>
/// Changes a committee's status, as the register does (<c>POST …/status</c>): the one transition
/// is active → dissolved, dated; dissolved is final. Terms still running end on that date.
/// </summary>
[PublicName("SteeringCommitteeStatusChange")]
public sealed record ChangeSteeringCommitteeStatusCommand : ICommand<SteeringCommitteeDto>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The new status (required): <c>dissolved</c>.</summary>
    /// <example>dissolved</example>
    [FieldRules(Required = true)]
    public CommitteeStatus? Status { get; init; }

    /// <summary>Date it takes effect, yyyy-MM-dd (required; not in the future, not before the establishment, not before a term or agency change begins).</summary>
    /// <example>2025-06-30</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? EffectiveOn { get; init; }

    /// <summary>Why: the decision (at most 4000 characters).</summary>
    /// <example>Quyết định số 45/QĐ-UBND về việc giải thể Ban chỉ đạo cấp huyện</example>
    [FieldRules(MaxLength = SteeringRules.LongTextMaxLength)]
    public string? Reason { get; init; }
}

/// <summary>Validates a status change.</summary>
public sealed class ChangeSteeringCommitteeStatusCommandValidator : AbstractValidator<ChangeSteeringCommitteeStatusCommand>
{
    /// <summary>Creates the rules.</summary>
    public ChangeSteeringCommitteeStatusCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Status).Satisfies((_, v) => v is null ? SteeringRules.Errors.Required("status") : null);
        RuleFor(x => x.EffectiveOn).Satisfies((_, v) => SteeringRules.CheckPastDate("effectiveOn", v, calendar.Today));
        RuleFor(x => x.Reason).Satisfies((_, v) => FreeText.Check("reason", v, SteeringRules.LongTextMaxLength));
    }
}

/// <summary>Handles <see cref="ChangeSteeringCommitteeStatusCommand"/>.</summary>
public sealed class ChangeSteeringCommitteeStatusCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<ChangeSteeringCommitteeStatusCommand, SteeringCommitteeDto>
{
    /// <inheritdoc />
    public async Task<SteeringCommitteeDto> Handle(ChangeSteeringCommitteeStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        if (request.Status == CommitteeStatus.Active)
        {
            throw (committee.Status == CommitteeStatus.Active ? SteeringRules.Errors.StatusUnchanged : SteeringRules.Errors.Dissolved).AsViolation();
        }

        var effectiveOn = request.EffectiveOn!.Value;
        if (committee.Status == CommitteeStatus.Active && effectiveOn >= committee.EstablishedOn
            && await SteeringLoader.HasActivitiesOutsideAsync(db, committee.Id, committee.EstablishedOn, effectiveOn, cancellationToken))
        {
            throw SteeringRules.Errors.ActivitiesAfterDissolution.AsViolation();
        }

        committee.Dissolve(effectiveOn, request.Reason, calendar.Today, calendar.Now);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return committee.ToDto();
    }
}
