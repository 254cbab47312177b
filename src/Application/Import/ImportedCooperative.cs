using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Cooperatives.Commands;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;

namespace CoopApi.Application.Import;

/// <summary>
/// One row of an import, read into the same field model a single registration or full update
/// uses (<see cref="CooperativeFields"/>), so that the same validator and the same domain methods
/// judge it. <see cref="Id"/> is the only addition: an exported row carries it, so that a row
/// without a registration code (a cooperative group) finds its record again.
/// </summary>
public sealed record ImportedCooperative : CooperativeFields
{
    /// <summary>Identifier of an existing record (from an export); used only when the row has no registration code.</summary>
    public Guid? Id { get; init; }

    /// <summary>The domain's value of a validated row.</summary>
    public CooperativeDetails ToDetails() => CooperativeFieldsExtensions.ToDetails(this);
}

/// <summary>
/// The rules of a single write (<see cref="CooperativeFieldsValidator{T}"/>), applied to an
/// imported row: not a second list of rules.
/// </summary>
public sealed class ImportedCooperativeValidator(IAdministrativeUnits units, IVietnamCalendar calendar)
    : CooperativeFieldsValidator<ImportedCooperative>(units, calendar);
