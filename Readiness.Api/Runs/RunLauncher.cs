using Hangfire;
using Readiness.Api.Jobs;
using Readiness.Data.Audit;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>Starts runs on request: records the run (one at a time) and hands it to the job server.</summary>
internal sealed class RunLauncher(RunStore runs, IBackgroundJobClient jobs, ILogger<RunLauncher> logger)
{
    public (RunRecord? Run, RunConflict? Conflict) Start(string trigger, string? requestedBy, AuditActor? actor = null)
    {
        var (run, conflict) = runs.TryStart(trigger, requestedBy, actor);
        if (run is null)
        {
            return (null, conflict);
        }

        try
        {
            jobs.Enqueue<RunJob>(job => job.Execute(run.Id, CancellationToken.None));
        }
        catch (Exception exception)
        {
            runs.Fail(run.Id, $"Could not queue the run: {exception.Message}", null);
            throw;
        }

        logger.LogInformation("Run {RunId} queued ({Trigger})", run.Id, trigger);
        return (run, null);
    }
}
