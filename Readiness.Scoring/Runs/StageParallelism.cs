namespace Readiness.Scoring.Runs;

/// <summary>
/// The options every parallel loop of a run's stages takes. A serving process computes its runs on a
/// scheduler of its own (fewer threads at a lower priority) so that requests keep the thread pool and the
/// cores; <c>Parallel.For</c> without options would use the thread pool whatever scheduler the run is on.
/// Outside such a run (tests, the bench's algorithm timings) the loops use every core as before.
/// </summary>
public static class StageParallelism
{
    private static readonly AsyncLocal<TaskScheduler?> Ambient = new();

    /// <summary>Options for one loop: the run's scheduler if one is set, else the thread pool.</summary>
    public static ParallelOptions Options(int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default) => new()
    {
        TaskScheduler = Ambient.Value ?? TaskScheduler.Default,
        CancellationToken = cancellationToken,
        MaxDegreeOfParallelism = maxDegreeOfParallelism,
    };

    /// <summary>Runs <paramref name="work"/> with its loops on <paramref name="scheduler"/>; the caller's setting is restored after.</summary>
    public static T On<T>(TaskScheduler scheduler, Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(work);
        var previous = Ambient.Value;
        Ambient.Value = scheduler;
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
