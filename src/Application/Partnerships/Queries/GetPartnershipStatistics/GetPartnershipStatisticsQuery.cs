using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Domain.Partnerships;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Partnerships.Queries.GetPartnershipStatistics;

/// <summary>Partnership programmes counted: agreements per status, commitments per state, parties per kind.</summary>
public sealed class GetPartnershipStatisticsQuery : IQuery<PartnershipStatisticsDto>
{
    /// <summary>Only programmes of this province.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only programmes whose period covers this year; commitments are counted by their state in that year.</summary>
    [FieldRules(Minimum = PartnershipRules.EarliestYear, Maximum = PartnershipRules.LatestYear)]
    public int? Year { get; set; }
}

/// <summary>
/// Handles <see cref="GetPartnershipStatisticsQuery"/>: agreements and parties counted in SQL; the
/// commitments' states computed by the progress rules (they are never stored).
/// </summary>
public sealed class GetPartnershipStatisticsQueryHandler(IPartnershipReadModel reads, IVietnamCalendar calendar)
    : IRequestHandler<GetPartnershipStatisticsQuery, PartnershipStatisticsDto>
{
    /// <inheritdoc />
    public async Task<PartnershipStatisticsDto> Handle(GetPartnershipStatisticsQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var counts = await reads.CountAsync(request.ProvinceCode, request.Year, cancellationToken);
        var agreements = await reads.AgreementsAsync(request.ProvinceCode, request.Year, cancellationToken);
        var states = new Dictionary<ProgressState, int>();
        var currentYear = calendar.Today.Year;
        var registerCache = new Dictionary<string, IReadOnlyDictionary<(RegisterMeasure, int), int>>();
        foreach (var agreement in agreements)
        {
            IReadOnlyDictionary<(RegisterMeasure, int), int> register = new Dictionary<(RegisterMeasure, int), int>();
            if (agreement.Commitments.Any(c => c.RegisterMeasure is not null))
            {
                var key = $"{agreement.ProvinceCode}:{agreement.PeriodStartYear}:{agreement.PeriodEndYear}";
                if (!registerCache.TryGetValue(key, out var cached))
                {
                    cached = await reads.RegisterCountsAsync(agreement.ProvinceCode, agreement.PeriodStartYear, agreement.PeriodEndYear,
                        cancellationToken);
                    registerCache[key] = cached;
                }

                register = cached;
            }

            foreach (var c in PartnershipProgressCalculator.Compute(agreement, register, currentYear).Commitments)
            {
                var state = request.Year is { } year ? c.Years.First(y => y.Year == year).State : c.State;
                states[state] = states.GetValueOrDefault(state) + 1;
            }
        }

        return new PartnershipStatisticsDto
        {
            ProvinceCode = request.ProvinceCode,
            Year = request.Year,
            Agreements = counts.ByStatus.Values.Sum(),
            Draft = counts.ByStatus.GetValueOrDefault(AgreementStatus.Draft),
            Active = counts.ByStatus.GetValueOrDefault(AgreementStatus.Active),
            Completed = counts.ByStatus.GetValueOrDefault(AgreementStatus.Completed),
            Terminated = counts.ByStatus.GetValueOrDefault(AgreementStatus.Terminated),
            Commitments = states.Values.Sum(),
            CommitmentsAchieved = states.GetValueOrDefault(ProgressState.Achieved),
            CommitmentsOnTrack = states.GetValueOrDefault(ProgressState.OnTrack),
            CommitmentsBehind = states.GetValueOrDefault(ProgressState.Behind),
            CommitmentsMissed = states.GetValueOrDefault(ProgressState.Missed),
            CommitmentsNotDue = states.GetValueOrDefault(ProgressState.NotDue),
            PartiesCooperativeAlliance = counts.PartiesByKind.GetValueOrDefault(PartyKind.CooperativeAlliance),
            PartiesYouthUnion = counts.PartiesByKind.GetValueOrDefault(PartyKind.YouthUnion),
            PartiesScienceTechnologyUnion = counts.PartiesByKind.GetValueOrDefault(PartyKind.ScienceTechnologyUnion),
            PartiesFarmersAssociation = counts.PartiesByKind.GetValueOrDefault(PartyKind.FarmersAssociation),
            PartiesWomensUnion = counts.PartiesByKind.GetValueOrDefault(PartyKind.WomensUnion),
            PartiesGovernmentAgency = counts.PartiesByKind.GetValueOrDefault(PartyKind.GovernmentAgency),
            PartiesEnterprise = counts.PartiesByKind.GetValueOrDefault(PartyKind.Enterprise),
            PartiesOther = counts.PartiesByKind.GetValueOrDefault(PartyKind.Other),
        };
    }
}

/// <summary>Validates the statistics parameters.</summary>
public sealed class GetPartnershipStatisticsQueryValidator : AbstractValidator<GetPartnershipStatisticsQuery>
{
    /// <summary>Creates the rules.</summary>
    public GetPartnershipStatisticsQueryValidator() =>
        RuleFor(x => x.ProvinceCode).Matches("^[0-9]{2}$").When(x => x.ProvinceCode is not null)
            .WithMessage(_ => Text.Pick("provinceCode must be 2 digits.", "provinceCode phải gồm 2 chữ số."));
}
