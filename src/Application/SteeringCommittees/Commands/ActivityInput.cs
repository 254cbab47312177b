using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Common;
using CoopApi.Domain.SteeringCommittees;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.SteeringCommittees.Commands;

/// <summary>A document of an activity as a client sends it.</summary>
[PublicName("ActivityDocumentInput")]
public sealed record ActivityDocumentInput
{
    /// <summary>Number and symbol (required, at most 100 characters).</summary>
    /// <example>538/UBND-KTTH</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.NumberMaxLength)]
    public string? Number { get; init; }

    /// <summary>Date, yyyy-MM-dd (required, not in the future).</summary>
    /// <example>2019-06-11</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? Date { get; init; }

    /// <summary>Issuer (at most 255 characters).</summary>
    /// <example>Ủy ban nhân dân tỉnh Lạng Sơn</example>
    [FieldRules(MaxLength = SteeringRules.NameMaxLength)]
    public string? Issuer { get; init; }

    /// <summary>Title or subject (at most 500 characters).</summary>
    /// <example>Tiếp tục nâng cao hiệu quả hoạt động kinh tế tập thể</example>
    [FieldRules(MaxLength = SteeringRules.TextMaxLength)]
    public string? Title { get; init; }
}

/// <summary>The fields of an activity, sent to record or fully update one.</summary>
public abstract record ActivityInput
{
    /// <summary>Kind (required).</summary>
    /// <example>training</example>
    [FieldRules(Required = true)]
    public ActivityKind? Kind { get; init; }

    /// <summary>Title (required, at most 500 characters).</summary>
    /// <example>Hội nghị tập huấn nâng cao năng lực, nhận thức về kinh tế tập thể, hợp tác xã trong tình hình mới</example>
    [FieldRules(Required = true, MaxLength = SteeringRules.TextMaxLength)]
    public string? Title { get; init; }

    /// <summary>Date, or first day, yyyy-MM-dd (required; not in the future; while the committee exists).</summary>
    /// <example>2022-11-24</example>
    [FieldRules(Required = true, EarliestDate = "1945-01-01")]
    public DateOnly? StartDate { get; init; }

    /// <summary>Last day of a multi-day activity (on or after <c>startDate</c>).</summary>
    /// <example>2022-11-25</example>
    public DateOnly? EndDate { get; init; }

    /// <summary>Where (at most 500 characters).</summary>
    /// <example>Thành phố Lạng Sơn và huyện Hữu Lũng</example>
    [FieldRules(MaxLength = SteeringRules.TextMaxLength)]
    public string? Location { get; init; }

    /// <summary>How many took part (0 to 1,000,000).</summary>
    /// <example>145</example>
    [FieldRules(Minimum = 0, Maximum = SteeringRules.MaxAttendees)]
    public int? AttendeeCount { get; init; }

    /// <summary>Topics, in order (at most 50, each at most 500 characters).</summary>
    /// <example>["Kinh nghiệm quốc tế về phát triển kinh tế tập thể, hợp tác xã"]</example>
    [FieldRules(MaxItems = SteeringRules.MaxItems, ItemMaxLength = SteeringRules.TextMaxLength)]
    public IReadOnlyList<string>? Topics { get; init; }

    /// <summary>Organizations of the register visited (at most 50; each must exist, else 400 naming the unknown ones).</summary>
    [FieldRules(MaxItems = SteeringRules.MaxItems)]
    public IReadOnlyList<Guid>? VisitedOrganizationIds { get; init; }

    /// <summary>Bodies that took part (at most 50, each at most 255 characters).</summary>
    /// <example>["Hội Nông dân tỉnh", "Hội Liên hiệp Phụ nữ tỉnh", "Tỉnh đoàn"]</example>
    [FieldRules(MaxItems = SteeringRules.MaxItems, ItemMaxLength = SteeringRules.NameMaxLength)]
    public IReadOnlyList<string>? ParticipatingBodies { get; init; }

    /// <summary>Documents issued or used (at most 50).</summary>
    [FieldRules(MaxItems = SteeringRules.MaxItems)]
    public IReadOnlyList<ActivityDocumentInput>? Documents { get; init; }

    /// <summary>What came of it (at most 4000 characters).</summary>
    [FieldRules(MaxLength = SteeringRules.LongTextMaxLength)]
    public string? Outcome { get; init; }

    /// <summary>The fields for the domain (call after validation).</summary>
    internal ActivityFields ToFields() => new(Kind!.Value, Title!, StartDate!.Value, EndDate, Location, AttendeeCount,
        Topics ?? [], VisitedOrganizationIds ?? [], ParticipatingBodies ?? [],
        (Documents ?? []).Select(d => new ActivityDocumentFields(d.Number ?? "", d.Date ?? default, d.Issuer, d.Title)).ToList(), Outcome);

    /// <summary>Throws 400 naming the visited organizations that are not in the register.</summary>
    internal async Task EnsureOrganizationsExistAsync(IApplicationDbContext db, CancellationToken ct)
    {
        var ids = (VisitedOrganizationIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Cooperatives.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        var unknown = ids.Except(found).ToList();
        if (unknown.Count > 0)
        {
            throw SteeringRules.Errors.UnknownOrganizations(unknown).AsValidation();
        }
    }
}

/// <summary>Field rules of an activity, the domain's (<see cref="SteeringActivity.Check"/>), reported per field.</summary>
public abstract class ActivityInputValidator<T> : AbstractValidator<T> where T : ActivityInput
{
    /// <summary>Creates the rules.</summary>
    protected ActivityInputValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Kind).Satisfies((_, v) => v is null ? SteeringRules.Errors.Required("kind") : null);
        RuleFor(x => x.Title).Satisfies((_, v) => SteeringRules.CheckRequiredText("title", v, SteeringRules.TextMaxLength));
        RuleFor(x => x.StartDate).Satisfies((_, v) => SteeringRules.CheckPastDate("startDate", v, calendar.Today));
        RuleFor(x => x.EndDate).Satisfies((x, v) => v is { } end && x.StartDate is { } start && end < start
            ? SteeringRules.Errors.EndBeforeStart("endDate", "startDate") : null);
        RuleFor(x => x.Location).Satisfies((_, v) => FreeText.Check("location", v, SteeringRules.TextMaxLength));
        RuleFor(x => x.Documents).Satisfies((_, v) => v is not null && v.Any(d => d is null) ? SteeringRules.Errors.BlankItem("documents") : null);
        // The rest of the domain's checks, once the required fields are there.
        RuleFor(x => x).Satisfies((x, _) => SteeringActivity.Check(x.ToFields(), calendar.Today))
            .When(x => x.Kind is not null && !string.IsNullOrWhiteSpace(x.Title) && x.StartDate is not null
                && (x.Documents is null || x.Documents.All(d => d is not null)));
    }
}
