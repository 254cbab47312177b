using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.ApiKeys;

namespace CoopApi.Application.Common.Security;

/// <summary>
/// Where a caller may write. A write to anything that belongs to a province needs that province
/// among the caller's (<c>province</c> claim or the key's list) or the national right <c>*</c>;
/// moving a record into another province is a write there. Reads are not restricted by province.
/// </summary>
public static class ProvinceRights
{
    /// <summary>True when the caller holds every province (<c>*</c>).</summary>
    public static bool IsNational(this ICurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && user.Provinces.Contains(ApiKeyRules.National);
    }

    /// <summary>True when the caller may write in <paramref name="provinceCode"/>.</summary>
    public static bool CanWriteIn(this ICurrentUser user, string provinceCode)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsAuthenticated && (user.Provinces.Contains(ApiKeyRules.National) || user.Provinces.Contains(provinceCode));
    }

    /// <summary>Throws <see cref="ForbiddenException"/> (HTTP 403) unless the caller may write in every given province.</summary>
    public static void EnsureCanWriteIn(this ICurrentUser user, params string[] provinceCodes)
    {
        ArgumentNullException.ThrowIfNull(provinceCodes);
        foreach (var code in provinceCodes.Distinct(StringComparer.Ordinal))
        {
            if (!user.CanWriteIn(code))
            {
                throw new ForbiddenException("provinceNotGranted",
                    $"Your credential may not write in province {code}.",
                    $"Thông tin xác thực của bạn không được phép ghi dữ liệu tại tỉnh {code}.");
            }
        }
    }
}
