using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.SteeringCommittees.Queries.GetSteeringActivityStatistics;

/// <summary>Activities of steering committees in one year: counts per kind, total attendees, organizations visited.</summary>
public sealed class GetSteeringActivityStatisticsQuery : IQuery<SteeringActivityStatisticsDto>
{
    /// <summary>The year (by the activity's first day), required.</summary>
    /// <example>2022</example>
    [FieldRules(Required = true, Minimum = 1945, Maximum = 2100)]
    public int? Year { get; set; }

    /// <summary>As in the activity list: a province code covers every committee of the province.</summary>
    [FieldRules(Pattern = SteeringQueryRules.AreaCodePattern)]
    public string? AreaCode { get; set; }
}

/// <summary>Validates the statistics parameters.</summary>
public sealed class GetSteeringActivityStatisticsQueryValidator : AbstractValidator<GetSteeringActivityStatisticsQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetSteeringActivityStatisticsQueryValidator()
    {
        RuleFor(x => x.Year).NotNull().InclusiveBetween(1945, 2100)
            .WithMessage(_ => Text.Pick("year is required, between 1945 and 2100.", "year là bắt buộc, trong khoảng 1945 đến 2100."));
        SteeringQueryRules.Area(this, x => x.AreaCode);
    }
}

/// <summary>Handles <see cref="GetSteeringActivityStatisticsQuery"/> with one SQL aggregate.</summary>
public sealed class GetSteeringActivityStatisticsQueryHandler(ISteeringReadModel reads)
    : IRequestHandler<GetSteeringActivityStatisticsQuery, SteeringActivityStatisticsDto>
{
    /// <inheritdoc />
    public Task<SteeringActivityStatisticsDto> Handle(GetSteeringActivityStatisticsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.StatisticsAsync(request, cancellationToken);
    }
}
