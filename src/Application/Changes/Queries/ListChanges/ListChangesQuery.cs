using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Changes.Queries.ListChanges;

/// <summary>The changes of every resource after a cursor, in commit order.</summary>
public sealed class ListChangesQuery : IQuery<ChangePageDto>
{
    /// <summary>Most entries a client may ask for at once.</summary>
    public const int MaxLimit = 1000;

    /// <summary>Entries per page when the client names no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>
    /// The <c>nextCursor</c> (or an entry's <c>cursor</c>) of your last read; absent: from the
    /// start. Opaque: use it as you got it.
    /// </summary>
    [FieldRules(Pattern = "^(0|[1-9][0-9]{0,19})-(0|[1-9][0-9]{0,18})$")]
    public string? After { get; set; }

    /// <summary>Most entries to return, 1–1000 (default 100).</summary>
    /// <example>100</example>
    [FieldRules(Minimum = 1, Maximum = MaxLimit)]
    public int Limit { get; set; } = DefaultLimit;

    /// <summary>Only changes of this kind of resource, e.g. <c>cooperative</c>.</summary>
    public string? EntityType { get; set; }

    /// <summary>
    /// Only changes of resources in this province (2 digits), including the change that moved one
    /// out of it. Example: <c>24</c>.
    /// </summary>
    [FieldRules(Pattern = "^[0-9]{2}$")]
    public string? ProvinceCode { get; set; }
}

/// <summary>Validates the feed's parameters; messages in English or Vietnamese.</summary>
public sealed class ListChangesQueryValidator : AbstractValidator<ListChangesQuery>
{
    /// <summary>Creates the rules.</summary>
    /// <param name="units">The administrative map: the province filter must name a current province.</param>
    /// <param name="resources">The kinds of resource the feed carries.</param>
    public ListChangesQueryValidator(IAdministrativeUnits units, IEnumerable<IResourceRepresentation> resources)
    {
        var fed = resources.Where(r => r.InChangeFeed).ToList();
        var types = string.Join(", ", fed.Select(r => r.EntityType).Order(StringComparer.Ordinal));
        var known = fed.Select(r => r.EntityType).ToHashSet(StringComparer.Ordinal);
        RuleFor(x => x.After).Must(a => ChangeCursor.TryParse(a, out _))
            .When(x => x.After is not null)
            .WithMessage(_ => Text.Pick(
                "after must be a cursor returned by this feed (nextCursor or an entry's cursor), e.g. 7421-1033.",
                "after phải là một con trỏ do nguồn thay đổi này trả về (nextCursor hoặc cursor của một mục), ví dụ 7421-1033."));
        RuleFor(x => x.Limit).InclusiveBetween(1, ListChangesQuery.MaxLimit)
            .WithMessage(_ => Text.Pick(
                $"limit must be between 1 and {ListChangesQuery.MaxLimit}.",
                $"limit phải nằm trong khoảng từ 1 đến {ListChangesQuery.MaxLimit}."));
        RuleFor(x => x.EntityType).Must(t => known.Contains(t!))
            .When(x => x.EntityType is not null)
            .WithMessage(_ => Text.Pick($"entityType must be one of: {types}.", $"entityType phải là một trong: {types}."));
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, c) => ProvinceCode.CheckFormat(c) ?? ProvinceCode.CheckExists(c!, units))
            .When(x => x.ProvinceCode is not null);
    }
}

/// <summary>
/// Handles <see cref="ListChangesQuery"/>: one page from the read side, each entry with the link
/// to its resource.
/// </summary>
public sealed class ListChangesQueryHandler(IChangesReadModel reads, IEnumerable<IResourceRepresentation> resources)
    : IRequestHandler<ListChangesQuery, ChangePageDto>
{
    private readonly Dictionary<string, IResourceRepresentation> _byType =
        resources.ToDictionary(r => r.EntityType, StringComparer.Ordinal);

    /// <inheritdoc />
    public async Task<ChangePageDto> Handle(ListChangesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = request.After is null ? ChangeCursor.Start
            : ChangeCursor.TryParse(request.After, out var parsed) ? parsed
            : throw new ArgumentException("The cursor was not validated.", nameof(request));
        var (rows, hasMore) = await reads.ReadAsync(after, request.Limit, request.EntityType, request.ProvinceCode, cancellationToken);
        var entries = new ChangeEntryDto[rows.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            var row = rows[i];
            entries[i] = row.Operation == ChangeKind.Deleted || !_byType.TryGetValue(row.EntityType, out var resource)
                ? row
                : row with { Link = resource.PathOf(row.EntityId) };
        }

        return new ChangePageDto
        {
            Entries = entries,
            NextCursor = entries.Length > 0 ? entries[^1].Cursor : after.ToString(),
            HasMore = hasMore,
        };
    }
}
