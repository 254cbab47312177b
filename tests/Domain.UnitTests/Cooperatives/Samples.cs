using CoopApi.Tests.Common;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Domain.UnitTests.Cooperatives;

/// <summary>Valid inputs for the aggregate; each test changes only what it is about.</summary>
internal static class Samples
{
    public static readonly DateOnly Today = new(2025, 11, 20);

    public static readonly DateTimeOffset Now = new(2025, 11, 20, 3, 15, 0, TimeSpan.Zero);

    public static readonly DateOnly Founded = new(2015, 3, 12);

    public static CooperativeDetails Details(OrganizationKind kind = OrganizationKind.Cooperative) => new(
        RegistrationCode: kind == OrganizationKind.CooperativeGroup ? null : "4900123456",
        Name: "Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh",
        Kind: kind,
        Sector: Sector.AgricultureForestryFishery,
        ProvinceCode: "20",
        CommuneCode: "06427",
        Address: "Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn",
        EstablishedOn: Founded,
        CharterCapital: 1_500_000_000,
        MemberCount: 35,
        EmployeeCount: 12,
        Representative: "Hoàng Văn Thắng",
        Phone: "0205 3825 123",
        Email: "htxcaikinh@example.vn",
        IsYouthCooperative: false,
        MainProducts: ["Na Chi Lăng", "Dịch vụ vật tư nông nghiệp"]);

    public static Cooperative Registered(CooperativeDetails? details = null) =>
        Cooperative.Register(details ?? Details(), Today, Now, SmallMap.Instance);

    /// <summary>
    /// A registered organization brought to <paramref name="status"/> by allowed steps, each
    /// effective on a later date than the one before, all well before <see cref="Today"/>.
    /// </summary>
    public static Cooperative InStatus(OrganizationStatus status)
    {
        var cooperative = Registered();
        OrganizationStatus[] path = status switch
        {
            OrganizationStatus.Active => [],
            OrganizationStatus.Suspended => [OrganizationStatus.Suspended],
            OrganizationStatus.AwaitingDissolution => [OrganizationStatus.AwaitingDissolution],
            OrganizationStatus.Dissolved => [OrganizationStatus.AwaitingDissolution, OrganizationStatus.Dissolved],
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        var date = new DateOnly(2020, 1, 1);
        foreach (var step in path)
        {
            cooperative.ChangeStatus(step, date, "Quyết định số 12/QĐ-UBND", Today, Now);
            date = date.AddMonths(6);
        }

        Assert.Equal(status, cooperative.Status);
        return cooperative;
    }

    /// <summary>The transitions the law allows, written out independently of the product's table.</summary>
    public static readonly IReadOnlySet<(OrganizationStatus From, OrganizationStatus To)> AllowedByTheLaw =
        new HashSet<(OrganizationStatus, OrganizationStatus)>
        {
            (OrganizationStatus.Active, OrganizationStatus.Suspended),
            (OrganizationStatus.Suspended, OrganizationStatus.Active),
            (OrganizationStatus.Active, OrganizationStatus.AwaitingDissolution),
            (OrganizationStatus.Suspended, OrganizationStatus.AwaitingDissolution),
            (OrganizationStatus.AwaitingDissolution, OrganizationStatus.Dissolved),
            (OrganizationStatus.AwaitingDissolution, OrganizationStatus.Active),
        };
}
