using System.Globalization;
using CoopApi.Application.Common.Interfaces;
using CoopApi.Domain.AdministrativeUnits;
using CoopApi.Domain.Cooperatives;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CoopApi.Application.UnitTests.Fakes;

/// <summary>
/// An <see cref="IApplicationDbContext"/> with no database behind it: touching any set fails the
/// test, which proves that the code under test never reached the database.
/// </summary>
internal sealed class NoDatabase : IApplicationDbContext
{
    public int Touched { get; private set; }

    public DbSet<Cooperative> Cooperatives => Fail<Cooperative>();

    public DbSet<StatusChange> StatusChanges => Fail<StatusChange>();

    public DbSet<Province> Provinces => Fail<Province>();

    public DbSet<Commune> Communes => Fail<Commune>();

    public DbSet<ProvinceMerge> ProvinceMerges => Fail<ProvinceMerge>();

    public DbSet<CommuneMerge> CommuneMerges => Fail<CommuneMerge>();

    public DbSet<T> Set<T>() where T : class => Fail<T>();

    public Task<int> SaveChangesAsync(CancellationToken cancellationToken)
    {
        Touched++;
        throw new NoDatabaseException();
    }

    private DbSet<T> Fail<T>() where T : class
    {
        Touched++;
        throw new NoDatabaseException();
    }
}

/// <summary>Thrown by <see cref="NoDatabase"/>: an "unexpected" failure as far as the pipeline knows.</summary>
internal sealed class NoDatabaseException() : InvalidOperationException("Unit tests have no database.");

internal sealed class FixedCalendar : IVietnamCalendar
{
    public static readonly DateOnly Day = new(2025, 11, 20);

    public DateTimeOffset Now { get; } = new(2025, 11, 20, 3, 0, 0, TimeSpan.Zero);

    public DateOnly Today => Day;
}

/// <summary>Records every unit of work it is given and runs it, flagging that it is "inside" a transaction.</summary>
internal sealed class RecordingTransactionRunner : ITransactionRunner
{
    public int Runs { get; private set; }

    public bool InTransaction { get; private set; }

    public CancellationToken LastToken { get; private set; }

    public async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Runs++;
        LastToken = cancellationToken;
        InTransaction = true;
        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            InTransaction = false;
        }
    }
}

internal sealed record LogEntry(LogLevel Level, Exception? Exception, string Message);

/// <summary>Shared sink so that every <see cref="RecordingLogger{T}"/> of one container writes to the same list.</summary>
internal sealed class LogSink
{
    private readonly List<LogEntry> _entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (_entries)
            {
                return _entries.ToList();
            }
        }
    }

    public void Add(LogEntry entry)
    {
        lock (_entries)
        {
            _entries.Add(entry);
        }
    }
}

internal sealed class RecordingLogger<T>(LogSink sink) : ILogger<T>
{
    public RecordingLogger()
        : this(new LogSink())
    {
    }

    public LogSink Sink { get; } = sink;

    public IReadOnlyList<LogEntry> Entries => Sink.Entries;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Sink.Add(new LogEntry(logLevel, exception, formatter(state, exception)));
    }
}

/// <summary>Sets the UI culture for the lifetime of a test and puts the previous one back.</summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

    public UiCulture(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

    public void Dispose() => CultureInfo.CurrentUICulture = _previous;
}
