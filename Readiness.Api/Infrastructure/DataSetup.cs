using System.Diagnostics;
using Microsoft.Extensions.Options;
using Readiness.Data;
using Readiness.Data.BaseData;
using Readiness.Data.Profiles;
using Readiness.Data.Seeding;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Infrastructure;

internal static class DataSetup
{
    public const string DatabaseFileName = "readiness.db";

    public static IServiceCollection AddReadinessData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration.GetConnectionString("Readiness"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.IsPostgres)
            {
                return Database.Postgres(options.ConnectionString!);
            }

            return string.IsNullOrWhiteSpace(options.ConnectionString)
                ? Database.ForFile(Path.Combine(DataDirectory(provider), DatabaseFileName))
                : Database.Sqlite(options.ConnectionString);
        });
        services.AddSingleton<DistrictQueries>();
        services.AddSingleton<MunicipalityQueries>();
        services.AddSingleton<ProfileStore>();
        return services;
    }

    public static string DataDirectory(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<ReadinessOptions>>().Value;
        var environment = provider.GetRequiredService<IHostEnvironment>();
        return Path.GetFullPath(options.DataDirectory, environment.ContentRootPath);
    }

    /// <summary>
    /// Checks the data folder and its files, migrates the schema and seeds an empty store; runs before the
    /// server takes requests. A damaged, emptied or unwritable database is a <see cref="StartupFailure"/>.
    /// </summary>
    public static void InitializeDatabase(this IServiceProvider services)
    {
        var database = services.GetRequiredService<Database>();
        if (database.IsPostgres)
        {
            Initialize(services, database);
            return;
        }

        var isFile = !database.ConnectionString.Contains("memory", StringComparison.OrdinalIgnoreCase);
        if (isFile)
        {
            var jobStorage = services.GetRequiredService<IConfiguration>()["Readiness:Jobs:Storage"] is { } storage
                && storage.Equals("memory", StringComparison.OrdinalIgnoreCase) ? null : Path.Combine(DataDirectory(services), "hangfire.db");
            DataFolderChecks.Check(database.DataSource, jobStorage);
        }

        try
        {
            Initialize(services, database);
        }
        catch (Microsoft.Data.Sqlite.SqliteException exception) when (DataFolderChecks.Explain(exception, database.DataSource) is { } failure)
        {
            throw failure;
        }
        catch (InvalidOperationException exception) when (exception.InnerException is Microsoft.Data.Sqlite.SqliteException inner
            && DataFolderChecks.Explain(inner, database.DataSource) is { } failure)
        {
            // A migration wraps what SQLite said.
            throw failure;
        }

        if (isFile)
        {
            DataFolderChecks.MarkSeeded(database.DataSource);
        }
    }

    private static void Initialize(IServiceProvider services, Database database)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Readiness.Startup");
        var options = services.GetRequiredService<IOptions<ReadinessOptions>>().Value;
        var stopwatch = Stopwatch.StartNew();

        var applied = SchemaMigrator.Migrate(database);
        if (applied.Count > 0)
        {
            logger.LogInformation("Applied migrations {Migrations}", string.Join(", ", applied));
        }

        var seedDirectory = options.ResolveSeedDirectory(services.GetRequiredService<IHostEnvironment>().ContentRootPath);
        var seed = new SeedImporter(database, seedDirectory).ImportIfEmpty();
        if (seed.Imported)
        {
            logger.LogInformation(
                "Seeded {Municipalities} municipalities and {Neighbours} neighbour relations in {Elapsed} ms",
                seed.Municipalities, seed.Neighbours, seed.Elapsed.TotalMilliseconds);
        }

        var illustrative = IllustrativeSeeder.EnsureSeeded(database);
        if (illustrative > 0)
        {
            logger.LogInformation("Stored {Count} illustrative assessments (generated, not survey data)", illustrative);
        }

        services.GetRequiredService<ProfileStore>().EnsureBuiltin(DefaultProfile.Instance);

        logger.LogInformation("Database {DataSource} ready in {Elapsed} ms", database.DataSource, stopwatch.ElapsedMilliseconds);
    }
}
