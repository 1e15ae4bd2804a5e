using Hangfire;
using Microsoft.Extensions.Options;
using Readiness.Data.Runs;

namespace Readiness.Api.Jobs;

/// <summary>Removes runs beyond the configured number to keep; the current run always stays.</summary>
public sealed class CleanupJob(RunStore runs, IOptions<JobOptions> options, ILogger<CleanupJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    public int Execute()
    {
        var deleted = runs.DeleteOldRuns(options.Value.KeepRuns);
        logger.LogInformation("Removed {Count} old runs, keeping the newest {Keep}", deleted, options.Value.KeepRuns);
        return deleted;
    }
}
