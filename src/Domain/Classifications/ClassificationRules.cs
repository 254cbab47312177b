using System.Globalization;
using System.Text.RegularExpressions;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.Classifications;

/// <summary>
/// The rules of yearly classification (Circular 01/2020/TT-BKHĐT as the register applies it, see
/// docs/domain.md): the shape of a scheme, the scoring of an assessment, and when an organization
/// is not rated. Validators and the aggregates report the same errors from here.
/// </summary>
public static partial class ClassificationRules
{
    /// <summary>First year an assessment may be recorded for.</summary>
    public const int EarliestYear = 2000;

    /// <summary>Longest scheme code.</summary>
    public const int SchemeCodeMaxLength = 64;

    /// <summary>Pattern of a scheme code: lower-case words and digits joined by hyphens (<c>circular-01-2020</c>).</summary>
    public const string SchemeCodePattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Pattern of a group or criterion code: camelCase letters and digits (<c>indivisibleAssets</c>), at most 64.</summary>
    public const string CriterionCodePattern = "^[a-z][a-zA-Z0-9]{0,63}$";

    /// <summary>Longest title, regulation reference, or group or criterion name.</summary>
    public const int TitleMaxLength = 300;

    /// <summary>Longest name of who approved an assessment.</summary>
    public const int ApprovedByMaxLength = 200;

    /// <summary>Longest notes of an assessment.</summary>
    public const int NotesMaxLength = 2000;

    /// <summary>Most groups of a scheme.</summary>
    public const int MaxGroups = 20;

    /// <summary>Most criteria of a scheme.</summary>
    public const int MaxCriteria = 100;

    /// <summary>Largest maximum of one criterion.</summary>
    public const decimal MaxCriterionPoints = 1000m;

    /// <summary>Months an organization must have existed by the year's end to be rated.</summary>
    public const int MinimumMonthsOfOperation = 12;

    /// <summary>Most days an organization may be suspended in a year and still be rated (3 months of 30 days).</summary>
    public const int MaxSuspendedDays = 90;

