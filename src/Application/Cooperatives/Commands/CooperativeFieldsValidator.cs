using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Validation;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using FluentValidation;

namespace CoopApi.Application.Cooperatives.Commands;

/// <summary>
/// Rules shared by registration and full update, reported field by field (400). Every rule, code
/// and text is the domain's (<see cref="OrganizationRules"/>, <see cref="RegistrationCode"/>,
/// <see cref="ProvinceCode"/>, <see cref="CommuneCode"/>); provinces and communes are looked up
/// in the in-memory administrative map, so validation makes no database round trip.
/// </summary>
public abstract class CooperativeFieldsValidator<T> : AbstractValidator<T> where T : CooperativeFields
{
    /// <summary>Creates the rules.</summary>
    protected CooperativeFieldsValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(calendar);

        RuleFor(x => x.Name).Satisfies((_, v) => OrganizationRules.CheckName(v));
        RuleFor(x => x.Kind).Satisfies((_, v) => OrganizationRules.CheckKind(v));
        RuleFor(x => x.Sector).Satisfies((_, v) => OrganizationRules.CheckSector(v));
        RuleFor(x => x.RegistrationCode)
            .Satisfies((x, v) => RegistrationCode.Check(v, x.Kind!.Value))
            .When(x => x.Kind is { } kind && Enum.IsDefined(kind));
        RuleFor(x => x.ProvinceCode)
            .Satisfies((_, v) => ProvinceCode.CheckFormat(v) ?? ProvinceCode.CheckExists(v!, units));
        RuleFor(x => x.CommuneCode)
            .Satisfies((x, v) => CommuneCode.CheckFormat(v) ?? CommuneCode.CheckExists(v!, units)
                ?? (ProvinceCode.CheckFormat(x.ProvinceCode) is null ? CommuneCode.CheckInProvince(v!, x.ProvinceCode!, units) : null));
        RuleFor(x => x.Address).Satisfies((_, v) => OrganizationRules.CheckAddress(v));
        RuleFor(x => x.EstablishedOn).Satisfies((_, v) => OrganizationRules.CheckFoundingDate(v, calendar.Today));
        RuleFor(x => x.CharterCapital).Satisfies((_, v) => OrganizationRules.CheckCharterCapital(v));
        RuleFor(x => x.MemberCount).Satisfies((x, v) => OrganizationRules.CheckMemberCount(v, x.Kind));
        RuleFor(x => x.EmployeeCount).Satisfies((_, v) => OrganizationRules.CheckEmployeeCount(v));
        RuleFor(x => x.Representative).Satisfies((_, v) => OrganizationRules.CheckRepresentative(v));
        RuleFor(x => x.Phone).Satisfies((_, v) => OrganizationRules.CheckPhone(v));
        RuleFor(x => x.Email).Satisfies((_, v) => OrganizationRules.CheckEmail(v));
        RuleFor(x => x.MainProducts).SatisfiesAll((_, v) => OrganizationRules.CheckMainProducts(v));
    }
}
