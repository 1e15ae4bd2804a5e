using Hangfire;
using Readiness.Api.Runs;
using Readiness.Data.Runs;

namespace Readiness.Api.Jobs;

/// <summary>
/// The run as a Hangfire job. Reentrant: a run that is no longer running (finished, or failed
/// after its process died) is not executed again. Failures are recorded on the run, not retried:
/// the next schedule tries again with fresh data.
/// </summary>
public sealed class RunJob(RunStore runs, RunExecutor executor, ILogger<RunJob> logger)
{
    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Run {0}")]
    public void Execute(long runId, CancellationToken cancellationToken) => executor.Execute(runId, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Nightly run")]
    public void ExecuteScheduled(CancellationToken cancellationToken)
    {
        var (run, conflict) = runs.TryStart(RunTriggers.Schedule, requestedBy: null);
        if (run is null)
        {
            logger.LogWarning("Nightly run skipped: run {RunId} is still running", conflict!.RunningRunId);
            return;
        }

        executor.Execute(run.Id, cancellationToken);
    }
}
