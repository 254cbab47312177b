using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Localization;
using CoopApi.Application.Common.Messaging;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Audit.Queries.ListAuditEntries;

/// <summary>A filtered page of the audit trail, newest first, paged by cursor.</summary>
public sealed class ListAuditEntriesQuery : IQuery<AuditPageDto>
{
    /// <summary>Largest page a client may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary>Page size when none is asked for.</summary>
    public const int DefaultLimit = 50;

    /// <summary>Longest actor accepted (the width of <c>domain_events.actor</c>).</summary>
    public const int MaxActorLength = 200;

    /// <summary>Only records of this kind, e.g. <c>cooperative</c>.</summary>
    [FieldRules(Pattern = "^[a-z][a-zA-Z]{0,49}$")]
    public string? EntityType { get; set; }

    /// <summary>Only this record (needs <c>entityType</c>).</summary>
    public Guid? EntityId { get; set; }

    /// <summary>Only changes made by this user id (exact).</summary>
    [FieldRules(MaxLength = MaxActorLength)]
    public string? Actor { get; set; }

    /// <summary>
    /// Only changes at or after this instant: ISO 8601 with an offset, e.g.
    /// <c>2026-11-30T08:00:00+07:00</c> (encode <c>+</c> as <c>%2B</c>) or <c>2026-11-30T01:00:00Z</c>.
    /// </summary>
    public DateTimeOffset? From { get; set; }

    /// <summary>Only changes at or before this instant (same format as <c>from</c>; not before <c>from</c>).</summary>
    public DateTimeOffset? To { get; set; }

    /// <summary>The <c>nextCursor</c> of the previous page: only entries older than it.</summary>
    [FieldRules(Minimum = 1)]
    public long? After { get; set; }

    /// <summary>Entries per page, 1–500 (default 50).</summary>
    /// <example>50</example>
    [FieldRules(Minimum = 1, Maximum = MaxLimit)]
    public int Limit { get; set; } = DefaultLimit;
}

/// <summary>Validates the audit query (the rules that span parameters, and the bounds). Stateless: a singleton.</summary>
public sealed class ListAuditEntriesQueryValidator : AbstractValidator<ListAuditEntriesQuery>
{
    /// <summary>Creates the rules.</summary>
    public ListAuditEntriesQueryValidator()
    {
        RuleFor(x => x.EntityType).Matches("^[a-z][a-zA-Z]{0,49}$")
            .When(x => x.EntityType is not null)
            .WithMessage(_ => Text.Pick(
                "entityType must be a kind of record in camelCase, e.g. cooperative.",
                "entityType phải là loại bản ghi viết camelCase, ví dụ cooperative."));
        RuleFor(x => x.EntityType).NotNull()
            .When(x => x.EntityId is not null)
            .WithMessage(_ => Text.Pick(
                "entityId needs entityType (e.g. entityType=cooperative).",
                "entityId cần kèm entityType (ví dụ entityType=cooperative)."));
        RuleFor(x => x.Actor).MaximumLength(ListAuditEntriesQuery.MaxActorLength)
            .WithMessage(_ => Text.Pick(
                $"actor must be at most {ListAuditEntriesQuery.MaxActorLength} characters long.",
                $"actor chỉ được dài tối đa {ListAuditEntriesQuery.MaxActorLength} ký tự."));
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From)
            .When(x => x.From is not null && x.To is not null)
            .WithMessage(_ => Text.Pick("to must not be before from.", "to không được trước from."));
        RuleFor(x => x.After).GreaterThanOrEqualTo(1)
            .When(x => x.After is not null)
            .WithMessage(_ => Text.Pick("after must be a nextCursor of this API (a positive integer).",
                "after phải là nextCursor do API trả về (số nguyên dương)."));
        RuleFor(x => x.Limit).InclusiveBetween(1, ListAuditEntriesQuery.MaxLimit)
            .WithMessage(_ => Text.Pick(
                $"limit must be between 1 and {ListAuditEntriesQuery.MaxLimit}.",
                $"limit phải nằm trong khoảng từ 1 đến {ListAuditEntriesQuery.MaxLimit}."));
    }
}

/// <summary>Handles <see cref="ListAuditEntriesQuery"/> on the read side (one round trip).</summary>
public sealed class ListAuditEntriesQueryHandler(IAuditReadModel reads) : IRequestHandler<ListAuditEntriesQuery, AuditPageDto>
{
    /// <inheritdoc />
    public Task<AuditPageDto> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return reads.ListAsync(request, cancellationToken);
    }
}