    [GeneratedRegex(SchemeCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SchemeCodeRegex();

    [GeneratedRegex(CriterionCodePattern, RegexOptions.CultureInvariant)]
    private static partial Regex CriterionCodeRegex();

    /// <summary>True when <paramref name="value"/> has at most two decimals (points are kept to the hundredth).</summary>
    public static bool HasAtMostTwoDecimals(decimal value) => decimal.Round(value, 2) == value;

    /// <summary>True for a well-formed scheme code.</summary>
    public static bool IsSchemeCode(string? code) => code is not null && code.Length <= SchemeCodeMaxLength && SchemeCodeRegex().IsMatch(code)
        && !Guid.TryParse(code, out _); // a scheme is also addressed by its id

    /// <summary>True for a well-formed group or criterion code.</summary>
    public static bool IsCriterionCode(string? code) => code is not null && CriterionCodeRegex().IsMatch(code);

    /// <summary>Every error of a scheme definition (empty when it is valid).</summary>
    public static IReadOnlyList<DomainError> CheckScheme(string? code, string? title, string? regulation, DateOnly? validFrom, DateOnly? validTo,
        IReadOnlyList<OrganizationKind>? kinds, IReadOnlyList<Sector>? excludedSectors, RatingBands? bands, IReadOnlyList<CriteriaGroup?>? groups)
    {
        var errors = new List<DomainError>();
        if (!IsSchemeCode(code))
        {
            errors.Add(code is null ? Errors.Required("code") : Errors.SchemeCodeFormat);
        }

        Add(errors, FreeText.CheckRequired("title", title, TitleMaxLength, Errors.Required("title")));
        Add(errors, FreeText.CheckRequired("regulation", regulation, TitleMaxLength, Errors.Required("regulation")));
        if (validFrom is null)
        {
            errors.Add(Errors.Required("validFrom"));
        }
        else if (validTo is { } to && to < validFrom.Value)
        {
            errors.Add(Errors.ValidityReversed);
        }

        if (kinds is null || kinds.Count == 0)
        {
            errors.Add(Errors.NoKinds);
        }
        else if (kinds.Distinct().Count() != kinds.Count)
        {
            errors.Add(Errors.Repeated("appliesToKinds"));
        }

        if (excludedSectors is not null && excludedSectors.Distinct().Count() != excludedSectors.Count)
        {
            errors.Add(Errors.Repeated("excludedSectors"));
        }

        decimal total = 0;
        var criteriaCount = 0;
        if (groups is null || groups.Count == 0)
        {
            errors.Add(Errors.NoGroups);
        }
        else if (groups.Count > MaxGroups)
        {
            errors.Add(Errors.TooMany("groups", MaxGroups));
        }
        else
        {
            var groupCodes = new HashSet<string>(StringComparer.Ordinal);
            var criterionCodes = new HashSet<string>(StringComparer.Ordinal);
            for (var g = 0; g < groups.Count; g++)
            {
                var group = groups[g];
                var at = $"groups[{g}]";
                if (group is null)
                {
                    errors.Add(Errors.Required(at));
                    continue;
                }

                CheckNamed(errors, at, group.Code, group.NameEn, group.NameVi);
                if (IsCriterionCode(group.Code) && !groupCodes.Add(group.Code))
                {
                    errors.Add(Errors.DuplicateCode($"{at}.code", group.Code));
                }

                if (group.Criteria is null || group.Criteria.Count == 0)
                {
                    errors.Add(Errors.NoCriteria(at));
                    continue;
                }

                for (var c = 0; c < group.Criteria.Count; c++)
                {
                    var criterion = group.Criteria[c];
                    var cat = $"{at}.criteria[{c}]";
                    criteriaCount++;
                    if (criterion is null)
                    {
                        errors.Add(Errors.Required(cat));
                        continue;
                    }

                    CheckNamed(errors, cat, criterion.Code, criterion.NameEn, criterion.NameVi);
                    if (IsCriterionCode(criterion.Code) && !criterionCodes.Add(criterion.Code))
                    {
                        errors.Add(Errors.DuplicateCode($"{cat}.code", criterion.Code));
                    }

                    if (criterion.MaxPoints <= 0 || criterion.MaxPoints > MaxCriterionPoints || !HasAtMostTwoDecimals(criterion.MaxPoints))
                    {
                        errors.Add(Errors.MaxPointsRange($"{cat}.maxPoints"));
                    }
                    else
                    {
                        total += criterion.MaxPoints;
                    }
                }
            }

            if (criteriaCount > MaxCriteria)
            {
                errors.Add(Errors.TooMany("groups", MaxCriteria));
            }
        }

        if (bands is null)
        {
            errors.Add(Errors.Required("bands"));
        }
        else
        {
            var bandValues = new[] { bands.Good, bands.Fair, bands.Average };
            if (bandValues.Any(b => !HasAtMostTwoDecimals(b)) || !(bands.Good > bands.Fair && bands.Fair > bands.Average && bands.Average > 0))
            {
                errors.Add(Errors.BandsNotDescending);
            }
            else if (total > 0 && bands.Good > total)
            {
                errors.Add(Errors.BandsAboveTotal(total));
            }
        }

        return errors;
    }

    private static void CheckNamed(List<DomainError> errors, string at, string? code, string? nameEn, string? nameVi)
    {
        if (!IsCriterionCode(code))
        {
            errors.Add(code is null ? Errors.Required($"{at}.code") : Errors.CriterionCodeFormat($"{at}.code"));
        }

        Add(errors, FreeText.CheckRequired($"{at}.nameEn", nameEn, TitleMaxLength, Errors.Required($"{at}.nameEn")));
        Add(errors, FreeText.CheckRequired($"{at}.nameVi", nameVi, TitleMaxLength, Errors.Required($"{at}.nameVi")));
    }

    private static void Add(List<DomainError> errors, DomainError? error)
    {
        if (error is not null)
        {
            errors.Add(error);
        }
    }

    /// <summary>
    /// Every error of a score sheet against the scheme's criteria: each criterion scored exactly once,
    /// no unknown criterion, points from 0 to the criterion's maximum with at most two decimals. Errors
    /// about a known criterion are reported under <c>scores.{criterion}</c>, others under <c>scores[i]</c>.
    /// </summary>
    public static IReadOnlyList<DomainError> CheckScores(IReadOnlyList<Criterion> criteria, IReadOnlyList<(string? Criterion, decimal? Points)> scores)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(scores);
        var errors = new List<DomainError>();
        var byCode = criteria.ToDictionary(c => c.Code, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scores.Count; i++)
        {
            var (code, points) = scores[i];
            if (string.IsNullOrEmpty(code))
            {
                errors.Add(Errors.Required($"scores[{i}].criterion"));
                continue;
            }

            if (!byCode.TryGetValue(code, out var criterion))
            {
                errors.Add(Errors.UnknownCriterion($"scores[{i}].criterion", code, criteria));
                continue;
            }

            var field = $"scores.{criterion.Code}";
            if (!seen.Add(code))
            {
                errors.Add(Errors.ScoredTwice(field, criterion));
                continue;
            }

            if (points is not { } p)
            {
                errors.Add(Errors.PointsRequired(field, criterion));
            }
            else if (p < 0 || p > criterion.MaxPoints || !HasAtMostTwoDecimals(p))
            {
                errors.Add(Errors.PointsOutOfRange(field, criterion, p));
            }
        }

        foreach (var criterion in criteria.Where(c => !seen.Contains(c.Code)))
        {
            errors.Add(Errors.NotScored($"scores.{criterion.Code}", criterion));
        }

        return errors;
    }

    /// <summary>
    /// Why the organization is not rated in <paramref name="year"/>, or null when it is rated: its kind
    /// or sector is outside the scheme; founded less than 12 months before the year's end (rated when
    /// founded on 1 January of the year or earlier); or suspended more than 90 days of the year
    /// (<see cref="SuspendedDays"/>).
    /// </summary>
    public static NotRatedReason? NotRatedReasonFor(ClassificationScheme scheme, OrganizationFacts organization, int year)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentNullException.ThrowIfNull(organization);
        if (!scheme.AppliesTo(organization.Kind, organization.Sector))
        {
            return NotRatedReason.KindExcluded;
        }

        if (organization.EstablishedOn > FirstRatedFoundingDate(year))
        {
            return NotRatedReason.FoundedTooRecently;
        }

        return SuspendedDays(organization.History, year) > MaxSuspendedDays ? NotRatedReason.SuspendedTooLong : null;
    }

