using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Partnerships;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Partnerships.Commands.RecordPartnershipReview;

/// <summary>A value a review reports for one commitment.</summary>
[PublicName("ReviewResultInput")]
public sealed record ReviewResultInput
{
    /// <summary>The commitment (required; one of the agreement's, not measured from the register).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5c</example>
    [FieldRules(Required = true)]
    public Guid? CommitmentId { get; init; }

    /// <summary>Value achieved in the year reviewed (required, at least 0).</summary>
    /// <example>1</example>
    [FieldRules(Required = true, Minimum = 0, Maximum = 1_000_000_000)]
    public decimal? Achieved { get; init; }

    /// <summary>Remarks.</summary>
    /// <example>Tổ chức 01 lớp tập huấn sáng lập viên HTX cho 45 đoàn viên thanh niên</example>
    [FieldRules(MaxLength = PartnershipRules.LongTextMaxLength)]
    public string? Notes { get; init; }
}

/// <summary>
/// Records an annual review (sơ kết: one per year of the period) or the final review (tổng kết:
/// the end year, held in or after it; it completes the programme). Only an active programme is
/// reviewed. No <c>If-Match</c>: nothing the client read is overwritten; of two reviews of one year
/// only the first is recorded (409 <c>partnershipReview.yearAlreadyReviewed</c>).
/// </summary>
[PublicName("PartnershipReviewRecording")]
public sealed record RecordPartnershipReviewCommand : ICommand<ReviewRecordResult>
{
    /// <summary>The agreement (from the route).</summary>
    [JsonIgnore]
    public Guid AgreementId { get; init; }

    /// <summary>Annual or final (required).</summary>
    /// <example>annual</example>
    [FieldRules(Required = true)]
    public ReviewKind? Kind { get; init; }

    /// <summary>Year reviewed (required; in the period; the end year for the final review).</summary>
    /// <example>2024</example>
    [FieldRules(Required = true, Minimum = PartnershipRules.EarliestYear, Maximum = PartnershipRules.LatestYear)]
    public int? Year { get; init; }

    /// <summary>Date held, yyyy-MM-dd (required; not in the future, not before the year reviewed).</summary>
    /// <example>2024-12-20</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? HeldOn { get; init; }

    /// <summary>Summary.</summary>
    /// <example>Sơ kết năm 2024: hoàn thành các nội dung phối hợp đã đề ra</example>
    [FieldRules(MaxLength = PartnershipRules.LongTextMaxLength)]
    public string? Summary { get; init; }

    /// <summary>Values achieved in the year, per commitment (each commitment at most once).</summary>
    [FieldRules(MaxItems = 500)]
    public IReadOnlyList<ReviewResultInput?>? Results { get; init; }

    internal List<ReviewResult?> ToResults() =>
        (Results ?? []).Select(r => r is null ? null : new ReviewResult(r.CommitmentId ?? Guid.Empty, r.Achieved ?? -1, r.Notes)).ToList();
}

/// <summary>Validates a review.</summary>
public sealed class RecordPartnershipReviewCommandValidator : AbstractValidator<RecordPartnershipReviewCommand>
{
    /// <summary>Creates the rules.</summary>
    public RecordPartnershipReviewCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Kind).SatisfiesAll((x, _) => PartnershipRules.CheckReview(x.Kind, x.Year, x.HeldOn, x.Summary, x.ToResults(), calendar.Today));
    }
}

/// <summary>Handles <see cref="RecordPartnershipReviewCommand"/>.</summary>
public sealed class RecordPartnershipReviewCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser user)
    : IRequestHandler<RecordPartnershipReviewCommand, ReviewRecordResult>
{
    /// <inheritdoc />
    public async Task<ReviewRecordResult> Handle(RecordPartnershipReviewCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var agreement = await PartnershipLoader.LoadAsync(db, user, request.AgreementId, null, cancellationToken);
        var review = agreement.RecordReview(request.Kind!.Value, request.Year!.Value, request.HeldOn!.Value, request.Summary,
            request.ToResults().Select(r => r!).ToList(), calendar.Today, calendar.Now);
        await PartnershipLoader.SaveAsync(db, null, cancellationToken);
        return new ReviewRecordResult(review.ToDto(), agreement.Version);
    }
}
