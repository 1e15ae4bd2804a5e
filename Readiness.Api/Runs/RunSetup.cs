using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Readiness.Api.Jobs;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

internal static class RunSetup
{
    /// <summary>Everything that computes, stores and serves runs; shared by the API and the worker.</summary>
    public static IServiceCollection AddReadinessRuns(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<RunFaultOptions>().BindConfiguration(RunFaultOptions.Section);
        services.TryAddSingleton(PausingRunFaults.For);
        services.TryAddSingleton<AssessmentStore>();
        services.AddSingleton<RunStore>();
        services.AddSingleton<RunChangeQueries>();
        services.AddSingleton<BaseDataCache>();
        services.AddSingleton<PublishedRunCache>();
        services.AddSingleton<EarlierRunQueries>();
        services.AddSingleton<EarlierRunReadiness>();
        services.AddOptions<RunThreadOptions>().BindConfiguration(RunThreadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunScheduler>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunLauncher>();
        services.AddHostedService<InterruptedRunWatcher>();
        services.AddRunStageOptions();
        services.AddReadinessJobs();
        return services;
    }

    /// <summary>
    /// At start: runs left running by a process that ended are marked failed (their rows removed),
    /// the recurring jobs are scheduled, and a first run is queued when nothing has been published yet.
    /// </summary>
    public static void StartRuns(this IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<JobOptions>>().Value;
        var runs = services.GetRequiredService<RunStore>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Readiness.Runs");
        foreach (var id in runs.FailInterrupted(options.StaleAfter))
        {
            logger.LogWarning("Run {RunId} was interrupted and is marked failed; the previous run stays published", id);
        }

        services.ScheduleRecurringJobs();
        if (options.RunOnFirstStart && runs.CurrentId() is null && runs.Running() is null)
        {
            services.GetRequiredService<RunLauncher>().Start(RunTriggers.Startup, requestedBy: null);
        }
    }
}
