using CoopApi.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// Enumerations are stored as their camelCase API names (readable for dashboards that query the
/// database directly) and a CHECK constraint keeps out anything else.
/// </summary>
internal static class EnumStorage
{
    public static PropertyBuilder<TEnum> StoredAsName<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion(v => EnumLabels.ApiName(v), s => Parse<TEnum>(s)).HasMaxLength(32);

    public static PropertyBuilder<TEnum?> StoredAsName<TEnum>(this PropertyBuilder<TEnum?> property) where TEnum : struct, Enum =>
        property.HasConversion(v => v == null ? null : EnumLabels.ApiName(v.Value),
            s => s == null ? null : Parse<TEnum>(s)).HasMaxLength(32);

    public static void HasEnumCheck<TEntity, TEnum>(this EntityTypeBuilder<TEntity> entity, string table, string column)
        where TEntity : class where TEnum : struct, Enum
    {
        var values = string.Join(", ", Enum.GetValues<TEnum>().Select(v => $"'{EnumLabels.ApiName(v)}'"));
        entity.ToTable(t => t.HasCheckConstraint($"ck_{table}_{column}", $"{column} IN ({values})"));
    }

    private static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum => Enum.Parse<TEnum>(value, ignoreCase: true);
}
