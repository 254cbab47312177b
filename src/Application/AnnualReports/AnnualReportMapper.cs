using CoopApi.Domain.AnnualReports;
using Riok.Mapperly.Abstractions;

namespace CoopApi.Application.AnnualReports;

/// <summary>Aggregate → DTO mapping of annual reports, generated at compile time by Mapperly.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class AnnualReportMapper
{
    /// <summary>Maps a loaded report.</summary>
    public static partial AnnualReportDto ToDto(this AnnualReport report);
}
