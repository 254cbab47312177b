using System.Globalization;
using Npgsql;

namespace CoopApi.IntegrationTests.Support;

/// <summary>Reads what the API stored straight from PostgreSQL, on a connection of its own.</summary>
internal static class Sql
{
    /// <summary>The first column of the first row of <paramref name="sql"/> ($1, $2… the parameters), as <typeparamref name="T"/>.</summary>
    public static async Task<T> ScalarAsync<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.AddWithValue(p);
        }

        var result = await command.ExecuteScalarAsync();
        return result is T value ? value : (T)Convert.ChangeType(result!, typeof(T), CultureInfo.InvariantCulture);
    }
}
