using Npgsql;

namespace CoopApi.Infrastructure.ReadSide;

/// <summary>
/// Where the SQL read side sends its queries: the read-only server of
/// <c>ConnectionStrings:ReadOnly</c> (a streaming replica, e.g. CloudNativePG's <c>-ro</c>
/// service) when one is configured, otherwise the primary. Commands never come here: EF Core, the
/// transaction runner and the idempotency store always use the primary.
/// </summary>
/// <remarks>
/// A replica lags the primary by a little (usually milliseconds, more under load), so a read
/// through it may not yet show a write just made. Inside <see cref="UsePrimary"/> (the API opens
/// it for every request that is not a GET or HEAD, and for a GET or HEAD that asks for it with
/// <c>X-Read-Consistency: strong</c>) every query goes to the primary: read-your-writes.
/// </remarks>
public sealed class ReadSideDataSource : IDisposable
{
    private static readonly AsyncLocal<bool> PrimaryRequested = new();

    /// <summary>Reads go to <paramref name="replica"/> (or <paramref name="primary"/> when null).</summary>
    public ReadSideDataSource(NpgsqlDataSource primary, NpgsqlDataSource? replica)
    {
        Primary = primary;
        Replica = replica;
    }

    /// <summary>The primary's data source (the write side's).</summary>
    public NpgsqlDataSource Primary { get; }

    /// <summary>The read-only server's data source, or null when reads go to the primary.</summary>
    public NpgsqlDataSource? Replica { get; }

    /// <summary>The data source a query of the current flow uses.</summary>
    public NpgsqlDataSource Current => Replica is null || PrimaryRequested.Value ? Primary : Replica;

    /// <summary>
    /// Sends every read of the current asynchronous flow to the primary until the result is
    /// disposed (read-your-writes).
    /// </summary>
    public static IDisposable UsePrimary()
    {
        var previous = PrimaryRequested.Value;
        PrimaryRequested.Value = true;
        return new Restore(previous);
    }

    /// <summary>A command on a connection of <see cref="Current"/> (see <see cref="NpgsqlDataSource.CreateCommand"/>).</summary>
    public NpgsqlCommand CreateCommand(string? commandText = null) => Current.CreateCommand(commandText);

    /// <summary>A batch on a connection of <see cref="Current"/> (see <see cref="NpgsqlDataSource.CreateBatch"/>).</summary>
    public NpgsqlBatch CreateBatch() => Current.CreateBatch();

    /// <summary>Closes the replica's pool (the primary's belongs to the container).</summary>
    public void Dispose() => Replica?.Dispose();

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => PrimaryRequested.Value = previous;
    }
}
