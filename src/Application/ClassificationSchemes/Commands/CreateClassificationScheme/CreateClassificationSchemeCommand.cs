using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Classifications;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.ClassificationSchemes.Commands.CreateClassificationScheme;

/// <summary>
/// Adds a classification scheme version (for instance when a new circular replaces Circular
/// 01/2020/TT-BKHĐT). A version never changes once added; a change of the rules is a new version
/// with a new code.
/// </summary>
[PublicName("ClassificationSchemeRequest")]
public sealed record CreateClassificationSchemeCommand : ICommand<ClassificationSchemeDto>
{
    /// <summary>Unique code: lower-case words and digits joined by hyphens, at most 64, not a UUID.</summary>
    /// <example>circular-01-2020</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.SchemeCodeMaxLength, Pattern = ClassificationRules.SchemeCodePattern)]
    public string? Code { get; init; }

    /// <summary>Title (at most 300 characters).</summary>
    /// <example>Đánh giá, phân loại hợp tác xã / Classification of cooperatives</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? Title { get; init; }

    /// <summary>The regulation it implements (at most 300 characters).</summary>
    /// <example>Circular 01/2020/TT-BKHĐT</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? Regulation { get; init; }

    /// <summary>First day in force (yyyy-MM-dd). An assessment may use the scheme for any year it is in force on at least one day.</summary>
    /// <example>2020-01-01</example>
    [FieldRules(Required = true)]
    public DateOnly? ValidFrom { get; init; }

    /// <summary>Last day in force (yyyy-MM-dd), not before <c>validFrom</c>; absent: open-ended.</summary>
    public DateOnly? ValidTo { get; init; }

    /// <summary>Kinds of organization it rates (at least one).</summary>
    [FieldRules(Required = true)]
    public IReadOnlyList<OrganizationKind>? AppliesToKinds { get; init; }

    /// <summary>Sectors not rated even for a covered kind (e.g. <c>credit</c> for people's credit funds).</summary>
    public IReadOnlyList<Sector>? ExcludedSectors { get; init; }

    /// <summary>Lower bounds of the bands: good &gt; fair &gt; average &gt; 0, good at most the total.</summary>
    [FieldRules(Required = true)]
    public RatingBandsDto? Bands { get; init; }

    /// <summary>The criteria tree: 1 to 20 groups, 1 to 100 criteria in all; codes unique in the scheme; maxima above 0.</summary>
    [FieldRules(Required = true)]
    public IReadOnlyList<SchemeGroupRequest?>? Groups { get; init; }

    /// <summary>The groups as the domain takes them (null members kept as null, so that errors name their position).</summary>
    internal IReadOnlyList<CriteriaGroup?>? DomainGroups => Groups?.Select(g => g is null
        ? null
        : new CriteriaGroup(g.Code!, g.NameEn!, g.NameVi!,
            g.Criteria?.Select(c => c is null ? null! : new Criterion(c.Code!, c.NameEn!, c.NameVi!, c.MaxPoints ?? 0)).ToList()!)).ToList();
}

/// <summary>A group of criteria in a new scheme.</summary>
public sealed record SchemeGroupRequest
{
    /// <summary>Code, camelCase, unique in the scheme.</summary>
    /// <example>finance</example>
    [FieldRules(Required = true, Pattern = ClassificationRules.CriterionCodePattern)]
    public string? Code { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Finance</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? NameEn { get; init; }

    /// <summary>Name in Vietnamese.</summary>
    /// <example>Tài chính</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? NameVi { get; init; }

    /// <summary>Its criteria (at least one).</summary>
    [FieldRules(Required = true)]
    public IReadOnlyList<SchemeCriterionRequest?>? Criteria { get; init; }
}

/// <summary>A criterion in a new scheme.</summary>
public sealed record SchemeCriterionRequest
{
    /// <summary>Code, camelCase, unique in the scheme.</summary>
    /// <example>capital</example>
    [FieldRules(Required = true, Pattern = ClassificationRules.CriterionCodePattern)]
    public string? Code { get; init; }

    /// <summary>Name in English.</summary>
    /// <example>Capital</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? NameEn { get; init; }

    /// <summary>Name in Vietnamese.</summary>
    /// <example>Vốn</example>
    [FieldRules(Required = true, MaxLength = ClassificationRules.TitleMaxLength)]
    public string? NameVi { get; init; }

    /// <summary>The most points (more than 0, at most 1000, two decimals at most).</summary>
    /// <example>7</example>
    [FieldRules(Required = true)]
    public decimal? MaxPoints { get; init; }
}

/// <summary>Validates a new scheme with the domain's scheme rules, reporting every broken one.</summary>
public sealed class CreateClassificationSchemeCommandValidator : AbstractValidator<CreateClassificationSchemeCommand>
{
    /// <summary>Creates the rules.</summary>
    public CreateClassificationSchemeCommandValidator()
    {
        RuleFor(x => x).Custom((command, context) =>
        {
            var errors = ClassificationRules.CheckScheme(command.Code, command.Title, command.Regulation, command.ValidFrom, command.ValidTo,
                command.AppliesToKinds, command.ExcludedSectors ?? [], Bands(command.Bands), command.DomainGroups);
            foreach (var error in errors)
            {
                context.AddFailure(error.ToFailure(error.Field));
            }

            // A criterion without maxPoints is reported as such (the domain sees 0).
            for (var g = 0; g < (command.Groups?.Count ?? 0); g++)
            {
                var criteria = command.Groups![g]?.Criteria;
                for (var c = 0; c < (criteria?.Count ?? 0); c++)
                {
                    if (criteria![c] is { MaxPoints: null })
                    {
                        context.AddFailure(ClassificationRules.Errors.Required($"groups[{g}].criteria[{c}].maxPoints")
                            .ToFailure($"groups[{g}].criteria[{c}].maxPoints"));
                    }
                }
            }
        });
    }

    internal static RatingBands? Bands(RatingBandsDto? bands) => bands is null ? null : new RatingBands(bands.Good, bands.Fair, bands.Average);
}

/// <summary>Handles <see cref="CreateClassificationSchemeCommand"/>.</summary>
public sealed class CreateClassificationSchemeCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar)
    : IRequestHandler<CreateClassificationSchemeCommand, ClassificationSchemeDto>
{
    /// <inheritdoc />
    public async Task<ClassificationSchemeDto> Handle(CreateClassificationSchemeCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Set<ClassificationScheme>().AnyAsync(s => s.Code == request.Code, cancellationToken))
        {
            throw SchemeCodeTaken();
        }

        var scheme = ClassificationScheme.Define(request.Code!, request.Title!, request.Regulation!, request.ValidFrom!.Value, request.ValidTo,
            request.AppliesToKinds!, request.ExcludedSectors ?? [], CreateClassificationSchemeCommandValidator.Bands(request.Bands)!,
            request.DomainGroups!.Select(g => g!).ToList(), calendar.Now);
        db.Set<ClassificationScheme>().Add(scheme);
        await db.SaveChangesAsync(cancellationToken);
        return scheme.ToDto();
    }

    /// <summary>The code belongs to another scheme version (HTTP 409).</summary>
    public static DuplicateException SchemeCodeTaken() => new("code",
        "A classification scheme with this code already exists: a new version needs a new code.",
        "Đã có bộ tiêu chí phân loại với mã này: phiên bản mới cần một mã mới.");
}
