using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;

namespace CoopApi.Application.Common.Interfaces;

/// <summary>
/// The database as the use cases see it. Handlers query and change these sets directly: no
/// generic repository in between (EF Core already is a unit of work and a repository).
/// </summary>
public interface IApplicationDbContext
{
    /// <summary>Organizations in the register.</summary>
    DbSet<Cooperative> Cooperatives { get; }

    /// <summary>Status history entries of all organizations.</summary>
    DbSet<StatusChange> StatusChanges { get; }

    /// <summary>Provinces (reference data).</summary>
    DbSet<Province> Provinces { get; }

    /// <summary>Communes (reference data).</summary>
    DbSet<Commune> Communes { get; }

    /// <summary>Pre-reform province codes mapped to current ones.</summary>
    DbSet<ProvinceMerge> ProvinceMerges { get; }

    /// <summary>Pre-reform commune codes mapped to current ones.</summary>
    DbSet<CommuneMerge> CommuneMerges { get; }

    /// <summary>
    /// The set of any entity the model knows. The model is built from every entity
    /// configuration in the persistence layer, so a new aggregate needs no property here: its
    /// handlers ask <c>db.Set&lt;Classification&gt;()</c>.
    /// </summary>
#pragma warning disable CA1716 // named as DbContext names it, so that CoopDbContext implements it as is
    DbSet<TEntity> Set<TEntity>() where TEntity : class;
#pragma warning restore CA1716

    /// <summary>
    /// Saves tracked changes. A taken unique value surfaces as
    /// <see cref="Exceptions.DuplicateException"/>, a lost race on a concurrency token as
    /// <see cref="Exceptions.ConcurrencyConflictException"/>.
    /// </summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken);
}
