using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.ListSteeringCommittees;

/// <summary>A filtered page of committees, sorted by name (Vietnamese order), ties by id.</summary>
public sealed class ListSteeringCommitteesQuery : IQuery<PagedList<SteeringCommitteeDto>>
{
    /// <summary>Only these levels (any of them).</summary>
    public IReadOnlyList<CommitteeLevel> Level { get; set; } = new List<CommitteeLevel>();

    /// <summary>Only committees of exactly this area code.</summary>
    [FieldRules(Pattern = SteeringQueryRules.AreaCodePattern)]
    public string? AreaCode { get; set; }

    /// <summary>Only these statuses (any of them).</summary>
    public IReadOnlyList<CommitteeStatus> Status { get; set; } = new List<CommitteeStatus>();

    /// <summary>Words to find in the name, ignoring case and diacritics.</summary>
    [FieldRules(MaxLength = 200)]
    public string? Q { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FieldRules(Minimum = 1, Maximum = SteeringQueryRules.MaxPage)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    [FieldRules(Minimum = 1, Maximum = SteeringQueryRules.MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates the list parameters.</summary>
public sealed class ListSteeringCommitteesQueryValidator : AbstractValidator<ListSteeringCommitteesQuery>
{
    /// <summary>Creates the rules.</summary>
    public ListSteeringCommitteesQueryValidator()
    {
        SteeringQueryRules.Paging(this, x => x.Page, x => x.PageSize);
        SteeringQueryRules.Area(this, x => x.AreaCode);
        RuleFor(x => x.Q).MaximumLength(200)
            .WithMessage(_ => Text.Pick("q must be at most 200 characters long.", "q chỉ được dài tối đa 200 ký tự."));
    }
}

/// <summary>Handles <see cref="ListSteeringCommitteesQuery"/> on the read side.</summary>
public sealed class ListSteeringCommitteesQueryHandler(ISteeringReadModel reads)
    : IRequestHandler<ListSteeringCommitteesQuery, PagedList<SteeringCommitteeDto>>
{
    /// <inheritdoc />
    public Task<PagedList<SteeringCommitteeDto>> Handle(ListSteeringCommitteesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.ListCommitteesAsync(request, cancellationToken);
    }
}
