using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Common;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Commands.AddCommitteeMember;

/// <summary>
/// Adds a person's term to a committee. At most one head at any date; terms inside the
/// committee's life; the same person (by name) not twice at overlapping dates. The committee's
/// version moves, so of two concurrent additions of a head only one can succeed.
/// </summary>
[PublicName("CommitteeMemberAddition")]
public sealed record AddCommitteeMemberCommand : ICommand<CommitteeMemberResult>
{
    /// <summary>The committee (from the route).</summary>
    [JsonIgnore]
    public Guid CommitteeId { get; init; }

    /// <summary>Full name (required, at most 255 characters).</summary>
    /// <example>Phùng Thị Thanh Nga</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NameMaxLength)]
    public string? FullName { get; init; }

    /// <summary>Title (at most 255 characters).</summary>
    /// <example>Phó Giám đốc Sở Kế hoạch và Đầu tư</example>
    [FieldRules(MaxLength = SteeringRules.NameMaxLength)]
    public string? Title { get; init; }

    /// <summary>Organization (at most 255 characters).</summary>
    /// <example>Sở Kế hoạch và Đầu tư tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = SteeringRules.NameMaxLength)]
    public string? Organization { get; init; }

    /// <summary>Role (required).</summary>
    /// <example>standingMember</example>
    [FieldRules(Required = true)]
    public CommitteeRole? Role { get; init; }

    /// <summary>First day of the term, yyyy-MM-dd (required).</summary>
    /// <example>2020-01-01</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? From { get; init; }

    /// <summary>Last day, when known (on or after <c>from</c>).</summary>
    /// <example>2025-02-28</example>
    public DateOnly? To { get; init; }
}

/// <summary>Validates a new term.</summary>
public sealed class AddCommitteeMemberCommandValidator : AbstractValidator<AddCommitteeMemberCommand>
{
    /// <summary>Creates the rules.</summary>
    public AddCommitteeMemberCommandValidator()
    {
        RuleFor(x => x.FullName).Satisfies((_, v) => SteeringRules.CheckRequiredText("fullName", v, SteeringRules.NameMaxLength));
        RuleFor(x => x.Title).Satisfies((_, v) => FreeText.Check("title", v, SteeringRules.NameMaxLength));
        RuleFor(x => x.Organization).Satisfies((_, v) => FreeText.Check("organization", v, SteeringRules.NameMaxLength));
        RuleFor(x => x.Role).Satisfies((_, v) => v is null ? SteeringRules.Errors.Required("role") : null);
        RuleFor(x => x.From).Satisfies((x, v) => SteeringRules.CheckTerm(v, x.To));
    }
}

/// <summary>Handles <see cref="AddCommitteeMemberCommand"/>.</summary>
public sealed class AddCommitteeMemberCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<AddCommitteeMemberCommand, CommitteeMemberResult>
{
    /// <inheritdoc />
    public async Task<CommitteeMemberResult> Handle(AddCommitteeMemberCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var committee = await SteeringLoader.LoadCommitteeAsync(db, user, request.CommitteeId, null, cancellationToken);
        var member = committee.AddMember(request.FullName!, request.Title, request.Organization, request.Role!.Value,
            request.From!.Value, request.To, calendar.Now);
        await db.SaveChangesAsync(cancellationToken);
        return new CommitteeMemberResult(member.ToDto(), committee.Version);
    }
}
