using System.Globalization;
using CoopApi.IntegrationTests.Support;
using Npgsql;

namespace CoopApi.IntegrationTests.Reliability;

/// <summary>Reads what the API stored, straight from PostgreSQL, for the reliability checks.</summary>
internal sealed class Database(string connectionString)
{
    public string ConnectionString { get; } = connectionString;

        public Task<T> ScalarAsync<T>(string sql, params object[] parameters) =>
        Sql.ScalarAsync<T>(ConnectionString, sql, parameters);

    /// <summary>Every row of a query, its columns as text (NULL as null).</summary>
    public async Task<List<string?[]>> RowsAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }
}
