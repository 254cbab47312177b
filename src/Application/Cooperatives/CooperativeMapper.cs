using CoopApi.Domain.Cooperatives;
using Riok.Mapperly.Abstractions;

namespace CoopApi.Application.Cooperatives;

/// <summary>
/// Entity → DTO mappings, generated at compile time by Mapperly. The <see cref="IQueryable"/>
/// projections become a plain SQL <c>SELECT</c> of the needed columns: lists never load entities.
/// </summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class CooperativeMapper
{
    /// <summary>Maps a loaded organization.</summary>
    public static partial CooperativeDto ToDto(this Cooperative cooperative);

    /// <summary>Projects a query of organizations straight to DTOs (translated to SQL).</summary>
    public static partial IQueryable<CooperativeDto> ProjectToDto(this IQueryable<Cooperative> query);

    /// <summary>Maps a status history entry.</summary>
    public static partial StatusChangeDto ToDto(this StatusChange change);

    /// <summary>Projects status history entries straight to DTOs (translated to SQL).</summary>
    public static partial IQueryable<StatusChangeDto> ProjectToDto(this IQueryable<StatusChange> query);
}
