using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Localization;
using CoopApi.Domain.Cooperatives;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Cooperatives.Commands;

/// <summary>
/// Rules shared by registration and full update. Field-level problems become a 400 with one
/// entry per field; whether a province and commune exist is checked against the reference data.
/// </summary>
public abstract class CooperativeFieldsValidator<T> : AbstractValidator<T> where T : CooperativeFields
{
    /// <summary>Earliest founding date accepted; anything before is a typing error.</summary>
    public static readonly DateOnly EarliestFoundingDate = new(1900, 1, 1);

    /// <summary>Creates the rules.</summary>
    protected CooperativeFieldsValidator(IApplicationDbContext db, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);

        RuleFor(x => x.Name).Cascade(CascadeMode.Stop)
            .Must(n => !string.IsNullOrWhiteSpace(n))
            .WithMessage(_ => Text.Pick("The name is required.", "Tên là bắt buộc."))
            .Must(n => n!.Trim().Length <= OrganizationRules.NameMaxLength)
            .WithMessage(_ => Text.Pick($"The name must be at most {OrganizationRules.NameMaxLength} characters.",
                $"Tên không được dài quá {OrganizationRules.NameMaxLength} ký tự."));

        RuleFor(x => x.Kind).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Pick("The kind is required.", "Loại hình tổ chức là bắt buộc."))
            .IsInEnum();

        RuleFor(x => x.Sector).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Pick("The sector is required.", "Lĩnh vực là bắt buộc."))
            .IsInEnum();

        RuleFor(x => x.RegistrationCode)
            .Must((x, code) => !string.IsNullOrWhiteSpace(code))
            .When(x => x.Kind is { } kind && Enum.IsDefined(kind) && OrganizationRules.RequiresRegistrationCode(kind))
            .WithMessage(_ => Text.Pick("A registration code is required for cooperatives and unions.",
                "Hợp tác xã và liên hiệp hợp tác xã phải có mã số đăng ký."));

        RuleFor(x => x.RegistrationCode)
            .Must(code => OrganizationRules.IsValidRegistrationCode(code!.Trim()))
            .When(x => !string.IsNullOrWhiteSpace(x.RegistrationCode))
            .WithMessage(_ => Text.Pick("The registration code must be 10 digits, optionally followed by -NNN (e.g. 4900123456 or 4900123456-001).",
                "Mã số đăng ký phải gồm 10 chữ số, có thể kèm hậu tố -NNN (ví dụ 4900123456 hoặc 4900123456-001)."));

        RuleFor(x => x.ProvinceCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => Text.Pick("The province code is required.", "Mã tỉnh là bắt buộc."))
            .Must(c => OrganizationRules.IsValidProvinceCode(c!))
            .WithMessage(_ => Text.Pick("The province code must be 2 digits.", "Mã tỉnh phải gồm 2 chữ số."))
            .CustomAsync(async (code, ctx, ct) =>
            {
                if (await db.Provinces.AnyAsync(p => p.Code == code, ct))
                {
                    return;
                }

                var current = await db.ProvinceMerges.Where(m => m.OldCode == code).Select(m => m.NewCode).FirstOrDefaultAsync(ct);
                ctx.AddFailure(current is null
                    ? Text.Pick($"There is no province with code {code}.", $"Không có tỉnh nào mang mã {code}.")
                    : Text.Pick($"{code} is a pre-reform province code; since 1 July 2025 it is part of province {current}.",
                        $"{code} là mã tỉnh trước sắp xếp; từ 1/7/2025 thuộc tỉnh mã {current}."));
            });

        RuleFor(x => x.CommuneCode).Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(_ => Text.Pick("The commune code is required.", "Mã xã là bắt buộc."))
            .Must(c => OrganizationRules.IsValidCommuneCode(c!))
            .WithMessage(_ => Text.Pick("The commune code must be 5 digits.", "Mã xã phải gồm 5 chữ số."))
            .CustomAsync(async (code, ctx, ct) =>
            {
                var commune = await db.Communes.Where(c => c.Code == code)
                    .Select(c => new { c.ProvinceCode, c.Name }).FirstOrDefaultAsync(ct);
                if (commune is null)
                {
                    var current = await db.CommuneMerges.Where(m => m.OldCode == code)
                        .Select(m => m.NewCode).OrderBy(c => c).ToListAsync(ct);
                    ctx.AddFailure(current.Count == 0
                        ? Text.Pick($"There is no commune with code {code}.", $"Không có xã nào mang mã {code}.")
                        : Text.Pick($"{code} is a pre-reform commune code; since 1 July 2025 it is part of {string.Join(", ", current)}.",
                            $"{code} là mã xã trước sắp xếp; từ 1/7/2025 thuộc đơn vị mã {string.Join(", ", current)}."));
                    return;
                }

                var province = ctx.InstanceToValidate.ProvinceCode;
                if (province is not null && commune.ProvinceCode != province)
                {
                    ctx.AddFailure(Text.Pick(
                        $"Commune {code} ({commune.Name}) belongs to province {commune.ProvinceCode}, not {province}.",
                        $"Xã mã {code} ({commune.Name}) thuộc tỉnh mã {commune.ProvinceCode}, không thuộc tỉnh mã {province}."));
                }
            });

        RuleFor(x => x.Address).MaximumLength(500);

        RuleFor(x => x.EstablishedOn).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Pick("The founding date is required.", "Ngày thành lập là bắt buộc."))
            .Must(d => d <= calendar.Today)
            .WithMessage(_ => Text.Pick("The founding date cannot be in the future.", "Ngày thành lập không được ở tương lai."))
            .Must(d => d >= EarliestFoundingDate)
            .WithMessage(_ => Text.Pick($"The founding date must be on or after {EarliestFoundingDate:yyyy-MM-dd}.",
                $"Ngày thành lập phải từ {EarliestFoundingDate:yyyy-MM-dd} trở đi."));

        RuleFor(x => x.CharterCapital).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Pick("The charter capital is required (VND, 0 if none).", "Vốn điều lệ là bắt buộc (đồng, ghi 0 nếu không có)."))
            .GreaterThanOrEqualTo(0);

        RuleFor(x => x.MemberCount).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(_ => Text.Pick("The number of members is required.", "Số thành viên là bắt buộc."))
            .LessThanOrEqualTo(10_000_000)
            .Must((x, count) => count >= OrganizationRules.MinimumMembers(x.Kind!.Value))
            .When(x => x.Kind is { } kind && Enum.IsDefined(kind), ApplyConditionTo.CurrentValidator)
            .WithMessage((x, _) => Text.Pick(
                $"A {Describe(x.Kind!.Value).English.ToLowerInvariant()} needs at least {OrganizationRules.MinimumMembers(x.Kind!.Value)} members (Law on Cooperatives 2023).",
                $"{Describe(x.Kind!.Value).Vietnamese} phải có ít nhất {OrganizationRules.MinimumMembers(x.Kind!.Value)} thành viên (Luật Hợp tác xã 2023)."));

        RuleFor(x => x.EmployeeCount).GreaterThanOrEqualTo(0).LessThanOrEqualTo(10_000_000);
        RuleFor(x => x.Representative).MaximumLength(255);
        RuleFor(x => x.Phone).MaximumLength(30)
            .Matches(@"^\+?[0-9 ().-]{6,30}\z").When(x => !string.IsNullOrWhiteSpace(x.Phone))
            .WithMessage(_ => Text.Pick("The phone number may contain only digits, spaces, '+', '(', ')', '.' and '-'.",
                "Số điện thoại chỉ được gồm chữ số, dấu cách và các ký tự + ( ) . -"));
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
        RuleFor(x => x.MainProducts).Must(p => p!.Count <= 50).When(x => x.MainProducts is not null)
            .WithMessage(_ => Text.Pick("At most 50 main products.", "Tối đa 50 sản phẩm chính."));
        RuleForEach(x => x.MainProducts).NotEmpty().MaximumLength(255);
    }

    private static Domain.Common.LabelAttribute Describe(OrganizationKind kind) => Domain.Common.EnumLabels.Of(kind);
}
