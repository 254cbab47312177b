using System.Globalization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Models;
using CoopApi.Application.Common.Search;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Cooperatives.Queries.ListCooperatives;

/// <summary>A filtered, sorted page of the register.</summary>
public sealed class ListCooperativesQuery : IQuery<CooperativePage>
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxPageSize = 200;

    /// <summary>Sort keys a client may use; prefix with <c>-</c> for descending.</summary>
    public static readonly IReadOnlyList<string> SortKeys = ["name", "establishedOn", "charterCapital", "memberCount", "createdAt"];

    /// <summary>Only these kinds of organization (any of them); empty: every kind.</summary>
    public IReadOnlyList<OrganizationKind> Kind { get; set; } = new List<OrganizationKind>();

    /// <summary>Only these sectors (any of them); empty: every sector.</summary>
    public IReadOnlyList<Sector> Sector { get; set; } = new List<Sector>();

    /// <summary>Only these statuses (any of them); empty: every status.</summary>
    public IReadOnlyList<OrganizationStatus> Status { get; set; } = new List<OrganizationStatus>();

    /// <summary>Only this province (2 digits), e.g. 24.</summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }

    /// <summary>Only this commune (5 digits).</summary>
    [FieldRules(Pattern = "^[0-9]{5}$")]
    public string? CommuneCode { get; set; }

    /// <summary>Only youth cooperatives (true) or only the others (false).</summary>
    public bool? IsYouthCooperative { get; set; }

    /// <summary>Founded on or after this date (yyyy-MM-dd).</summary>
    public DateOnly? EstablishedFrom { get; set; }

    /// <summary>Founded on or before this date (yyyy-MM-dd).</summary>
    public DateOnly? EstablishedTo { get; set; }

    /// <summary>
    /// Words to find in the name or registration code, ignoring case and Vietnamese diacritics
    /// ("cai kinh" finds "Cai Kinh", "dong" finds "Đồng"); every word must match. At least one
    /// word must have 3 or more characters ("hoa binh", "ab 123"): a search of only 1- and
    /// 2-letter words cannot use the search index and would read the whole register.
    /// </summary>
    [FieldRules(MaxLength = ListCooperativesQueryValidator.MaxQueryLength)]
    public string? Q { get; set; }

    /// <summary>
    /// Sort key: <c>name</c>, <c>establishedOn</c>, <c>charterCapital</c>, <c>memberCount</c> or
    /// <c>createdAt</c>; prefix <c>-</c> for descending. Ties are broken by id, so pages are stable.
    /// Default: <c>name</c>. Example: <c>-charterCapital</c>.
    /// </summary>
    [FieldRules(Pattern = "^-?(name|establishedOn|charterCapital|memberCount|createdAt)$")]
    public string? Sort { get; set; }

    /// <summary>
    /// Page number, from 1 (default 1). Cheap near the start of a list; every page before it is
    /// read and skipped, so deep pages cost more and more: to walk a long list use <c>cursor</c>.
    /// Not with <c>cursor</c>.
    /// </summary>
    /// <example>1</example>
    [FieldRules(Minimum = 1, Maximum = ListCooperativesQueryValidator.MaxPage)]
    public int Page { get; set; } = 1;

    /// <summary>Items per page, 1–200 (default 20).</summary>
    /// <example>20</example>
    [FieldRules(Minimum = 1, Maximum = MaxPageSize)]
    public int PageSize { get; set; } = 20;

    /// <summary>
    /// Keyset paging: the <c>nextCursor</c> of the previous page, sent with the same filters and
    /// sort (the page size may change). Each page costs the same however deep it is, and a row
    /// added or removed behind the cursor does not shift the next page. A cursor of another list,
    /// or a damaged one, is refused (400). Use page numbers to jump to a page, cursors to walk or
    /// export a long list.
    /// </summary>
    [FieldRules(MaxLength = ListCursor.MaxLength)]
    public string? Cursor { get; set; }

    /// <summary>Whether any filter or search narrows the list (else it is the whole register).</summary>
    public bool IsFiltered => Kind.Count > 0 || Sector.Count > 0 || Status.Count > 0 || ProvinceCode is not null
        || CommuneCode is not null || IsYouthCooperative is not null || EstablishedFrom is not null || EstablishedTo is not null
        || !string.IsNullOrWhiteSpace(Q);
}

/// <summary>
/// Validates list parameters. Every message says what was expected, in English or Vietnamese
/// (by <c>Accept-Language</c>). Stateless, so one instance serves every request.
/// </summary>
public sealed class ListCooperativesQueryValidator : AbstractValidator<ListCooperativesQuery>
{
    /// <summary>Largest page number a client may ask for.</summary>
    public const int MaxPage = 1_000_000;

    /// <summary>Longest search text, in characters.</summary>
    public const int MaxQueryLength = 200;

    /// <summary>Fewest characters of the longest search word (the trigram index needs 3).</summary>
    public const int MinSearchWordLength = 3;

