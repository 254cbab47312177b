using CoopApi.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CoopApi.Infrastructure.Persistence;

/// <summary>
/// What the write path needs from the application at save time: the clock (timestamps) and the
/// representation of each aggregate type (the state stored with its events). The context is
/// pooled, so it cannot take them in its constructor; they are singletons of the application's
/// service provider, which EF Core keeps in the context's options.
/// </summary>
internal sealed class WriteServices
{
    private static readonly WriteServices Fallback = new(TimeProvider.System, []);
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IServiceProvider, WriteServices> Cache = new();

    private WriteServices(TimeProvider clock, IEnumerable<IResourceRepresentation> representations)
    {
        Clock = clock;
        Representations = representations.ToDictionary(r => r.AggregateClrType);
    }

    /// <summary>The clock that stamps <c>createdAt</c> and <c>updatedAt</c>.</summary>
    public TimeProvider Clock { get; }

    /// <summary>The representation of each aggregate type, by CLR type.</summary>
    public IReadOnlyDictionary<Type, IResourceRepresentation> Representations { get; }

    /// <summary>
    /// The services of the application <paramref name="db"/> belongs to; without one (design time),
    /// the system clock and no representations (saving an aggregate's events then fails loudly).
    /// </summary>
    public static WriteServices Of(DbContext db)
    {
        var services = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider;
        return services is null
            ? Fallback
            : Cache.GetValue(services, sp => new WriteServices(
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetServices<IResourceRepresentation>()));
    }
}
