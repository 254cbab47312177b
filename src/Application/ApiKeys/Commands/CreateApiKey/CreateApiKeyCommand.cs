using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.ApiKeys;
using CoopApi.Domain.Common;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.ApiKeys.Commands.CreateApiKey;

/// <summary>Makes an API key for a machine client; the answer holds the key, once.</summary>
[PublicName("ApiKeyRequest")]
public sealed record CreateApiKeyCommand : ICommand<CreatedApiKeyDto>
{
    /// <summary>Who will use the key (required, at most 100 characters).</summary>
    /// <example>Bắc Ninh provincial system</example>
    [FieldRules(Required = true, MaxLength = ApiKeyRules.NameMaxLength)]
    public string? Name { get; init; }

    /// <summary>Scopes to grant (required, one or more of read, write, classify, admin).</summary>
    /// <example>["read","write"]</example>
    [FieldRules(Required = true, MaxItems = 4)]
    public IReadOnlyList<string>? Scopes { get; init; }

    /// <summary>Current province codes the key may write in, or ["*"] for every province (required).</summary>
    /// <example>["24"]</example>
    [FieldRules(Required = true, MaxItems = ApiKeyRules.MaxProvinces, ItemMaxLength = 2)]
    public IReadOnlyList<string>? Provinces { get; init; }

    /// <summary>When the key stops working (optional; must be in the future). Omit for a key that does not expire.</summary>
    /// <example>2027-06-30T00:00:00+07:00</example>
    public DateTimeOffset? ExpiresAt { get; init; }
}

/// <summary>Checks every field of a key request, reporting all broken fields at once.</summary>
public sealed class CreateApiKeyCommandValidator : AbstractValidator<CreateApiKeyCommand>
{
    /// <summary>Creates the rules.</summary>
    public CreateApiKeyCommandValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.Name).Satisfies((_, n) => ApiKeyRules.CheckName(n));
        RuleFor(x => x.Scopes).SatisfiesAll((_, s) => CheckScopes(s));
        RuleFor(x => x.Provinces).SatisfiesAll((_, p) => CheckProvinces(p, units));
        RuleFor(x => x.ExpiresAt).Satisfies((_, e) => e is { } at && at <= calendar.Now ? ApiKeyRules.Errors.ExpiresInPast : null);
    }

    private static IEnumerable<DomainError> CheckScopes(IReadOnlyList<string>? scopes)
    {
        if (scopes is null || scopes.Count == 0 || scopes.Count > ApiScopes.All.Count)
        {
            yield return ApiKeyRules.Errors.ScopesInvalid;
            yield break;
        }

        foreach (var scope in scopes.Where(s => !ApiScopes.IsKnown(s)).Distinct(StringComparer.Ordinal))
        {
            yield return ApiKeyRules.Errors.ScopeUnknown(scope ?? "null");
        }
    }

    private static IEnumerable<DomainError> CheckProvinces(IReadOnlyList<string>? provinces, IAdministrativeUnits units)
    {
        if (provinces is null || provinces.Count == 0 || provinces.Count > ApiKeyRules.MaxProvinces
            || (provinces.Contains(ApiKeyRules.National) && provinces.Count > 1))
        {
            yield return ApiKeyRules.Errors.ProvincesInvalid;
            yield break;
        }

        foreach (var code in provinces.Where(c => c != ApiKeyRules.National && (c is null || units.FindProvince(c) is null))
                     .Distinct(StringComparer.Ordinal))
        {
            yield return ApiKeyRules.Errors.ProvinceUnknown(code ?? "null");
        }
    }
}

/// <summary>Handles <see cref="CreateApiKeyCommand"/>.</summary>
public sealed class CreateApiKeyCommandHandler(IApplicationDbContext db, ICurrentUser user, IVietnamCalendar calendar)
    : IRequestHandler<CreateApiKeyCommand, CreatedApiKeyDto>
{
    /// <inheritdoc />
    public async Task<CreatedApiKeyDto> Handle(CreateApiKeyCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (key, secret) = ApiKey.Issue(request.Name!, request.Scopes!, request.Provinces!, request.ExpiresAt,
            user.Id ?? "system", calendar.Now);
        db.Set<ApiKey>().Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKeyDto { Key = secret, ApiKey = key.ToDto() };
    }
}
