using CoopApi.Domain.Partnerships;

namespace CoopApi.Application.Partnerships.Queries;

/// <summary>Builds the progress of an agreement from its reviews and the register's counts (the rules are the domain's, <see cref="PartnershipProgress"/>).</summary>
public static class PartnershipProgressCalculator
{
    /// <summary>The progress of <paramref name="agreement"/> in <paramref name="currentYear"/>.</summary>
    public static PartnershipProgressDto Compute(PartnershipAgreementDto agreement,
        IReadOnlyDictionary<(RegisterMeasure Measure, int Year), int> registerCounts, int currentYear)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        ArgumentNullException.ThrowIfNull(registerCounts);
        var closedYear = agreement.ClosedOn?.Year;
        var context = new ProgressContext(agreement.PeriodStartYear, agreement.PeriodEndYear, currentYear,
            agreement.Reviews.Select(r => r.Year).ToHashSet(),
            agreement.Status is AgreementStatus.Completed or AgreementStatus.Terminated ? closedYear : null,
            agreement.Status == AgreementStatus.Terminated);
        var commitments = new List<CommitmentProgressDto>();
        foreach (var c in agreement.Commitments)
        {
            var achieved = new Dictionary<int, decimal>();
            if (c.RegisterMeasure is { } measure)
            {
                for (var year = agreement.PeriodStartYear; year <= Math.Min(agreement.PeriodEndYear, currentYear); year++)
                {
                    achieved[year] = registerCounts.GetValueOrDefault((measure, year));
                }
            }
            else
            {
                foreach (var review in agreement.Reviews)
                {
                    if (review.Results.FirstOrDefault(r => r.CommitmentId == c.Id) is { } result)
                    {
                        achieved[review.Year] = result.Achieved;
                    }
                }
            }

            var (years, overall) = PartnershipProgress.Evaluate(c.TargetKind, c.Target, achieved, context);
            commitments.Add(new CommitmentProgressDto
            {
                CommitmentId = c.Id,
                Description = c.Description,
                Target = c.Target,
                TargetKind = c.TargetKind,
                RegisterMeasure = c.RegisterMeasure,
                TotalAchieved = years.Sum(y => y.Achieved ?? 0),
                State = overall,
                Years = years.Select(y => new YearProgressDto
                {
                    Year = y.Year, Achieved = y.Achieved, CumulativeAchieved = y.Cumulative, Expected = y.Expected, State = y.State,
                }).ToList(),
            });
        }

        return new PartnershipProgressDto
        {
            AgreementId = agreement.Id,
            Status = agreement.Status,
            CurrentYear = currentYear,
            ShareAchievedOrOnTrack = PartnershipProgress.Share(commitments.Select(c => c.State)),
            Commitments = commitments,
        };
    }
}