    /// <summary>
    /// The latest founding date that still gives 12 full months of operation by 31 December of
    /// <paramref name="year"/>: 1 January of that year (12 months before the first day after the year).
    /// </summary>
    public static DateOnly FirstRatedFoundingDate(int year) => new DateOnly(year, 12, 31).AddDays(1).AddMonths(-MinimumMonthsOfOperation);

    /// <summary>
    /// Days of <paramref name="year"/> the organization was suspended, from its status history: a
    /// status holds from the day it takes effect (counted) to the day the next one takes effect (not
    /// counted); the last one holds to the year's end.
    /// </summary>
    public static int SuspendedDays(IReadOnlyList<StatusPeriod> history, int year)
    {
        ArgumentNullException.ThrowIfNull(history);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31).AddDays(1); // exclusive
        var days = 0;
        for (var i = 0; i < history.Count; i++)
        {
            if (history[i].Status != OrganizationStatus.Suspended)
            {
                continue;
            }

            var from = history[i].EffectiveOn;
            var to = i + 1 < history.Count ? history[i + 1].EffectiveOn : end;
            var a = from > start ? from : start;
            var b = to < end ? to : end;
            if (b > a)
            {
                days += b.DayNumber - a.DayNumber;
            }
        }

        return days;
    }

    /// <summary>Texts of the classification rules.</summary>
    public static class Errors
    {
        private static string Points(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

        /// <summary>A required value is missing.</summary>
        public static DomainError Required(string field) => new(field, $"{Leaf(field)}.required",
            $"{field} is required.", $"{field} là bắt buộc.");

        /// <summary>The scheme code is malformed.</summary>
        public static DomainError SchemeCodeFormat { get; } = new("code", "code.format",
            $"code must be lower-case letters and digits joined by hyphens, at most {SchemeCodeMaxLength} characters and not a UUID, e.g. circular-01-2020.",
            $"code phải gồm chữ thường và chữ số nối bằng dấu gạch ngang, tối đa {SchemeCodeMaxLength} ký tự, không phải dạng UUID, ví dụ circular-01-2020.");

        /// <summary>A group or criterion code is malformed.</summary>
        public static DomainError CriterionCodeFormat(string field) => new(field, "criterion.codeFormat",
            $"{field} must be a camelCase code (a lower-case letter, then letters or digits; at most 64), e.g. indivisibleAssets.",
            $"{field} phải là mã dạng camelCase (bắt đầu bằng chữ thường, tiếp theo là chữ hoặc số; tối đa 64 ký tự), ví dụ indivisibleAssets.");

        /// <summary>validTo before validFrom.</summary>
        public static DomainError ValidityReversed { get; } = new("validTo", "validTo.beforeValidFrom",
            "validTo must not be before validFrom.", "validTo không được trước validFrom.");

        /// <summary>No kinds.</summary>
        public static DomainError NoKinds { get; } = new("appliesToKinds", "appliesToKinds.empty",
            "appliesToKinds must name at least one kind of organization.", "appliesToKinds phải có ít nhất một loại hình tổ chức.");

        /// <summary>A value is listed twice.</summary>
        public static DomainError Repeated(string field) => new(field, $"{field}.repeated",
            $"{field} lists a value twice.", $"{field} có giá trị bị lặp lại.");

        /// <summary>No groups.</summary>
        public static DomainError NoGroups { get; } = new("groups", "groups.empty",
            "groups must hold at least one group of criteria.", "groups phải có ít nhất một nhóm tiêu chí.");

        /// <summary>A group without criteria.</summary>
        public static DomainError NoCriteria(string group) => new($"{group}.criteria", "criteria.empty",
            $"{group}.criteria must hold at least one criterion.", $"{group}.criteria phải có ít nhất một tiêu chí.");

        /// <summary>Too many items.</summary>
        public static DomainError TooMany(string field, int max) => new(field, $"{field}.tooMany",
            $"{field} may hold at most {max} items.", $"{field} chỉ được có tối đa {max} phần tử.");

        /// <summary>A code is used twice in the scheme.</summary>
        public static DomainError DuplicateCode(string field, string code) => new(field, "criterion.duplicateCode",
            $"The code '{code}' is used twice in the scheme: every group and criterion code must be unique.",
            $"Mã '{code}' bị dùng hai lần trong bộ tiêu chí: mã của mỗi nhóm và tiêu chí phải là duy nhất.");

        /// <summary>A criterion's maximum is out of range.</summary>
        public static DomainError MaxPointsRange(string field) => new(field, "criterion.maxPoints",
            $"{field} must be more than 0 and at most {Points(MaxCriterionPoints)}, with at most two decimals.",
            $"{field} phải lớn hơn 0 và không quá {Points(MaxCriterionPoints)}, tối đa hai chữ số thập phân.");

        /// <summary>Bands not strictly descending.</summary>
        public static DomainError BandsNotDescending { get; } = new("bands", "bands.notDescending",
            "bands must descend: good > fair > average > 0, each with at most two decimals.",
            "bands phải giảm dần: good > fair > average > 0, mỗi giá trị tối đa hai chữ số thập phân.");

        /// <summary>The good band is above the total.</summary>
        public static DomainError BandsAboveTotal(decimal total) => new("bands.good", "bands.aboveTotal",
            $"bands.good must not exceed the scheme's total of {Points(total)} points (the sum of the criteria's maxima).",
            $"bands.good không được vượt quá tổng điểm của bộ tiêu chí là {Points(total)} (tổng điểm tối đa của các tiêu chí).");

        /// <summary>A criterion the scheme does not have.</summary>
        public static DomainError UnknownCriterion(string field, string code, IReadOnlyList<Criterion> criteria) => new(field, "scores.unknownCriterion",
            $"The scheme has no criterion '{Printable(code)}'. Its criteria: {string.Join(", ", criteria.Select(c => c.Code))}.",
            $"Bộ tiêu chí không có tiêu chí '{Printable(code)}'. Các tiêu chí: {string.Join(", ", criteria.Select(c => c.Code))}.");

        /// <summary>A criterion scored twice.</summary>
        public static DomainError ScoredTwice(string field, Criterion criterion) => new(field, "scores.duplicate",
            $"Criterion '{criterion.Code}' ({criterion.NameEn}) is scored more than once: score every criterion exactly once.",
            $"Tiêu chí '{criterion.Code}' ({criterion.NameVi}) được chấm điểm nhiều lần: mỗi tiêu chí chỉ chấm đúng một lần.");

        /// <summary>A criterion without points.</summary>
        public static DomainError PointsRequired(string field, Criterion criterion) => new(field, "scores.pointsRequired",
            $"Criterion '{criterion.Code}' ({criterion.NameEn}) needs its points (0 to {Points(criterion.MaxPoints)}).",
            $"Tiêu chí '{criterion.Code}' ({criterion.NameVi}) cần có điểm (từ 0 đến {Points(criterion.MaxPoints)}).");

        /// <summary>Points outside 0..max or with more than two decimals.</summary>
        public static DomainError PointsOutOfRange(string field, Criterion criterion, decimal points) => new(field, "scores.outOfRange",
            $"Criterion '{criterion.Code}' ({criterion.NameEn}) was given {points.ToString(CultureInfo.InvariantCulture)} points: it takes 0 to {Points(criterion.MaxPoints)}, with at most two decimals.",
            $"Tiêu chí '{criterion.Code}' ({criterion.NameVi}) được chấm {points.ToString(CultureInfo.InvariantCulture)} điểm: điểm hợp lệ từ 0 đến {Points(criterion.MaxPoints)}, tối đa hai chữ số thập phân.");

        /// <summary>A criterion not scored.</summary>
        public static DomainError NotScored(string field, Criterion criterion) => new(field, "scores.missing",
            $"Criterion '{criterion.Code}' ({criterion.NameEn}, 0 to {Points(criterion.MaxPoints)} points) is not scored: score every criterion of the scheme.",
            $"Tiêu chí '{criterion.Code}' ({criterion.NameVi}, 0 đến {Points(criterion.MaxPoints)} điểm) chưa được chấm: hãy chấm mọi tiêu chí của bộ tiêu chí.");

        /// <summary>No scheme with that code.</summary>
        public static DomainError UnknownScheme(string code) => new("schemeCode", "schemeCode.unknown",
            $"There is no classification scheme '{Printable(code)}' (see GET /api/v1/classification-schemes).",
            $"Không có bộ tiêu chí phân loại '{Printable(code)}' (xem GET /api/v1/classification-schemes).");

        /// <summary>The scheme is not in force in the year.</summary>
        public static DomainError SchemeNotValidForYear(string code, int year, DateOnly from, DateOnly? to) => new("schemeCode", "schemeCode.notValidForYear",
            $"Scheme '{code}' is valid from {from:yyyy-MM-dd}{(to is { } t ? $" to {t:yyyy-MM-dd}" : "")}, not for the year {year}.",
            $"Bộ tiêu chí '{code}' có hiệu lực từ {from:yyyy-MM-dd}{(to is { } t2 ? $" đến {t2:yyyy-MM-dd}" : "")}, không áp dụng cho năm {year}.");

        /// <summary>A year out of range.</summary>
        public static DomainError YearRange(int latest) => new("year", "year.range",
            $"year must be from {EarliestYear} to {latest} (not in the future).",
            $"year phải từ {EarliestYear} đến {latest} (không ở tương lai).");

        /// <summary>assessedOn out of range.</summary>
        public static DomainError AssessedOnRange { get; } = new("assessedOn", "assessedOn.range",
            "assessedOn must lie within or after the assessed year, and not in the future.",
            "assessedOn phải thuộc năm được đánh giá hoặc sau đó, và không ở tương lai.");

        /// <summary>A correction without If-Match.</summary>
        public static DomainError CorrectionNeedsIfMatch { get; } = new("", "classification.correctionNeedsIfMatch",
            "An assessment for this year is already recorded: a correction must send its ETag in If-Match.",
            "Đã có kết quả đánh giá của năm này: muốn điều chỉnh phải gửi ETag của nó trong If-Match.");

        private static string Leaf(string field) => field.Contains('.', StringComparison.Ordinal) ? field[(field.LastIndexOf('.') + 1)..] : field;

        private static string Printable(string value) => value.Length > 64 ? value[..64] + "…" : value.Replace('\0', '?');
    }
}
