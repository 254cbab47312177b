using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.ListSteeringActivities;

/// <summary>A filtered page of activities (of one committee, or across committees), newest first.</summary>
public sealed class ListSteeringActivitiesQuery : IQuery<PagedList<SteeringActivityDto>>
{
    private Guid? _committeeId;

    /// <summary>Only this committee's (from the route; null across committees). Not a query parameter.</summary>
    public Guid? CommitteeId => _committeeId;

    /// <summary>Limits the list to one committee's activities.</summary>
    public ListSteeringActivitiesQuery ForCommittee(Guid committeeId)
    {
        _committeeId = committeeId;
        return this;
    }

    /// <summary>Only these kinds (any of them).</summary>
    public IReadOnlyList<ActivityKind> Kind { get; set; } = new List<ActivityKind>();

    /// <summary>Only activities on or after this date (by their first day).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Only activities on or before this date (by their first day).</summary>
    public DateOnly? To { get; set; }

    /// <summary>
    /// Only committees of this area: a province code (2 digits) means every committee that belongs
    /// to the province (provincial, district and commune); a district (3) or commune (5) code
    /// means the committees of exactly that area.
    /// </summary>
    [FieldRules(Pattern = SteeringQueryRules.AreaCodePattern)]
    public string? AreaCode { get; set; }

    /// <summary>Page number, from 1.</summary>
    [FieldRules(Minimum = 1, Maximum = SteeringQueryRules.MaxPage)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    [FieldRules(Minimum = 1, Maximum = SteeringQueryRules.MaxPageSize)]
    public int PageSize { get; set; } = 20;
}

/// <summary>Validates the list parameters.</summary>
public sealed class ListSteeringActivitiesQueryValidator : AbstractValidator<ListSteeringActivitiesQuery>
{
    /// <summary>Creates the rules.</summary>
    public ListSteeringActivitiesQueryValidator()
    {
        SteeringQueryRules.Paging(this, x => x.Page, x => x.PageSize);
        SteeringQueryRules.Area(this, x => x.AreaCode);
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.Pick("to must be on or after from.", "to phải bằng hoặc sau from."));
    }
}

/// <summary>Handles <see cref="ListSteeringActivitiesQuery"/> on the read side (404 for an unknown committee).</summary>
public sealed class ListSteeringActivitiesQueryHandler(ISteeringReadModel reads)
    : IRequestHandler<ListSteeringActivitiesQuery, PagedList<SteeringActivityDto>>
{
    /// <inheritdoc />
    public async Task<PagedList<SteeringActivityDto>> Handle(ListSteeringActivitiesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CommitteeId is { } id && await reads.FindCommitteeAsync(id, cancellationToken) is null)
        {
            throw new NotFoundException("Steering committee", "ban chỉ đạo", id);
        }

        return await reads.ListActivitiesAsync(request, cancellationToken);
    }
}
