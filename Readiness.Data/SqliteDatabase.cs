using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Readiness.Data;

/// <summary>Opens connections to the service's SQLite file with the settings every connection needs.</summary>
public sealed class SqliteDatabase
{
    static SqliteDatabase() => DapperTypeHandlers.Register();

    public SqliteDatabase(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            // Pooling keeps the per-connection PRAGMAs cheap; the file is shared with the key CLI.
            Pooling = true,
            DefaultTimeout = 30,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    /// <summary>The database file (or in-memory name).</summary>
    public string DataSource { get; }

    public static SqliteDatabase ForFile(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // Writers from another process (the key CLI, a worker) wait instead of failing at once.
        connection.Execute("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none of it.</summary>
    public T InTransaction<T>(Func<SqliteConnection, IDbTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        // BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    public void InTransaction(Action<SqliteConnection, IDbTransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction((connection, transaction) =>
        {
            work(connection, transaction);
            return 0;
        });
    }
}
