using CoopApi.Domain.Common;

namespace CoopApi.Domain.Cooperatives;

/// <summary>Kinds of collective economic organization (Law on Cooperatives 17/2023/QH15).</summary>
public enum OrganizationKind
{
    /// <summary>Hợp tác xã (HTX): at least 5 official members.</summary>
    [Label("Hợp tác xã", "Cooperative")]
    Cooperative = 1,

    /// <summary>Tổ hợp tác (THT): at least 2 members; a registration code is optional.</summary>
    [Label("Tổ hợp tác", "Cooperative group")]
    CooperativeGroup = 2,

    /// <summary>Liên hiệp hợp tác xã (LH HTX): at least 3 member cooperatives.</summary>
    [Label("Liên hiệp hợp tác xã", "Union of cooperatives")]
    CooperativeUnion = 3,
}
