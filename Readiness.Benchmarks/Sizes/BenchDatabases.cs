using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Data;
using Readiness.Data.Profiles;
using Readiness.Data.Seeding;
using Readiness.Scoring.Scores;

namespace Readiness.Benchmarks.Sizes;

/// <summary>
/// One SQLite file (or PostgreSQL template database) per size with the base data, the illustrative
/// assessments and the default profile, built once and copied for every measurement, so each starts from
/// the same state.
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
    public static string Template(BenchSize size, TextWriter log) => Template(BenchProvider.Sqlite, size, log);

    /// <summary>
    /// The size's template: a SQLite file's path, or on PostgreSQL the name of a template database on the
    /// server (<c>bench_germany_m1_g2</c>); built in this process when it is missing.
    /// </summary>
    public static string Template(BenchProvider provider, BenchSize size, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.IsPostgres ? PostgresTemplate(provider, size, log) : SqliteTemplate(size, log);
    }

    /// <summary>Whether the size's template exists (so a command can build it in a process of its own first).</summary>
    public static bool Exists(BenchProvider provider, BenchSize size)
    {
        ArgumentNullException.ThrowIfNull(provider);
        return provider.IsPostgres ? provider.DatabaseExists(PostgresTemplateName(size)) : File.Exists(TemplatePath(size));
    }

    private static string SqliteTemplate(BenchSize size, TextWriter log)
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
        var assessments = Fill(database, size, log);
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

    /// <summary>On PostgreSQL: a database built under a temporary name, analysed, and renamed when complete.</summary>
    private static string PostgresTemplate(BenchProvider provider, BenchSize size, TextWriter log)
    {
        var name = PostgresTemplateName(size);
        if (provider.DatabaseExists(name))
        {
            return name;
        }

        var building = name + "_building";
        provider.DropDatabase(building);
        provider.OnServer($"CREATE DATABASE \"{building}\" TEMPLATE template0");
        var started = System.Diagnostics.Stopwatch.StartNew();
        var database = Database.Postgres(provider.ConnectionTo(building));
        var assessments = Fill(database, size, log);
        using (var connection = database.Open())
        {
            // Planner statistics, as autovacuum would gather them on a service's database after its seed.
            connection.Execute("VACUUM ANALYZE");
        }

        var municipalities = Count(database);
        Npgsql.NpgsqlConnection.ClearAllPools();
        provider.OnServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @building AND pid <> pg_backend_pid()", new { building });
        provider.OnServer($"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        log.WriteLine($"  built database {name}: {municipalities} municipalities, {assessments} assessments in {started.Elapsed.TotalSeconds:0.0} s");
        return name;
    }

    private static string PostgresTemplateName(BenchSize size)
    {
        var migrations = typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Count(n => n.Contains(".PostgresMigrations.", StringComparison.Ordinal));
        return $"bench_{size.Name.Replace('-', '_')}_m{migrations}_g{GeneratorVersion}";
    }

    /// <summary>Migrates an empty store and fills it with the size's base data, the illustrative assessments and the default profile.</summary>
    private static int Fill(Database database, BenchSize size, TextWriter log)
    {
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
        return assessments;
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

    public static int Count(Database database)
    {
        ArgumentNullException.ThrowIfNull(database);
        using var connection = database.Open();
        return connection.ExecuteScalar<int>("SELECT count(*) FROM municipalities");
    }

    /// <summary>Cuts the German store down to the municipalities whose AGS starts with <paramref name="prefix"/> (a state or a district).</summary>
    private static void KeepOnly(Database database, string prefix)
    {
        database.InTransaction((connection, transaction) =>
        {
            // The same SQL on both providers: SQLite's two-argument min() is PostgreSQL's least(), so the shorter length comes from here.
            var p = new { prefix, length = prefix.Length, districtLength = Math.Min(prefix.Length, 5) };
            connection.Execute("DELETE FROM neighbours WHERE substr(ags, 1, @length) <> @prefix OR substr(neighbour_ags, 1, @length) <> @prefix", p, transaction);
            connection.Execute("DELETE FROM municipalities WHERE substr(ags, 1, @length) <> @prefix", p, transaction);
            connection.Execute("DELETE FROM administrative_unions WHERE key NOT IN (SELECT union_key FROM municipalities WHERE union_key IS NOT NULL)", transaction: transaction);
            connection.Execute("DELETE FROM unincorporated_areas WHERE district_key IS NULL OR substr(district_key, 1, @districtLength) <> substr(@prefix, 1, @districtLength)", p, transaction);
            connection.Execute("DELETE FROM districts WHERE key NOT IN (SELECT district_key FROM municipalities)", transaction: transaction);
            connection.Execute("DELETE FROM states WHERE key NOT IN (SELECT state_key FROM municipalities)", transaction: transaction);
            connection.Execute("UPDATE dataset_versions SET content_hash = content_hash || ':' || @prefix", p, transaction);
        });
        using var vacuum = database.Open();
        vacuum.Execute("VACUUM");
    }
}
