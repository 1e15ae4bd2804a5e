namespace Readiness.Scoring.Runs;

/// <summary>
/// The options every parallel loop of a run's stages takes. A serving process computes its runs on a
/// scheduler of its own (fewer threads at a lower priority) so that requests keep the thread pool and the
/// cores; <c>Parallel.For</c> without options would use the thread pool whatever scheduler the run is on.
/// Outside such a run (tests, the bench's algorithm timings) the loops use every core as before.
/// </summary>
public static class StageParallelism
{
    private static readonly AsyncLocal<(TaskScheduler Scheduler, int MaxDegree)?> Ambient = new();

    /// <summary>
    /// Options for one loop: the run's scheduler and degree if set, else the thread pool; the loop's own
    /// <paramref name="maxDegreeOfParallelism"/> (-1: none) can only lower the run's.
    /// </summary>
    public static ParallelOptions Options(int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) => new()
    {
        TaskScheduler = Ambient.Value?.Scheduler ?? TaskScheduler.Default,
        CancellationToken = cancellationToken,
        MaxDegreeOfParallelism = (maxDegreeOfParallelism, Ambient.Value?.MaxDegree ?? -1) switch
        {
            (> 0 and var own, > 0 and var run) => Math.Min(own, run),
            (> 0 and var own, _) => own,
            (_, var run) => run,
        },
    };

    /// <summary>
    /// Runs <paramref name="work"/> with its loops on <paramref name="scheduler"/>, each on at most
    /// <paramref name="maxDegreeOfParallelism"/> threads (-1: as many as the scheduler has); the caller's setting is restored after.
    /// </summary>
    public static T On<T>(TaskScheduler scheduler, Func<T> work, int maxDegreeOfParallelism = -1)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(work);
        var previous = Ambient.Value;
        Ambient.Value = (scheduler, maxDegreeOfParallelism);
        try
        {
            return work();
        }
        finally
        {
            Ambient.Value = previous;
        }
    }
}
