using CoopApi.Application.Common.Messaging;
using CoopApi.Application.Cooperatives.Queries.ListCooperatives;
using FluentValidation;
using MediatR;

namespace CoopApi.Application.Import.Queries.ExportCooperatives;

/// <summary>
/// The register as CSV in the import's format (UTF-8 with a BOM, comma-separated, English field
/// names), with the list's filters, written row by row to <see cref="Output"/> straight from a
/// database reader: memory stays flat whatever the number of rows.
/// </summary>
public sealed record ExportCooperativesQuery : IQuery<int>
{
    /// <summary>The list's filters (and sort); paging is ignored: every matching row is written.</summary>
    public required ListCooperativesQuery Filters { get; init; }

    /// <summary>Where the CSV goes (the response body).</summary>
    public required Stream Output { get; init; }
}

/// <summary>Writes the register as CSV.</summary>
public interface ICooperativeExport
{
    /// <summary>Writes every row matching <paramref name="filters"/>; returns how many.</summary>
    Task<int> WriteCsvAsync(ListCooperativesQuery filters, Stream output, CancellationToken cancellationToken);
}

/// <summary>Handles <see cref="ExportCooperativesQuery"/> on the read side.</summary>
public sealed class ExportCooperativesQueryHandler(ICooperativeExport export) : IRequestHandler<ExportCooperativesQuery, int>
{
    /// <inheritdoc />
    public Task<int> Handle(ExportCooperativesQuery request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return export.WriteCsvAsync(request.Filters, request.Output, cancellationToken);
    }
}

/// <summary>The filters of an export obey the list's rules (same validator, same messages).</summary>
public sealed class ExportCooperativesQueryValidator : AbstractValidator<ExportCooperativesQuery>
{
    /// <summary>Creates the rules.</summary>
    public ExportCooperativesQueryValidator(Domain.AdministrativeUnits.IAdministrativeUnits units)
    {
        var list = new ListCooperativesQueryValidator(units);
        RuleFor(x => x.Filters).Custom((filters, context) =>
        {
            foreach (var failure in list.Validate(filters).Errors)
            {
                context.AddFailure(failure);
            }
        });
    }
}
