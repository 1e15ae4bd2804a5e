using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Readiness.Data;

namespace Readiness.Benchmarks.Infrastructure;

/// <summary>
/// The provider a bench command measures: SQLite (the default: a file per store) or PostgreSQL
/// (<c>--provider postgres --connection "Host=…;Username=…"</c>, or that connection string in
/// <c>READINESS_BENCH_POSTGRES</c>; a user that may create databases). On PostgreSQL every store is a
/// database of its own, copied from a template database as SQLite's stores are copied from a file.
/// </summary>
internal sealed record BenchProvider(DatabaseProvider Provider, string? Server)
{
    public const string Variable = "READINESS_BENCH_POSTGRES";

    public static readonly BenchProvider Sqlite = new(DatabaseProvider.Sqlite, null);

    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public string Name => IsPostgres ? "postgres" : "sqlite";

    /// <summary>What a result file's name adds for this provider: nothing for SQLite, so earlier results still load.</summary>
    public string Suffix => IsPostgres ? "-postgres" : "";

    /// <summary>The options that hand this provider on to a bench command in a child process.</summary>
    public string[] Arguments => IsPostgres ? ["--provider", "postgres", "--connection", Server!] : [];

    public static BenchProvider From(Args args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var name = args.Text("provider") ?? "sqlite";
        if (string.Equals(name, "sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return Sqlite;
        }

        if (!string.Equals(name, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--provider must be sqlite or postgres, not '{name}'.");
        }

        return Postgres(args.Text("connection") ?? Environment.GetEnvironmentVariable(Variable));
    }

    public static BenchProvider Postgres(string? server) =>
        string.IsNullOrWhiteSpace(server)
            ? throw new ArgumentException($"PostgreSQL needs --connection \"Host=…;Port=…;Username=…\" (a user that may create databases) or {Variable}.")
            : new BenchProvider(DatabaseProvider.Postgres, server);

    /// <summary>The connection string of one database on the server.</summary>
    public string ConnectionTo(string database) => new NpgsqlConnectionStringBuilder(Server) { Database = database }.ConnectionString;

    /// <summary>Runs one statement on the server's maintenance database (CREATE, DROP, ALTER DATABASE).</summary>
    public void OnServer(string sql, object? parameters = null)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        connection.Execute(sql, parameters);
    }

    public bool DatabaseExists(string database)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ConnectionString);
        connection.Open();
        return connection.ExecuteScalar<bool>("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = @database)", new { database });
    }

    /// <summary>A database with <paramref name="template"/>'s contents (a file copy on the server); the template must have no sessions.</summary>
    public void CopyDatabase(string template, string name)
    {
        OnServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @template AND pid <> pg_backend_pid()", new { template });
        OnServer($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
    }

    public void DropDatabase(string name) => OnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
}

/// <summary>
/// One store a measurement runs on: the service's data folder and its database, a SQLite file in that folder
/// or a PostgreSQL database of its own. Removed on dispose.
/// </summary>
internal sealed class BenchStore : IDisposable
{
    private BenchStore(BenchProvider provider, string directory, string? postgresDatabase)
    {
        Provider = provider;
        Directory = directory;
        PostgresDatabase = postgresDatabase;
    }

    public BenchProvider Provider { get; }

    /// <summary>The service's data folder (<c>Readiness:DataDirectory</c>); on SQLite it holds readiness.db.</summary>
    public string Directory { get; }

    public string? PostgresDatabase { get; }

    public string SqliteFile => Path.Combine(Directory, "readiness.db");

    public string ConnectionString => PostgresDatabase is { } name ? Provider.ConnectionTo(name) : $"Data Source={SqliteFile}";

    /// <summary>The settings that point the service at this store (the data folder aside).</summary>
    public IReadOnlyDictionary<string, string> Settings => PostgresDatabase is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["Readiness:Database:Provider"] = "postgres", ["ConnectionStrings:Readiness"] = ConnectionString };

    /// <summary>The options that hand this store to a bench command in a child process (<see cref="FromArguments"/>).</summary>
    public string[] Arguments => [.. Provider.Arguments, "--directory", Directory, .. PostgresDatabase is { } name ? new[] { "--database", name } : []];

    public Database Open() => PostgresDatabase is null ? Database.ForFile(SqliteFile) : Database.Postgres(ConnectionString);

    /// <summary>A copy of a template: a SQLite file's path, or a PostgreSQL template database's name.</summary>
    public static BenchStore CopyOf(BenchProvider provider, string template, string prefix)
    {
        ArgumentNullException.ThrowIfNull(provider);
        var directory = Repository.NewScratch(prefix);
        if (!provider.IsPostgres)
        {
            File.Copy(template, Path.Combine(directory, "readiness.db"));
            return new BenchStore(provider, directory, null);
        }

        var name = $"bench_{prefix.Replace('-', '_')}_{Guid.NewGuid().ToString("N")[..10]}".ToLowerInvariant();
        provider.CopyDatabase(template, name);
        return new BenchStore(provider, directory, name);
    }

    /// <summary>A copy of this store (its database; nothing else of its folder).</summary>
    public BenchStore Copy(string prefix)
    {
        if (PostgresDatabase is null)
        {
            SqliteConnection.ClearAllPools();
        }

        return CopyOf(Provider, PostgresDatabase ?? SqliteFile, prefix);
    }

    /// <summary>The store a parent bench process handed over with <see cref="Arguments"/>; the child does not remove it.</summary>
    public static BenchStore FromArguments(Args args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var directory = args.Text("directory") ?? throw new ArgumentException("--directory is required");
        var provider = BenchProvider.From(args);
        return new BenchStore(provider, directory, provider.IsPostgres ? args.Text("database") ?? throw new ArgumentException("--database is required on PostgreSQL") : null);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (PostgresDatabase is { } name)
        {
            Provider.DropDatabase(name);
        }

        Repository.TryDelete(Directory);
    }
}
