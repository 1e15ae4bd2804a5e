using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Readiness.Data;

/// <summary>The two stores the service runs on: one SQLite file (the default) or a PostgreSQL database shared by several processes.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Opens connections to the service's database with the settings every connection needs. Stores take
/// <see cref="DbConnection"/>s from here and run the same SQL on both providers; where the dialects
/// differ, a store says so next to its statement (<see cref="IsPostgres"/>). One instance lives as long as
/// its process; PostgreSQL's connection pool with it.
/// </summary>
public sealed class Database
{
    static Database() => DapperTypeHandlers.Register();

    private readonly NpgsqlDataSource? postgres;

    private Database(DatabaseProvider provider, string connectionString, string dataSource, NpgsqlDataSource? postgres)
    {
        Provider = provider;
        ConnectionString = connectionString;
        DataSource = dataSource;
        this.postgres = postgres;
    }

    /// <summary>A SQLite database: a file (or a shared in-memory name in tests).</summary>
    public static Database Sqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            // Pooling keeps the per-connection PRAGMAs cheap; the file is shared with the key CLI.
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Database(DatabaseProvider.Sqlite, builder.ToString(), builder.DataSource, null);
    }

    public static Database ForFile(string path) =>
        Sqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString());

    /// <summary>A PostgreSQL database, from an Npgsql connection string.</summary>
    public static Database Postgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return new Database(DatabaseProvider.Postgres, builder.ConnectionString,
            $"{builder.Host}:{builder.Port}/{builder.Database}", NpgsqlDataSource.Create(builder));
    }

    public DatabaseProvider Provider { get; }

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public string ConnectionString { get; }

    /// <summary>The database file (or in-memory name); for PostgreSQL host, port and database, without the password.</summary>
    public string DataSource { get; }

    public DbConnection Open()
    {
        if (postgres is not null)
        {
            return postgres.OpenConnection();
        }

        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        // Writers from another process (the key CLI, a worker) wait instead of failing at once.
        connection.Execute("PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL;");
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: all of it lands, or none of it.</summary>
    public T InTransaction<T>(Func<DbConnection, IDbTransaction, T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        using var connection = Open();
        // SQLite: BEGIN IMMEDIATE takes the write lock up front, so two writers queue instead of deadlocking.
        // PostgreSQL locks rows, not the database: read committed, as its default.
        using var transaction = connection is SqliteConnection sqlite ? sqlite.BeginTransaction(deferred: false) : connection.BeginTransaction();
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    }

    public void InTransaction(Action<DbConnection, IDbTransaction> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        InTransaction((connection, transaction) =>
        {
            work(connection, transaction);
            return 0;
        });
    }

    /// <summary>
    /// A read-only transaction in which every read sees one committed state: deferred under SQLite's WAL,
    /// repeatable read (a snapshot) on PostgreSQL.
    /// </summary>
    public static DbTransaction BeginSnapshot(DbConnection connection) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : connection.BeginTransaction(IsolationLevel.RepeatableRead);
}
