using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Common;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Classifications.Commands.RecordClassification;

/// <summary>
/// Records the assessment of an organization for a year. The server checks the scores against the
/// scheme, computes the total and the rating (or notRated with its reason). The first assessment of
/// a year creates the classification; posting again for the same year is a correction: a new
/// revision becomes current and the earlier ones are kept. A correction must name the current
/// version (If-Match).
/// </summary>
[PublicName("ClassificationRequest")]
public sealed record RecordClassificationCommand : ICommand<RecordedClassification>
{
    /// <summary>The organization (from the route).</summary>
    [JsonIgnore]
    public Guid CooperativeId { get; init; }

    /// <summary>The version of the year's classification the client read (If-Match); null when it records the first one.</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The year assessed, from 2000 to the current year.</summary>
    /// <example>2024</example>
    [FieldRules(Required = true, Minimum = ClassificationRules.EarliestYear)]
    public int? Year { get; init; }

    /// <summary>Code of the scheme version used; it must be in force in the year.</summary>
    /// <example>circular-01-2020</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.SchemeCodeMaxLength)]
    public string? SchemeCode { get; init; }

    /// <summary>
    /// Points per criterion: every criterion of the scheme exactly once, 0 to its maximum, at most
    /// two decimals. May be empty only when the organization is not rated that year.
    /// </summary>
    [FieldRules(Required = true, MaxItems = ClassificationRules.MaxCriteria)]
    public IReadOnlyList<ScoreRequest?>? Scores { get; init; }

    /// <summary>Date of the assessment (yyyy-MM-dd): in or after the assessed year, not in the future.</summary>
    /// <example>2024-12-10</example>
    [FieldRules(Required = true)]
    public DateOnly? AssessedOn { get; init; }

    /// <summary>Who approved the assessment (at most 200 characters).</summary>
    /// <example>Chủ tịch UBND xã Cai Kinh</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.ApprovedByMaxLength)]
    public string? ApprovedBy { get; init; }

    /// <summary>Notes (at most 2000 characters).</summary>
    /// <example>Tự đánh giá ngày 05/12, Hội đồng xã thẩm định ngày 10/12.</example>
    [FieldRules(MaxLength = ClassificationRules.NotesMaxLength)]
    public string? Notes { get; init; }
}

/// <summary>Points given to one criterion.</summary>
[PublicName("ScoreRequest")]
public sealed record ScoreRequest
{
    /// <summary>Code of the criterion (see the scheme).</summary>
    /// <example>capital</example>
    [FieldRules(Required = true, MaxLength = 64)]
    public string? Criterion { get; init; }

    /// <summary>Points, 0 to the criterion's maximum, at most two decimals.</summary>
    /// <example>6.5</example>
    [FieldRules(Required = true, Minimum = 0)]
    public decimal? Points { get; init; }
}

/// <summary>The classification after the command, and whether the command created it.</summary>
/// <param name="Classification">The classification as stored now.</param>
/// <param name="Created">True for the first assessment of the year, false for a correction.</param>
public sealed record RecordedClassification(ClassificationDto Classification, bool Created);

