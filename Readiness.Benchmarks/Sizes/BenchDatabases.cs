using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Data;
using Readiness.Data.Profiles;
using Readiness.Data.Seeding;
using Readiness.Scoring.Scores;

namespace Readiness.Benchmarks.Sizes;

/// <summary>
/// One SQLite file per size with the base data, the illustrative assessments and the default profile,
/// built once and copied for every measurement, so each starts from the same state.
/// </summary>
internal static class BenchDatabases
{
    /// <summary>Raised when the generated content changes, so stale files are rebuilt.</summary>
    private const int GeneratorVersion = 2;

    public static string TemplatePath(BenchSize size)
    {
        var migrations = typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Count(n => n.Contains(".Migrations.", StringComparison.Ordinal));
        return Path.Combine(Repository.WorkFolder, "templates", $"{size.Name}.m{migrations}.g{GeneratorVersion}.db");
    }

    /// <summary>The template's path, building it (in this process) when it is missing.</summary>
    public static string Template(BenchSize size, TextWriter log)
    {
        var path = TemplatePath(size);
        if (File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var database = Database.ForFile(building);
        SchemaMigrator.Migrate(database);
        if (size.Source == SizeSource.Germany)
        {
            new SeedImporter(database, Repository.SeedData).ImportIfEmpty();
            if (size.KeyPrefix is { } prefix)
            {
                KeepOnly(database, prefix);
            }
        }
        else
        {
            var rows = EuropeLaus.Subset(EuropeLaus.Read(Repository.EuropeCsv), size.EuropeRows);
            var (municipalities, districts) = EuropeLaus.Generate(rows);
            var neighbours = EuropeSeeder.Write(database, municipalities, districts);
            log.WriteLine($"  {EuropeSeeder.Summary(municipalities)}; {neighbours} neighbour relations");
        }

        var assessments = IllustrativeSeeder.EnsureSeeded(database);
        new ProfileStore(database).EnsureBuiltin(DefaultProfile.Instance);
        using (var connection = database.Open())
        {
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        File.Move(building, path, overwrite: true);
        foreach (var side in new[] { "-wal", "-shm" })
        {
            File.Delete(building + side);
        }

        log.WriteLine($"  built {Path.GetFileName(path)}: {Count(path)} municipalities, {assessments} assessments in {started.Elapsed.TotalSeconds:0.0} s");
        return path;
    }

    /// <summary>Copies a database file into a folder as the service's readiness.db; returns the folder.</summary>
    public static string CopyToScratch(string databaseFile, string prefix)
    {
        var directory = Repository.NewScratch(prefix);
        File.Copy(databaseFile, Path.Combine(directory, "readiness.db"));
        return directory;
    }

    public static int Count(string path)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities");
    }

    /// <summary>Cuts the German store down to the municipalities whose AGS starts with <paramref name="prefix"/> (a state or a district).</summary>
    private static void KeepOnly(Database database, string prefix)
    {
        database.InTransaction((connection, transaction) =>
        {
            var p = new { prefix, length = prefix.Length };
            connection.Execute("DELETE FROM neighbours WHERE substr(ags, 1, @length) <> @prefix OR substr(neighbour_ags, 1, @length) <> @prefix", p, transaction);
            connection.Execute("DELETE FROM municipalities WHERE substr(ags, 1, @length) <> @prefix", p, transaction);
            connection.Execute("DELETE FROM administrative_unions WHERE key NOT IN (SELECT union_key FROM municipalities WHERE union_key IS NOT NULL)", transaction: transaction);
            connection.Execute("DELETE FROM unincorporated_areas WHERE district_key IS NULL OR substr(district_key, 1, min(@length, 5)) <> substr(@prefix, 1, min(@length, 5))", p, transaction);
            connection.Execute("DELETE FROM districts WHERE key NOT IN (SELECT district_key FROM municipalities)", transaction: transaction);
            connection.Execute("DELETE FROM states WHERE key NOT IN (SELECT state_key FROM municipalities)", transaction: transaction);
            connection.Execute("UPDATE dataset_versions SET content_hash = content_hash || ':' || @prefix", p, transaction);
        });
        using var vacuum = database.Open();
        vacuum.Execute("VACUUM");
    }
}
