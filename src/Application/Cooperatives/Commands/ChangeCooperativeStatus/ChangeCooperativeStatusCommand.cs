using System.Text.Json.Serialization;
using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Security;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Cooperatives.Commands.ChangeCooperativeStatus;

/// <summary>
/// Moves an organization to a new status. Allowed: active ⇄ suspended; active or suspended →
/// awaiting dissolution → dissolved; awaiting dissolution → active (revived). Dissolved is final.
/// Returns the organization as it is after the change (new status and version).
/// </summary>
[PublicName("StatusChangeRequest")]
public sealed record ChangeCooperativeStatusCommand : ICommand<CooperativeDto>
{
    /// <summary>The organization (from the route).</summary>
    [JsonIgnore]
    public Guid Id { get; init; }

    /// <summary>The version the client last read (from <c>If-Match</c>), or null to skip that check.</summary>
    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    /// <summary>The new status (required).</summary>
    /// <example>suspended</example>
    [FieldRules(Required = true)]
    public OrganizationStatus? Status { get; init; }

    /// <summary>Date the change takes effect, yyyy-MM-dd (required): not in the future, not before the previous change.</summary>
    /// <example>2025-06-30</example>
    [FieldRules(Required = true)]
    public DateOnly? EffectiveOn { get; init; }

    /// <summary>Why (required, at most 1000 characters): decision number, circumstances.</summary>
    /// <example>Quyết định số 125/QĐ-UBND về việc tạm ngừng hoạt động 6 tháng</example>
    [FieldRules(Required = true, MaxLength = OrganizationRules.ReasonMaxLength)]
    public string? Reason { get; init; }
}

/// <summary>Validates a status change request (the transition itself is checked by the domain).</summary>
public sealed class ChangeCooperativeStatusCommandValidator : AbstractValidator<ChangeCooperativeStatusCommand>
{
    /// <summary>Creates the rules.</summary>
    public ChangeCooperativeStatusCommandValidator()
    {
        RuleFor(x => x.Status).Satisfies((_, s) => OrganizationRules.CheckStatus(s));
        RuleFor(x => x.EffectiveOn).Satisfies((_, d) => d is null ? OrganizationRules.Errors.Required("effectiveOn") : null);
        RuleFor(x => x.Reason).Satisfies((_, r) => OrganizationRules.CheckReason(r));
    }
}

/// <summary>Handles <see cref="ChangeCooperativeStatusCommand"/>: the caller must hold the record's province.</summary>
public sealed class ChangeCooperativeStatusCommandHandler(IApplicationDbContext db, IVietnamCalendar calendar, ICurrentUser currentUser)
    : IRequestHandler<ChangeCooperativeStatusCommand, CooperativeDto>
{
    /// <inheritdoc />
    public async Task<CooperativeDto> Handle(ChangeCooperativeStatusCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var cooperative = await CooperativeLoader.LoadForChangeAsync(db, request.Id, request.ExpectedVersion, cancellationToken);
        currentUser.EnsureCanWriteIn(cooperative.ProvinceCode);
        cooperative.ChangeStatus(request.Status!.Value, request.EffectiveOn!.Value, request.Reason!,
            calendar.Today, calendar.Now);
        await CooperativeLoader.SaveAsync(db, request.ExpectedVersion, cancellationToken);
        return cooperative.ToDto();
    }
}
