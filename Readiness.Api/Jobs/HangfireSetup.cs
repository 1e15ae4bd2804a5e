using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using Readiness.Data;

namespace Readiness.Api.Jobs;

internal static class HangfireSetup
{
    public const string NightlyRunJobId = "nightly-run";
    public const string CleanupJobId = "cleanup-runs";
    public const string StorageFileName = "hangfire.db";
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddReadinessJobs(this IServiceCollection services)
    {
        services.AddOptions<JobOptions>()
            .BindConfiguration(JobOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The storage is built here and registered before AddHangfire, so each host owns its own
        // storage even when several hosts share a process (the test suite does).
        services.AddSingleton<JobStorage>(provider =>
        {
            var options = provider.GetRequiredService<IOptions<JobOptions>>().Value;
            var database = provider.GetRequiredService<Database>();
            if (options.Storage != "memory" && database.IsPostgres)
            {
                // On PostgreSQL the jobs live in the same database, in a schema of their own, shared by every process.
                var storageOptions = new PostgreSqlStorageOptions
                {
                    QueuePollInterval = options.PollInterval,
                    InvisibilityTimeout = TimeSpan.FromHours(1),
                    PrepareSchemaIfNecessary = true,
                };
                return new PostgreSqlStorage(new NpgsqlConnectionFactory(database.ConnectionString, storageOptions), storageOptions);
            }

            return options.Storage == "memory"
                ? new InMemoryStorage()
                : new SQLiteStorage(Path.Combine(DataSetup.DataDirectory(provider), StorageFileName), new SQLiteStorageOptions
                {
                    QueuePollInterval = options.PollInterval,
                    // A nightly run takes seconds; a job that has not finished in an hour was lost with its process.
                    InvisibilityTimeout = TimeSpan.FromHours(1),
                });
        });
        services.AddHangfire((provider, configuration) => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(provider.GetRequiredService<JobStorage>()));
        services.AddTransient<RunJob>();
        services.AddTransient<CleanupJob>();
        // The dashboard checks an antiforgery token on its buttons when the service is there.
        services.AddAntiforgery();
        return services;
    }

    /// <summary>The job server, in this process (the default) or in a worker (<c>--worker</c>).</summary>
    public static IServiceCollection AddReadinessJobServer(this IServiceCollection services)
    {
        services.AddHangfireServer((provider, options) =>
        {
            // One run at a time is also enforced by the store; one worker keeps the 2 cores for the run itself.
            options.WorkerCount = 2;
            options.SchedulePollingInterval = TimeSpan.FromSeconds(5);
            options.ServerName = $"readiness:{Environment.MachineName}:{Environment.ProcessId}";
        });
        return services;
    }

    /// <summary>Registers (or updates) the recurring jobs with the configured schedules.</summary>
    public static void ScheduleRecurringJobs(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobOptions>>().Value;
        var manager = services.GetRequiredService<IRecurringJobManager>();
        var timeZone = options.ResolveTimeZone();
        manager.AddOrUpdate<RunJob>(NightlyRunJobId, job => job.ExecuteScheduled(CancellationToken.None), options.NightlyCron,
            new RecurringJobOptions { TimeZone = timeZone });
        manager.AddOrUpdate<CleanupJob>(CleanupJobId, job => job.Execute(), options.CleanupCron,
            new RecurringJobOptions { TimeZone = timeZone });
    }

    /// <summary>The dashboard at <c>/hangfire</c>, for admins only (see <see cref="DashboardAccess"/>).</summary>
    public static void MapReadinessDashboard(this WebApplication app) =>
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new DashboardAccess()],
            DashboardTitle = "Readiness jobs",
            // Dashboard requests spend the write budget (RateLimits): poll every 10 s, not every 2 s.
            StatsPollingInterval = 10_000,
            AppPath = "/swagger",
        });
}