/// <summary>Validates what can be checked without the database.</summary>
public sealed class RecordClassificationCommandValidator : AbstractValidator<RecordClassificationCommand>
{
    /// <summary>Creates the rules.</summary>
    public RecordClassificationCommandValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Year).Satisfies((_, y) => y is null ? ClassificationRules.Errors.Required("year")
            : y < ClassificationRules.EarliestYear || y > calendar.Today.Year ? ClassificationRules.Errors.YearRange(calendar.Today.Year) : null);
        RuleFor(x => x.SchemeCode).Satisfies((_, c) => string.IsNullOrEmpty(c) ? ClassificationRules.Errors.Required("schemeCode")
            : FreeText.HasNul(c) ? FreeText.Errors.ContainsNul("schemeCode")
            : c.Length > ClassificationRules.SchemeCodeMaxLength ? FreeText.Errors.TooLongAsSent("schemeCode", ClassificationRules.SchemeCodeMaxLength) : null);
        RuleFor(x => x.Scores).Satisfies((_, s) => s is null ? ClassificationRules.Errors.Required("scores")
            : s.Count > ClassificationRules.MaxCriteria ? ClassificationRules.Errors.TooMany("scores", ClassificationRules.MaxCriteria)
            : s.Select((item, i) => item is null ? ClassificationRules.Errors.Required($"scores[{i}]")
                : item.Criterion is { } code && (FreeText.HasNul(code) || code.Length > 64) ? ClassificationRules.Errors.CriterionCodeFormat($"scores[{i}].criterion")
                : null).FirstOrDefault(e => e is not null));
        RuleFor(x => x.AssessedOn).Satisfies((c, d) => d is null ? ClassificationRules.Errors.Required("assessedOn")
            : d > calendar.Today || (c.Year is { } y && d < new DateOnly(Math.Clamp(y, 1, 9999), 1, 1)) ? ClassificationRules.Errors.AssessedOnRange : null);
        RuleFor(x => x.ApprovedBy).Satisfies((_, a) => FreeText.CheckRequired("approvedBy", a, ClassificationRules.ApprovedByMaxLength,
            ClassificationRules.Errors.Required("approvedBy")));
        RuleFor(x => x.Notes).Satisfies((_, n) => FreeText.Check("notes", n, ClassificationRules.NotesMaxLength));
    }
}

/// <summary>Handles <see cref="RecordClassificationCommand"/>.</summary>
public sealed class RecordClassificationCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<RecordClassificationCommand, RecordedClassification>
{
    /// <inheritdoc />
    public async Task<RecordedClassification> Handle(RecordClassificationCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var year = request.Year!.Value;

        // Every read before the first write (the change feed's ordering relies on it).
        var cooperative = await db.Cooperatives.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CooperativeId, cancellationToken)
            ?? throw new NotFoundException("Cooperative", "tổ chức", request.CooperativeId);
        currentUser.EnsureCanWriteIn(cooperative.ProvinceCode);

        var existing = await db.Set<Classification>()
            .FirstOrDefaultAsync(c => c.CooperativeId == request.CooperativeId && c.Year == year, cancellationToken);
        if (existing is null && request.ExpectedVersion is not null)
        {
            // The client names a version of a classification that does not exist (any more).
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        if (existing is not null)
        {
            if (request.ExpectedVersion is null)
            {
                throw ClassificationRules.Errors.CorrectionNeedsIfMatch.AsViolation();
            }

            if (request.ExpectedVersion != existing.Version)
            {
                throw new ConcurrencyConflictException(clientPrecondition: true);
            }

            currentUser.EnsureCanWriteIn(existing.ProvinceCode, cooperative.ProvinceCode);
        }

        var scheme = await db.Set<ClassificationScheme>().AsNoTracking().FirstOrDefaultAsync(s => s.Code == request.SchemeCode, cancellationToken)
            ?? throw ClassificationRules.Errors.UnknownScheme(request.SchemeCode!).AsValidation();
        var history = await db.StatusChanges.AsNoTracking()
            .Where(s => s.CooperativeId == cooperative.Id)
            .OrderBy(s => s.Sequence)
            .Select(s => new StatusPeriod(s.EffectiveOn, s.ToStatus))
            .ToListAsync(cancellationToken);

        Assessment assessment;
        try
        {
            assessment = Assessment.Assess(scheme, new OrganizationFacts(cooperative.Kind, cooperative.Sector, cooperative.EstablishedOn, history),
                year, request.Scores!.Select(s => (s!.Criterion, s.Points)).ToList(), request.AssessedOn!.Value, request.ApprovedBy!, request.Notes);
        }
        catch (ScoreSheetException sheet)
        {
            throw new ValidationException(sheet.Errors.Select(e => e.ToFailure(e.Field)));
        }

        var organization = new OrganizationSnapshot(cooperative.ProvinceCode, cooperative.CommuneCode, cooperative.Kind, cooperative.Sector);
        var classification = existing;
        if (classification is null)
        {
            classification = Classification.Record(cooperative.Id, organization, assessment, calendar.Now);
            db.Set<Classification>().Add(classification);
        }
        else
        {
            classification.Correct(organization, assessment, calendar.Now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException) when (request.ExpectedVersion is not null)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }

        return new RecordedClassification(classification.ToDto(), existing is null);
    }
}
