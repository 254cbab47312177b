using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Cooperatives;

/// <summary>An organization in the register, as the API returns it.</summary>
public sealed record CooperativeDto
{
    /// <summary>Server-assigned identifier (UUID v7).</summary>
    /// <example>019a1b2c-3d4e-7f00-8a9b-0c1d2e3f4a5b</example>
    public required Guid Id { get; init; }

    /// <summary>Tax code (mã số HTX): 10 digits, optionally <c>-NNN</c> for a branch. Absent for groups without one.</summary>
    /// <example>4900123456</example>
    public string? RegistrationCode { get; init; }

    /// <summary>Full name, Vietnamese text exactly as registered.</summary>
    /// <example>Hợp tác xã sản xuất, kinh doanh dịch vụ nông lâm nghiệp Cai Kinh</example>
    public required string Name { get; init; }

    /// <summary>Kind of organization.</summary>
    public required OrganizationKind Kind { get; init; }

    /// <summary>Field of activity.</summary>
    public required Sector Sector { get; init; }

    /// <summary>Current status. Changed only through <c>POST /api/v1/cooperatives/{id}/status</c>.</summary>
    public required OrganizationStatus Status { get; init; }

    /// <summary>Province code (2 digits, after the 1 July 2025 reform).</summary>
    /// <example>20</example>
    public required string ProvinceCode { get; init; }

    /// <summary>Commune code (5 digits, after the reform).</summary>
    /// <example>06427</example>
    public required string CommuneCode { get; init; }

    /// <summary>Street address.</summary>
    /// <example>Thôn Làng Bên, xã Cai Kinh, tỉnh Lạng Sơn</example>
    public string? Address { get; init; }

    /// <summary>Founding date (yyyy-MM-dd).</summary>
    /// <example>2015-03-12</example>
    public required DateOnly EstablishedOn { get; init; }

    /// <summary>Charter capital (vốn điều lệ), integer VND.</summary>
    /// <example>1500000000</example>
    public required long CharterCapital { get; init; }

    /// <summary>Official members (member cooperatives, for a union).</summary>
    /// <example>35</example>
    public required int MemberCount { get; init; }

    /// <summary>Employees.</summary>
    /// <example>12</example>
    public int? EmployeeCount { get; init; }

    /// <summary>Legal representative.</summary>
    /// <example>Hoàng Văn Thắng</example>
    public string? Representative { get; init; }

    /// <summary>Contact phone.</summary>
    /// <example>0205 3825 123</example>
    public string? Phone { get; init; }

    /// <summary>Contact e-mail.</summary>
    /// <example>htxcaikinh@example.vn</example>
    public string? Email { get; init; }

    /// <summary>Youth cooperative (HTX thanh niên): founded and run by young people.</summary>
    public required bool IsYouthCooperative { get; init; }

    /// <summary>Main products or services.</summary>
    /// <example>["Na Chi Lăng", "Dịch vụ vật tư nông nghiệp"]</example>
    public required IReadOnlyList<string> MainProducts { get; init; }

    /// <summary>When the record was created (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record was last changed (UTC).</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>
    /// Version of the record: 1 when registered, one more for every accepted change (its status
    /// history included). Also sent as the <c>ETag</c> header: send it back in <c>If-Match</c> to
    /// update only if nobody changed the record in between.
    /// </summary>
    /// <example>3</example>
    public required int Version { get; init; }
}

/// <summary>One entry of an organization's status history.</summary>
public sealed record StatusChangeDto
{
    /// <summary>Identifier of the entry.</summary>
    public required Guid Id { get; init; }

    /// <summary>Status before the change; absent for the registration entry.</summary>
    public OrganizationStatus? FromStatus { get; init; }

    /// <summary>Status after the change.</summary>
    public required OrganizationStatus ToStatus { get; init; }

    /// <summary>Date the change took effect (yyyy-MM-dd).</summary>
    /// <example>2023-06-30</example>
    public required DateOnly EffectiveOn { get; init; }

    /// <summary>Why the status changed.</summary>
    /// <example>Quyết định số 125/QĐ-UBND tạm ngừng hoạt động 6 tháng</example>
    public required string Reason { get; init; }

    /// <summary>When the change was recorded (UTC).</summary>
    public required DateTimeOffset RecordedAt { get; init; }
}
