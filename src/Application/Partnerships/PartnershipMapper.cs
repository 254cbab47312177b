using CoopApi.Domain.Partnerships;

namespace CoopApi.Application.Partnerships;

/// <summary>
/// Aggregate → DTO, the one mapping of the feature: the command responses and the change feed show
/// what it produces (the read side builds the same DTOs from SQL).
/// </summary>
public static class PartnershipMapper
{
    /// <summary>The agreement as the API shows it.</summary>
    public static PartnershipAgreementDto ToDto(this PartnershipAgreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        return new PartnershipAgreementDto
        {
            Id = agreement.Id,
            Title = agreement.Title,
            Reference = agreement.Reference,
            Parties = agreement.Parties.Select(p => new PartyDto { Name = p.Name, Kind = p.Kind }).ToList(),
            Signatories = agreement.Signatories.Select(s => new SignatoryDto { FullName = s.FullName, Title = s.Title, Party = s.Party }).ToList(),
            SignedOn = agreement.SignedOn,
            PeriodStartYear = agreement.PeriodStartYear,
            PeriodEndYear = agreement.PeriodEndYear,
            ProvinceCode = agreement.ProvinceCode,
            PolicyReferences = agreement.PolicyReferences
                .Select(p => new PolicyReferenceDto { Number = p.Number, IssuedOn = p.IssuedOn, Title = p.Title }).ToList(),
            ContentAreas = agreement.ContentAreas.ToList(),
            Status = agreement.Status,
            EffectiveFrom = agreement.EffectiveFrom,
            ClosedOn = agreement.ClosedOn,
            ClosingReason = agreement.ClosingReason,
            Amendments = agreement.Amendments.Select(a => new AmendmentDto
            {
                AmendedOn = a.AmendedOn,
                Reference = a.Reference,
                Reason = a.Reason,
                Changes = a.Changes.Select(c => new AmendedFieldDto { Field = c.Field, Before = c.Before, After = c.After }).ToList(),
                RecordedAt = a.RecordedAt,
            }).ToList(),
            Commitments = agreement.Commitments.OrderBy(c => c.Sequence).Select(ToDto).ToList(),
            Reviews = agreement.Reviews.OrderBy(r => r.Year).Select(ToDto).ToList(),
            CreatedAt = agreement.CreatedAt,
            UpdatedAt = agreement.UpdatedAt,
            Version = agreement.Version,
        };
    }

    /// <summary>A commitment as the API shows it.</summary>
    public static PartnershipCommitmentDto ToDto(this Commitment commitment)
    {
        ArgumentNullException.ThrowIfNull(commitment);
        return new PartnershipCommitmentDto
        {
            Id = commitment.Id,
            Description = commitment.Description,
            ContentArea = commitment.ContentArea,
            Indicator = commitment.Indicator,
            Unit = commitment.Unit,
            Target = commitment.Target,
            TargetKind = commitment.TargetKind,
            ResponsibleParty = commitment.ResponsibleParty,
            RegisterMeasure = commitment.RegisterMeasure,
        };
    }

    /// <summary>A review as the API shows it.</summary>
    public static PartnershipReviewDto ToDto(this Review review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return new PartnershipReviewDto
        {
            Id = review.Id,
            Kind = review.Kind,
            Year = review.Year,
            HeldOn = review.HeldOn,
            Summary = review.Summary,
            Results = review.Results.Select(r => new ReviewResultDto { CommitmentId = r.CommitmentId, Achieved = r.Achieved, Notes = r.Notes }).ToList(),
        };
    }
}

/// <summary>An agreement as <c>GET /api/v1/partnership-agreements/{id}</c> returns it (the change feed stores the same).</summary>
public sealed class PartnershipAgreementRepresentation : Common.Interfaces.ResourceRepresentation<PartnershipAgreement, PartnershipAgreementDto>
{
    /// <summary>Route of agreements.</summary>
    public const string Route = "api/v1/partnership-agreements";

    /// <inheritdoc />
    public override string EntityType => PartnershipAgreement.Type;

    /// <inheritdoc />
    public override string PathOf(Guid id) => $"/{Route}/{id}";

    /// <inheritdoc />
    protected override PartnershipAgreementDto Represent(PartnershipAgreement aggregate) => aggregate.ToDto();
}
