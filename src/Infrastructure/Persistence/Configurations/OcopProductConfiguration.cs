using CoopApi.Application.Common.Exceptions;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Domain.OcopProducts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence.Configurations;

/// <summary>
/// Table <c>ocop_products</c>: OCOP ratings of the organizations' products. The database guards
/// the star range, the pairing of stars and certifier and the 36-month expiry too; the list
/// across the register filters on indexed columns (province and stars, validity dates).
/// </summary>
internal sealed class OcopProductConfiguration : IEntityTypeConfiguration<OcopProduct>, IDeclareConstraintErrors
{
    /// <summary>Every product belongs to an organization in the register.</summary>
    public const string OrganizationForeignKey = "fk_ocop_products_cooperatives_cooperative_id";

    /// <summary>One record per organization, certificate and product.</summary>
    public const string CertificateIndex = "ix_ocop_products_cooperative_id_certificate_number_product_name";

    /// <summary>Name the trigger on <c>cooperatives</c> reports when an organization with OCOP products is withdrawn.</summary>
    public const string KeepsProductsTrigger = "cooperatives_keep_ocop_products";

    /// <inheritdoc />
    public IReadOnlyDictionary<string, Func<PostgresException, Exception>> ConstraintErrors { get; } =
        new Dictionary<string, Func<PostgresException, Exception>>
        {
            [OrganizationForeignKey] = _ => new ConcurrencyConflictException(clientPrecondition: false),
            [CertificateIndex] = _ => new DuplicateException("certificateNumber",
                "This product is already recorded for the organization under this certificate number.",
                "Sản phẩm này đã được ghi nhận cho tổ chức với số quyết định/giấy chứng nhận này."),
            [KeepsProductsTrigger] = _ => new BusinessRuleViolationException("cooperative.hasOcopProducts",
                "The organization has OCOP products; it cannot be withdrawn as an entry made in error (delete them first, or use the status transitions).",
                "Tổ chức đã có sản phẩm OCOP nên không thể rút khỏi sổ như một bản ghi nhập nhầm (hãy xóa các sản phẩm trước, hoặc dùng chuyển trạng thái)."),
        };

    public void Configure(EntityTypeBuilder<OcopProduct> builder)
    {
        builder.ToTable("ocop_products", t =>
        {
            t.HasCheckConstraint("ck_ocop_products_stars", $"stars BETWEEN {OcopRules.MinStars} AND {OcopRules.MaxStars}");
            t.HasCheckConstraint("ck_ocop_products_certifier",
                $"(stars = 5 AND certified_by = '{EnumLabels.ApiName(OcopCertifier.Central)}') OR (stars < 5 AND certified_by = '{EnumLabels.ApiName(OcopCertifier.Province)}')");
            t.HasCheckConstraint("ck_ocop_products_expires_on",
                $"expires_on = (certified_on + interval '{OcopRules.ValidityMonths} months')::date");
            t.HasCheckConstraint("ck_ocop_products_certified_on", $"certified_on >= DATE '{OcopRules.EarliestCertification:yyyy-MM-dd}'");
            t.HasCheckConstraint("ck_ocop_products_product_name_not_blank", "product_name ~ '[^[:space:]]'");
            t.HasCheckConstraint("ck_ocop_products_certificate_number_not_blank", "certificate_number ~ '[^[:space:]]'");
            t.HasCheckConstraint("ck_ocop_products_version", $"version >= {AggregateRoot.InitialVersion}");
        });
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasOne<Cooperative>().WithMany().HasForeignKey(p => p.CooperativeId)
            .HasConstraintName(OrganizationForeignKey).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.ProvinceCode).HasMaxLength(2);
        builder.Property(p => p.ProductName).HasMaxLength(OcopRules.ProductNameMaxLength).UseCollation(CoopDbContext.VietnameseCollation);
        builder.Property(p => p.CertificateNumber).HasMaxLength(OcopRules.CertificateNumberMaxLength);
        builder.Property(p => p.CertifiedBy).StoredAsName();
        builder.HasEnumCheck<OcopProduct, OcopCertifier>("ocop_products", "certified_by");
        builder.Ignore(p => p.Rating);
        builder.HasIndex(p => new { p.CooperativeId, p.CertificateNumber, p.ProductName }).IsUnique().HasDatabaseName(CertificateIndex);
        // The list across the register: province and stars, then validity on a date; the id orders pages.
        builder.HasIndex(p => new { p.ProvinceCode, p.Stars, p.Id });
        builder.HasIndex(p => new { p.Stars, p.Id });
        builder.HasIndex(p => new { p.ExpiresOn, p.CertifiedOn });
        builder.Property(p => p.Version).IsConcurrencyToken().HasDefaultValue(AggregateRoot.InitialVersion).ValueGeneratedNever();
    }
}
