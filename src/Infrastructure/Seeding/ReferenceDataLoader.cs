using System.Security.Cryptography;
using CoopApi.Infrastructure.Persistence;
using CoopApi.Infrastructure.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace CoopApi.Infrastructure.Seeding;

/// <summary>
/// Writes the 34 provinces, 3,321 communes and the pre-reform merge tables shipped inside this
/// assembly (ReferenceData/*.csv, dataset dvhcvn/20250701, MIT licence: see LICENSE-dvhcvn.txt) to
/// the database, for queries and foreign keys; <see cref="AdministrativeUnitsLookup"/> reads the same files into memory.
/// Rows are upserted through COPY into temporary tables, in one transaction, and only when the
/// files' checksum differs from the one recorded: a restart costs one query.
/// </summary>
internal sealed class ReferenceDataLoader(CoopDbContext db, TimeProvider time, ILogger<ReferenceDataLoader> logger)
{
    public const string SeedName = "administrative-units-2025";

    public async Task LoadAsync(CancellationToken ct)
    {
        var contents = ReferenceDataFiles.All.ToDictionary(f => f, ReferenceDataFiles.Read);
        var checksum = Convert.ToHexString(SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Concat(ReferenceDataFiles.All.Select(f => contents[f])))));
        var seed = await db.SeedHistory.AsNoTracking().FirstOrDefaultAsync(s => s.Name == SeedName, ct);
        if (seed?.Checksum == checksum)
        {
            return;
        }

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(token);
            // Two instances starting together must not load twice.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(4242001)", token);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();

            await CopyAsync(connection, "provinces", ["code", "name", "kind"], Rows(contents["provinces-2025.csv"]), token);
            await CopyAsync(connection, "communes", ["code", "name", "kind", "province_code"], Rows(contents["communes-2025.csv"]), token);
            await CopyAsync(connection, "province_merges", ["new_code", "old_code", "old_name"], Rows(contents["province-merges-2025.csv"]), token);
            await CopyAsync(connection, "commune_merges", ["new_code", "old_code", "old_name", "part"], Rows(contents["commune-merges-2025.csv"]), token);

            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO provinces (code, name, kind) SELECT code, name, kind FROM tmp_provinces
                  ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind;
                INSERT INTO communes (code, name, kind, province_code) SELECT code, name, kind, province_code FROM tmp_communes
                  ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, province_code = EXCLUDED.province_code;
                DELETE FROM province_merges;
                INSERT INTO province_merges (new_code, old_code, old_name) SELECT new_code, old_code, old_name FROM tmp_province_merges;
                DELETE FROM commune_merges;
                INSERT INTO commune_merges (new_code, old_code, old_name, part) SELECT new_code, old_code, old_name, part FROM tmp_commune_merges;
                """, token);

            var record = await db.SeedHistory.FirstOrDefaultAsync(s => s.Name == SeedName, token);
            if (record is null)
            {
                db.SeedHistory.Add(new SeedRecord { Name = SeedName, Checksum = checksum, AppliedAt = time.GetUtcNow() });
            }
            else
            {
                record.Checksum = checksum;
                record.AppliedAt = time.GetUtcNow();
            }

            await db.SaveChangesAsync(token);
            await tx.CommitAsync(token);
        }, ct);
        logger.LogInformation("Loaded reference data {SeedName}", SeedName);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, string table, string[] columns,
        IEnumerable<string[]> rows, CancellationToken ct)
    {
        var columnList = string.Join(", ", columns);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE tmp_{table} ON COMMIT DROP AS SELECT {columnList} FROM {table} WITH NO DATA", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        await using var importer = await connection.BeginBinaryImportAsync($"COPY tmp_{table} ({columnList}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var value in row)
            {
                await importer.WriteAsync(value, NpgsqlDbType.Varchar, ct);
            }
        }

        await importer.CompleteAsync(ct);
    }

    private static IEnumerable<string[]> Rows(string csv) => ReferenceDataFiles.RowsOf(csv);
}
