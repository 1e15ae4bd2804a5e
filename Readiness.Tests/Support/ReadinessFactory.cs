using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Readiness.Data;

namespace Readiness.Tests.Support;

/// <summary>
/// The real application over its own copy of a seeded SQLite file (or PostgreSQL database), with Hangfire's in-memory storage.
/// By default the copy holds a published run and no run starts by itself; tests that want one say so.
/// </summary>
internal sealed class ReadinessFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Readiness:Jobs:Storage"] = "memory",
        ["Readiness:Jobs:RunOnFirstStart"] = "false",
        // Tests start their runs by hand and wait for them: on every core, as the nightly run.
        ["Readiness:Runs:ManualThreads"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // A compacting collection after every run costs test time and proves nothing here: the soak bench measures it.
        ["Readiness:Runs:CompactAfterRun"] = "false",
    };

    private bool keepDatabase;

    public ReadinessFactory(Seed seed = Seed.Published, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        Provider = provider;
        DataDirectory = SeededDatabase.NewDirectory();
        if (provider == DatabaseProvider.Postgres)
        {
            // A database of this factory's own on the test server, from a template holding what the seed names.
            ConnectionString = TestPostgres.NewDatabase(seed);
            settings["Readiness:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Readiness"] = ConnectionString;
            return;
        }

        ConnectionString = $"Data Source={DatabasePath}";
        switch (seed)
        {
            case Seed.BaseData:
                SeededDatabase.CopyInto(DataDirectory);
                break;
            case Seed.Published:
                SeededDatabase.CopyPublishedInto(DataDirectory);
                break;
        }
    }

    /// <summary>What the database holds when the app starts.</summary>
    public enum Seed
    {
        /// <summary>Nothing: the app creates and seeds it.</summary>
        None,

        /// <summary>Base data, illustrative assessments and the default profile.</summary>
        BaseData,

        /// <summary>That and one published run.</summary>
        Published,
    }

    public string DataDirectory { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>The SQLite file's or the PostgreSQL database's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The database the app runs on, opened as the tests' own <see cref="Readiness.Data.Database"/>.</summary>
    public Database OpenDatabase() => Provider == DatabaseProvider.Postgres ? Database.Postgres(ConnectionString) : Database.ForFile(DatabasePath);

    /// <summary>Keeps the PostgreSQL database when the factory is disposed (a template is built from it).</summary>
    public ReadinessFactory KeepDatabase()
    {
        keepDatabase = true;
        return this;
    }

    public string DatabasePath => Path.Combine(DataDirectory, "readiness.db");

    /// <summary>Adds a configuration value before the host starts.</summary>
    public ReadinessFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Readiness:DataDirectory", DataDirectory);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (Provider == DatabaseProvider.Postgres && !keepDatabase)
            {
                TestPostgres.Drop(ConnectionString);
            }

            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a pool is removed with the temp folder later.
            }
        }
    }
}
