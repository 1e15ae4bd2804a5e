using System.Collections.Concurrent;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.Profiles;
using Readiness.Data.Seeding;
using Readiness.Scoring.Scores;

namespace Readiness.Tests.Support;

/// <summary>
/// A real SQLite file migrated and seeded from the shipped seed data. The first one is built once
/// per test run; every test that asks gets its own copy, so tests never share writes.
/// </summary>
internal static class SeededDatabase
{
    private static readonly Lazy<string> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> PublishedTemplate = new(BuildPublishedTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed-data");

    private static readonly ConcurrentBag<string> Directories = [];

    /// <summary>A fresh folder of this test run's own, removed at the end of the run if its test left it (<see cref="DeleteDirectories"/>).</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        Directories.Add(directory);
        return directory;
    }

    /// <summary>
    /// Removes every folder of this test run that is still there: the templates and what fixtures keep for their
    /// processes (each run left about 150 MB behind before).
    /// </summary>
    public static void DeleteDirectories()
    {
        SqliteConnection.ClearAllPools();
        foreach (var directory in Directories.Where(Directory.Exists))
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                TestContext.Progress.WriteLine($"could not remove {directory}: {exception.Message}");
            }
        }
    }

    /// <summary>Copies the seeded template (base data, illustrative assessments, default profile; no run) into a folder; returns the database file's path.</summary>
    public static string CopyInto(string directory)
    {
        var path = Path.Combine(directory, "readiness.db");
        File.Copy(Template.Value, path);
        return path;
    }

    /// <summary>Copies a seeded database that also holds one published run, computed once per test run by the real service.</summary>
    public static string CopyPublishedInto(string directory)
    {
        var path = Path.Combine(directory, "readiness.db");
        File.Copy(PublishedTemplate.Value, path);
        return path;
    }

    /// <summary>Lets the real service publish its first run in the factory's database (then disposed, its database kept); returns the factory's connection string.</summary>
    public static string PublishRunIn(ReadinessFactory factory)
    {
        using (factory.With("Readiness:Jobs:RunOnFirstStart", "true").KeepDatabase())
        {
            using var client = factory.CreateClient();
            WaitForFirstRun(client);
            return factory.ConnectionString;
        }
    }

    /// <summary>What the service does to an empty store before it serves: base data, illustrative assessments, default profile.</summary>
    public static void Seed(Database database)
    {
        SchemaMigrator.Migrate(database);
        new SeedImporter(database, SeedDirectory).ImportIfEmpty();
        IllustrativeSeeder.EnsureSeeded(database);
        new ProfileStore(database).EnsureBuiltin(DefaultProfile.Instance);
    }

    private static void WaitForFirstRun(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (client.GetAsync("/api/v1/runs/current").GetAwaiter().GetResult().StatusCode != System.Net.HttpStatusCode.OK)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The first run did not publish within 5 minutes.");
            }

            Thread.Sleep(250);
        }
    }

    private static string BuildPublishedTemplate()
    {
        string path;
        using (var factory = new ReadinessFactory(ReadinessFactory.Seed.BaseData).With("Readiness:Jobs:RunOnFirstStart", "true"))
        {
            using var client = factory.CreateClient();
            WaitForFirstRun(client);
            path = Path.Combine(NewDirectory(), "published.db");
            var database = Database.ForFile(factory.DatabasePath);
            using (var connection = database.Open())
            {
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            SqliteConnection.ClearAllPools();
            File.Copy(factory.DatabasePath, path);
        }

        SqliteConnection.ClearAllPools();
        return path;
    }

    private static string BuildTemplate()
    {
        var path = Path.Combine(NewDirectory(), "template.db");
        var database = Database.ForFile(path);
        Seed(database);
        using (var connection = database.Open())
        {
            // Fold the WAL into the main file so a plain file copy carries everything.
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
