using Microsoft.Extensions.Options;
using Readiness.Api.Jobs;
using Readiness.Data.Runs;

namespace Readiness.Api.Runs;

/// <summary>
/// Marks runs that can no longer finish as failed while the service runs, not only at its next start: a
/// worker killed mid-run (out of memory, <c>kill -9</c>) leaves its run <c>running</c>, and without this every
/// API instance would answer 409 to every new start until some process restarted. Every process (API and
/// worker) looks a few times per <c>StaleAfter</c>; the run's own process keeps its heartbeat well within it
/// (<see cref="RunExecutor.HeartbeatInterval"/>). The previous run stays published.
/// </summary>
internal sealed class InterruptedRunWatcher(RunStore runs, IOptions<JobOptions> options, ILogger<InterruptedRunWatcher> logger) : BackgroundService
{
    /// <summary>A quarter of <c>StaleAfter</c>, between 1 and 30 seconds.</summary>
    internal static TimeSpan Interval(TimeSpan staleAfter) =>
        TimeSpan.FromTicks(Math.Clamp(staleAfter.Ticks / 4, TimeSpan.TicksPerSecond, 30 * TimeSpan.TicksPerSecond));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var staleAfter = options.Value.StaleAfter;
        using var timer = new PeriodicTimer(Interval(staleAfter));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                foreach (var id in runs.FailInterrupted(staleAfter))
                {
                    logger.LogWarning("Run {RunId} was interrupted and is marked failed; the previous run stays published", id);
                }
            }
            catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
            {
                logger.LogWarning(exception, "Could not check for interrupted runs");
            }
        }
    }
}
