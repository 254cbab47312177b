using CoopApi.Application.Common.Exceptions;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Application.Common.Search;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Common;
using CoopApi.Domain.Cooperatives;
using CoopApi.Infrastructure.Persistence.Events;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>The PostgreSQL database of the register.</summary>
public sealed class CoopDbContext(DbContextOptions<CoopDbContext> options) : DbContext(options), IApplicationDbContext
{
    /// <summary>Name of the ICU collation that sorts Vietnamese names in dictionary order.</summary>
    public const string VietnameseCollation = "vietnamese";

    /// <summary>SQL function that folds text for search (no diacritics, lower case).</summary>
    public const string FoldFunction = "coop_search_fold";

    /// <inheritdoc />
    public DbSet<Cooperative> Cooperatives => Set<Cooperative>();

    /// <inheritdoc />
    public DbSet<StatusChange> StatusChanges => Set<StatusChange>();

    /// <inheritdoc />
    public DbSet<Province> Provinces => Set<Province>();

    /// <inheritdoc />
    public DbSet<Commune> Communes => Set<Commune>();

    /// <inheritdoc />
    public DbSet<ProvinceMerge> ProvinceMerges => Set<ProvinceMerge>();

    /// <inheritdoc />
    public DbSet<CommuneMerge> CommuneMerges => Set<CommuneMerge>();

    /// <summary>Which seed data sets have been loaded, with their checksums.</summary>
    public DbSet<SeedRecord> SeedHistory => Set<SeedRecord>();

    /// <summary>The append-only outbox of domain events (<c>domain_events</c>).</summary>
    public DbSet<StoredEvent> DomainEvents => Set<StoredEvent>();

    /// <summary>
    /// Who the events of the current unit of work are attributed to; set by the transaction
    /// runner for the length of a command (the context is pooled, so it cannot take the scoped
    /// current user in its constructor).
    /// </summary>
    internal string? Actor { get; set; }

    /// <summary>
    /// Saves (see <see cref="SaveChangesAsync(bool, CancellationToken)"/> for the events), turning
    /// database errors into the application's: a lost race (a moved version, or a referenced row
    /// deleted after the load), a constraint a feature declared, a duplicate.
    /// </summary>
    public override async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException(clientPrecondition: false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException pg && ConstraintErrorCatalogue.Translate(pg) is { } mapped)
        {
            // The feature that owns the constraint declared what it means (IDeclareConstraintErrors).
            throw mapped;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            // Every command loads the rows it refers to before it writes, so a reference that is
            // gone at save time was deleted by a concurrent writer after the load: a lost race, like
            // a moved version (the generated fuzz run found a member added to a committee deleted
            // in between answered 500). Features may still declare a more precise meaning above.
            throw new ConcurrencyConflictException(clientPrecondition: false);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg)
        {
            throw new DuplicateException("", $"A unique value is already taken ({pg.ConstraintName}).",
                $"Giá trị đã tồn tại ({pg.ConstraintName}).");
        }
    }

    /// <summary>
    /// Every save goes through here: a change to a domain entity that no event describes is
    /// refused (<see cref="InvalidOperationException"/>); every aggregate that raised events gets
    /// its version moved by one (the concurrency token of its root row) and its timestamps
    /// stamped; its events are appended to <c>domain_events</c> with its version, province and
    /// representation, in the same save, hence the same transaction. Once saved, the aggregates
    /// forget them; when the save fails, the rows leave the change tracker and the events stay with
    /// their aggregates, so nothing is stored twice.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var services = WriteServices.Of(this);
        var (rows, sources) = DomainEventOutbox.Append(this, Actor, services.Clock.GetUtcNow(), services.Representations);
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            DomainEventOutbox.Stored(sources);
            return saved;
        }
        catch
        {
            DomainEventOutbox.NotStored(this, rows);
            throw;
        }
    }

    /// <summary>
    /// Not used: every write is asynchronous and goes through
    /// <see cref="SaveChangesAsync(bool, CancellationToken)"/>, which stores the domain events. A
    /// synchronous save would have to repeat that, so it is refused instead of silently skipping it.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save with SaveChangesAsync: it stores the domain events with the change.");

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasCollation(VietnameseCollation, locale: "vi-VN", provider: "icu", deterministic: true);
        modelBuilder.HasDbFunction(typeof(SearchFunctions).GetMethod(nameof(SearchFunctions.Fold))!)
            .HasName(FoldFunction).HasSchema("public");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CoopDbContext).Assembly);
        // Raised events travel to domain_events as rows, not as columns of the aggregate.
        foreach (var aggregate in modelBuilder.Model.GetEntityTypes().Where(t => typeof(AggregateRoot).IsAssignableFrom(t.ClrType)).ToList())
        {
            modelBuilder.Entity(aggregate.ClrType).Ignore(nameof(AggregateRoot.DomainEvents)).Ignore(nameof(AggregateRoot.AggregateType));
        }
    }
}
