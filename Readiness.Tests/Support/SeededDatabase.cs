using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Data;
using Readiness.Data.Seeding;

namespace Readiness.Tests.Support;

/// <summary>
/// A real SQLite file migrated and seeded from the shipped seed data. The first one is built once
/// per test run; every test that asks gets its own copy, so tests never share writes.
/// </summary>
internal static class SeededDatabase
{
    private static readonly Lazy<string> Template = new(BuildTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seed-data");

    /// <summary>A fresh folder of this test run's own.</summary>
    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Copies the seeded template into a new folder and returns the database file's path.</summary>
    public static string CopyInto(string directory)
    {
        var path = Path.Combine(directory, "readiness.db");
        File.Copy(Template.Value, path);
        return path;
    }

    private static string BuildTemplate()
    {
        var path = Path.Combine(NewDirectory(), "template.db");
        var database = SqliteDatabase.ForFile(path);
        SchemaMigrator.Migrate(database);
        new SeedImporter(database, SeedDirectory).ImportIfEmpty();
        using (var connection = database.Open())
        {
            // Fold the WAL into the main file so a plain file copy carries everything.
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return path;
    }
}
