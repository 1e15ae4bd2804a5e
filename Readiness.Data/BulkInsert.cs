using System.Data;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Readiness.Data;

/// <summary>Bulk inserts through one prepared command whose <c>$name</c> parameters are read from the SQL's VALUES list.</summary>
internal static class BulkInsert
{
    /// <summary>One prepared command reused for every row: about twice as fast as Dapper's per-row parameters.</summary>
    public static void Run<T>(SqliteConnection connection, IDbTransaction transaction, string sql, IEnumerable<T> rows, Func<T, object?[]> values)
    {
        using var command = connection.CreateCommand();
        command.Transaction = (SqliteTransaction)transaction;
        command.CommandText = sql;
        var names = ParameterNames(sql);
        var parameters = names.Select(name => command.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
        command.Prepare();
        foreach (var row in rows)
        {
            var rowValues = values(row);
            Debug.Assert(rowValues.Length == parameters.Length, "one value per parameter");
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = rowValues[i] ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
        }
    }

    private static List<string> ParameterNames(string sql)
    {
        var names = new List<string>();
        var values = sql[sql.IndexOf("VALUES", StringComparison.Ordinal)..];
        for (var i = values.IndexOf('$', StringComparison.Ordinal); i >= 0; i = values.IndexOf('$', i + 1))
        {
            var end = i + 1;
            while (end < values.Length && char.IsLetterOrDigit(values[end]))
            {
                end++;
            }

            names.Add(values[i..end]);
        }

        return names;
    }

}
