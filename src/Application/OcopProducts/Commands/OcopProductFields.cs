using CoopApi.Application.Common.Contract;
using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.OcopProducts;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.OcopProducts.Commands;

/// <summary>The fields a client sends to record or correct an OCOP rating (nullable, so that a missing one is reported).</summary>
public abstract record OcopProductFields
{
    /// <summary>Product name as certified (required, at most 255 characters).</summary>
    /// <example>Na Chi Lăng loại 1</example>
    [FieldRules(Required = true, MaxLength = OcopRules.ProductNameMaxLength)]
    public string? ProductName { get; init; }

    /// <summary>OCOP stars, 3 to 5 (required).</summary>
    /// <example>4</example>
    [FieldRules(Required = true, Minimum = OcopRules.MinStars, Maximum = OcopRules.MaxStars)]
    public int? Stars { get; init; }

    /// <summary>Date of the recognition decision, yyyy-MM-dd (required; not before 2018-05-07, not in the future).</summary>
    /// <example>2023-03-15</example>
    [FieldRules(Required = true, EarliestDate = "2018-05-07")]
    public DateOnly? CertifiedOn { get; init; }

    /// <summary>Who recognized the rating (required): <c>province</c> for 3 and 4 stars, <c>central</c> for 5 stars.</summary>
    /// <example>province</example>
    [FieldRules(Required = true)]
    public OcopCertifier? CertifiedBy { get; init; }

    /// <summary>Number of the recognition decision or certificate (required, at most 100 characters).</summary>
    /// <example>456/QĐ-UBND</example>
    [FieldRules(Required = true, MaxLength = OcopRules.CertificateNumberMaxLength)]
    public string? CertificateNumber { get; init; }

    /// <summary>The rating as the domain takes it (after validation).</summary>
    public OcopRating ToRating() => new(ProductName!, Stars!.Value, CertifiedOn!.Value, CertifiedBy!.Value, CertificateNumber!);
}

/// <summary>Rules of <see cref="OcopProductFields"/>, reported field by field (400), with the domain's codes and texts.</summary>
public abstract class OcopProductFieldsValidator<T> : AbstractValidator<T> where T : OcopProductFields
{
    /// <summary>Creates the rules.</summary>
    protected OcopProductFieldsValidator(IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        RuleFor(x => x.ProductName).Satisfies((_, v) => OcopRules.CheckProductName(v));
        RuleFor(x => x.Stars).Satisfies((_, v) => OcopRules.CheckStars(v));
        RuleFor(x => x.CertifiedBy).Satisfies((x, v) => OcopRules.CheckCertifier(v, x.Stars));
        RuleFor(x => x.CertifiedOn).Satisfies((_, v) => OcopRules.CheckCertifiedOn(v, calendar.Today));
        RuleFor(x => x.CertificateNumber).Satisfies((_, v) => OcopRules.CheckCertificateNumber(v));
    }
}

/// <summary>Loads what the OCOP commands change.</summary>
internal static class OcopProductLoader
{
    /// <summary>The organization (untracked), or 404.</summary>
    public static async Task<Cooperative> OrganizationAsync(IApplicationDbContext db, Guid id, CancellationToken ct) =>
        await db.Cooperatives.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw new NotFoundException("Cooperative", "tổ chức", id);

    /// <summary>The tracked product of the organization, or 404; 412 when the client named another version.</summary>
    public static async Task<OcopProduct> ProductAsync(IApplicationDbContext db, Guid cooperativeId, Guid productId, int expectedVersion,
        CancellationToken ct)
    {
        var product = await db.Set<OcopProduct>().FirstOrDefaultAsync(p => p.Id == productId && p.CooperativeId == cooperativeId, ct)
            ?? throw new NotFoundException("OCOP product", "sản phẩm OCOP", productId);
        return product.Version == expectedVersion ? product : throw new ConcurrencyConflictException(clientPrecondition: true);
    }

    /// <summary>Saves; a lost race is a failed precondition for a client that named the version it read.</summary>
    public static async Task SaveAsync(IApplicationDbContext db, bool clientNamedVersion, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (ConcurrencyConflictException) when (clientNamedVersion)
        {
            throw new ConcurrencyConflictException(clientPrecondition: true);
        }
    }
}
