using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.ChangeStandingAgency;

/// <summary>
/// Another agency becomes the committee's standing agency from a date (e.g. the Department of
/// Finance when the Department of Planning and Investment merged into it in 2025). The earlier
/// agencies stay in the history; activities on or after that date show the new one.
/// </summary>
[PublicName("StandingAgencyChange")]
public sealed record ChangeStandingAgencyCommand : ICommand<SteeringCommitteeDto>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The new standing agency (required, at most 255 characters).</summary>
    /// <example>Sở Tài chính tỉnh Lạng Sơn</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NameMaxLength)]
    public string? Agency { get; init; }

    /// <summary>First day it serves, yyyy-MM-dd (required; after the current agency began, not in the future).</summary>
    /// <example>2025-03-01</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? From { get; init; }
}

/// <summary>Validates a change of standing agency.</summary>
public sealed class ChangeStandingAgencyCommandValidator : AbstractValidator<ChangeStandingAgencyCommand>
{
    /// <summary>Creates the rules.</summary>
    public ChangeStandingAgencyCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Agency).Satisfies((_, v) => SteeringRules.CheckRequiredText("agency", v, SteeringRules.NameMaxLength));
        RuleFor(x => x.From).Satisfies((_, v) => SteeringRules.CheckPastDate("from", v, calendar.Today));
    }
}

/// <summary>Handles <see cref="ChangeStandingAgencyCommand"/>.</summary>
public sealed class ChangeStandingAgencyCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<ChangeStandingAgencyCommand, SteeringCommitteeDto>
{
    /// <inheritdoc />
    public async Task<SteeringCommitteeDto> Handle(ChangeStandingAgencyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.Id, request.ExpectedVersion, cancellationToken);
        committee.ChangeStandingAgency(request.Agency!, request.From!.Value, calendar.Today, calendar.Now);
        await SteeringLoader.RefreshActivitiesAsync(db, committee, calendar.Now, cancellationToken);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return committee.ToDto();
    }
}
