using Dapper;
using Npgsql;
using Readiness.Data;

namespace Readiness.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests run on, named by an Npgsql connection string in
/// <c>READINESS_TEST_POSTGRES</c> (a user that may create databases). Without it, or when it cannot be
/// reached, PostgreSQL tests are skipped with a message; under <c>CI=true</c> they fail instead, so a
/// CI run cannot pass without them. Every test database is created from a template built once per
/// test run (<c>CREATE DATABASE … TEMPLATE</c> copies files: about 0.2 s instead of a seed).
/// </summary>
internal static class TestPostgres
{
    public const string Variable = "READINESS_TEST_POSTGRES";

    private static readonly string RunTag = $"{Environment.ProcessId}_{Guid.NewGuid().ToString("N")[..6]}";
    private static readonly Lazy<(string? ConnectionString, string? Problem)> Server = new(Connect);
    private static readonly Lazy<string> BaseTemplate = new(BuildBaseTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PublishedTemplate = new(BuildPublishedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly List<string> Created = [];
    private static int counter;

    /// <summary>The server's connection string; skips (or, under CI, fails) the calling test when there is none.</summary>
    public static string Require()
    {
        var (connectionString, problem) = Server.Value;
        if (connectionString is not null)
        {
            return connectionString;
        }

        var message = $"PostgreSQL tests need a server: {problem}";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Ignore(message);
        return "";
    }

    /// <summary>A new database of this test's own: empty, seeded, or seeded with one published run.</summary>
    public static string NewDatabase(ReadinessFactory.Seed seed)
    {
        var server = Require();
        var template = seed switch
        {
            ReadinessFactory.Seed.BaseData => BaseTemplate.Value,
            ReadinessFactory.Seed.Published => PublishedTemplate.Value,
            _ => "template0",
        };
        var name = Create(server, template);
        return For(server, name);
    }

    public static void Drop(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        using var connection = new NpgsqlConnection(Require());
        connection.Open();
        connection.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Drops the templates of this test run (<see cref="TestRunCleanup"/>).</summary>
    public static void DropTemplates()
    {
        if (Server.IsValueCreated && Server.Value.ConnectionString is { } server)
        {
            using var connection = new NpgsqlConnection(server);
            connection.Open();
            foreach (var name in Created)
            {
                connection.Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
            }
        }
    }

    private static string Create(string server, string template)
    {
        var name = $"readiness_{RunTag}_{Interlocked.Increment(ref counter)}";
        using var connection = new NpgsqlConnection(server);
        connection.Open();
        // A template must have no other sessions; the service's pools may still hold some.
        connection.Execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @template AND pid <> pg_backend_pid()", new { template });
        connection.Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\" STRATEGY FILE_COPY");
        return name;
    }

    private static string For(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString;

    private static string BuildBaseTemplate()
    {
        var server = Require();
        var name = Create(server, "template0");
        lock (Created)
        {
            Created.Add(name);
        }

        SeededDatabase.Seed(Database.Postgres(For(server, name)));
        return name;
    }

    private static string BuildPublishedTemplate()
    {
        var connectionString = SeededDatabase.PublishRunIn(new ReadinessFactory(ReadinessFactory.Seed.BaseData, DatabaseProvider.Postgres));
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        lock (Created)
        {
            Created.Add(name);
        }

        return name;
    }

    private static (string?, string?) Connect()
    {
        var connectionString = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return (null, $"{Variable} is not set (an Npgsql connection string, e.g. Host=localhost;Port=5432;Username=postgres).");
        }

        try
        {
            using var connection = new NpgsqlConnection(connectionString);
            connection.Open();
            return (connectionString, null);
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException)
        {
            return (null, $"{Variable} names a server that cannot be reached: {exception.Message}");
        }
    }
}

/// <summary>The providers a fixture runs on: <c>[TestFixtureSource(typeof(Providers), nameof(Providers.Both))]</c>.</summary>
internal static class Providers
{
    public static readonly DatabaseProvider[] Both = [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];
}

/// <summary>A database of one test's own on either provider, seeded with the base data; removed on dispose.</summary>
internal sealed class TestDatabase : IDisposable
{
    private readonly string? directory;
    private readonly string? postgres;

    public TestDatabase(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            postgres = TestPostgres.NewDatabase(ReadinessFactory.Seed.BaseData);
            Database = Database.Postgres(postgres);
        }
        else
        {
            directory = SeededDatabase.NewDirectory();
            Database = Database.ForFile(SeededDatabase.CopyInto(directory));
        }

        SchemaMigrator.Migrate(Database);
    }

    public Database Database { get; }

    /// <summary>The same database as another process would open it: its own object, its own connections.</summary>
    public Database Another() => postgres is not null ? Database.Postgres(postgres) : Database.ForFile(Database.DataSource);

    public void Dispose()
    {
        if (postgres is not null)
        {
            TestPostgres.Drop(postgres);
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory!, recursive: true);
    }
}
