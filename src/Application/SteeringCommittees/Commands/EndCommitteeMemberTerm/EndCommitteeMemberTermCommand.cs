using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.EndCommitteeMemberTerm;

/// <summary>Ends a term (terms are never deleted): its last day, not before it began and earlier than any end it has.</summary>
[PublicName("TermEnd")]
public sealed record EndCommitteeMemberTermCommand : ICommand<CommitteeMemberResult>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid CommitteeId { get; init; }

    /// <summary>The term (from the route).</summary>
    [JsonIgnore]
    public Guid MemberId { get; init; }

    /// <summary>The committee's version the client last read (from <c>If-Match</c>).</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>Last day of the term, yyyy-MM-dd (required).</summary>
    /// <example>2025-02-28</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? To { get; init; }
}

/// <summary>Validates the end of a term.</summary>
public sealed class EndCommitteeMemberTermCommandValidator : AbstractValidator<EndCommitteeMemberTermCommand>
{
    /// <summary>Creates the rules.</summary>
    public EndCommitteeMemberTermCommandValidator() =>
        RuleFor(x => x.To).Satisfies((_, v) => v is null ? SteeringRules.Errors.Required("to")
            : v < SteeringRules.EarliestDate ? SteeringRules.Errors.TooEarly("to") : null);
}

/// <summary>Handles <see cref="EndCommitteeMemberTermCommand"/>.</summary>
public sealed class EndCommitteeMemberTermCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<EndCommitteeMemberTermCommand, CommitteeMemberResult>
{
    /// <inheritdoc />
    public async Task<CommitteeMemberResult> Handle(EndCommitteeMemberTermCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.CommitteeId, request.ExpectedVersion, cancellationToken);
        var member = committee.EndTerm(request.MemberId, request.To!.Value, calendar.Now)
            ?? throw new NotFoundException("Committee member", "thành viên ban chỉ đạo", request.MemberId);
        await SteeringLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return new CommitteeMemberResult(member.ToDto(), committee.Version);
    }
}