    private static readonly string MaxPageEnglish = MaxPage.ToString("N0", CultureInfo.GetCultureInfo("en"));
    private static readonly string MaxPageVietnamese = MaxPage.ToString("N0", CultureInfo.GetCultureInfo("vi"));

    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: province and commune filters must name current units.</param>
    public ListCooperativesQueryValidator(IAdministrativeUnits units)
    {
        RuleForEach(x => x.Kind).IsInEnum()
            .WithMessage(_ => OneOf<OrganizationKind>("kind"));
        RuleForEach(x => x.Sector).IsInEnum()
            .WithMessage(_ => OneOf<Sector>("sector"));
        RuleForEach(x => x.Status).IsInEnum()
            .WithMessage(_ => OneOf<OrganizationStatus>("status"));
        RuleFor(x => x.Page).InclusiveBetween(1, MaxPage)
            .WithMessage(_ => Text.Pick(
                $"page must be between 1 and {MaxPageEnglish}.",
                $"page phải nằm trong khoảng từ 1 đến {MaxPageVietnamese}."));
        RuleFor(x => x.PageSize).InclusiveBetween(1, ListCooperativesQuery.MaxPageSize)
            .WithMessage(_ => Text.Pick(
                $"pageSize must be between 1 and {ListCooperativesQuery.MaxPageSize}.",
                $"pageSize phải nằm trong khoảng từ 1 đến {ListCooperativesQuery.MaxPageSize}."));
        // Same rules, codes and texts as writes (a pre-reform code gets the "became 24" hint), from
        // the in-memory map: no database round trip.
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
        RuleFor(x => x.CommuneCode)
            .Satisfies((_, c) => CommuneCode.CheckFormat(c) ?? CommuneCode.CheckExists(c!, units))
            .When(x => x.CommuneCode is not null);
        RuleFor(x => x.EstablishedTo).GreaterThanOrEqualTo(x => x.EstablishedFrom)
            .When(x => x.EstablishedFrom is not null && x.EstablishedTo is not null)
            .WithMessage(_ => Text.Pick(
                "establishedTo must be on or after establishedFrom.",
                "establishedTo phải bằng hoặc sau establishedFrom."));
        RuleFor(x => x.Q).MaximumLength(MaxQueryLength)
            .WithMessage(_ => Text.Pick(
                $"q must be at most {MaxQueryLength} characters long.",
                $"q chỉ được dài tối đa {MaxQueryLength} ký tự."));
        RuleFor(x => x.Q).Must(HasIndexableWord)
            .When(x => !string.IsNullOrWhiteSpace(x.Q) && x.Q.Length <= MaxQueryLength)
            .WithMessage(_ => Text.Pick(
                $"q needs at least one word of {MinSearchWordLength} or more characters (e.g. 'hoa binh', not 'hb').",
                $"q cần ít nhất một từ có từ {MinSearchWordLength} ký tự trở lên (ví dụ 'hoa binh', không phải 'hb')."));
        RuleFor(x => x.Page).Equal(1)
            .When(x => x.Cursor is not null)
            .WithMessage(_ => Text.Pick(
                "page cannot be combined with cursor: a cursor already says where the page starts.",
                "Không dùng page cùng với cursor: cursor đã xác định trang bắt đầu từ đâu."));
        RuleFor(x => x.Cursor).Custom((cursor, context) =>
            {
                var problem = cursor is null ? CursorProblem.None : ListCursor.TryDecode(context.InstanceToValidate, out _);
                if (problem == CursorProblem.Damaged)
                {
                    context.AddFailure(nameof(ListCooperativesQuery.Cursor), Text.Pick(
                        "cursor is not a cursor this API gave out (damaged or edited): send the nextCursor of a page exactly, or start again without cursor.",
                        "cursor không phải do API này cấp (bị hỏng hoặc bị sửa): gửi đúng nextCursor của một trang, hoặc bắt đầu lại không có cursor."));
                }
                else if (problem == CursorProblem.OtherList)
                {
                    context.AddFailure(nameof(ListCooperativesQuery.Cursor), Text.Pick(
                        "cursor belongs to a list with another sort or other filters: send it with the sort and filters of the request that returned it, or start again without cursor.",
                        "cursor thuộc về danh sách có cách sắp xếp hoặc bộ lọc khác: gửi cùng sort và bộ lọc của yêu cầu đã trả về nó, hoặc bắt đầu lại không có cursor."));
                }
            })
            .When(x => x.Cursor is not null);
        RuleFor(x => x.Sort).Must(s => ListCooperativesQuery.SortKeys.Contains(s!.StartsWith('-') ? s[1..] : s))
            .When(x => !string.IsNullOrEmpty(x.Sort))
            .WithMessage(_ => Text.Pick(
                $"Unknown sort key. Use one of: {string.Join(", ", ListCooperativesQuery.SortKeys)} (prefix - for descending).",
                $"Khóa sắp xếp không hợp lệ. Dùng một trong: {string.Join(", ", ListCooperativesQuery.SortKeys)} (thêm - phía trước để sắp giảm dần)."));
    }

    private static bool HasIndexableWord(string? q) =>
        q!.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Any(word => new StringInfo(word).LengthInTextElements >= MinSearchWordLength);

    private static string OneOf<TEnum>(string parameter) where TEnum : struct, Enum
    {
        var values = string.Join(", ", Enum.GetValues<TEnum>().Select(EnumLabels.ApiName));
        return Text.Pick($"{parameter} must be one of: {values}.", $"{parameter} phải là một trong: {values}.");
    }
}

/// <summary>
/// Handles <see cref="ListCooperativesQuery"/> on the read side: filters, sort, page and total
/// count in SQL (one round trip), text search on the trigram index of the folded search column.
/// </summary>
public sealed class ListCooperativesQueryHandler(ICooperativeReadModel reads)
    : IRequestHandler<ListCooperativesQuery, CooperativePage>
{
    /// <inheritdoc />
    public Task<CooperativePage> Handle(ListCooperativesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.ListAsync(request, cancellationToken);
    }
}
