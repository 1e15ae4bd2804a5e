namespace Readiness.Api.Infrastructure;

/// <summary>
/// Enough thread-pool threads at once for requests while a run computes. A run's parallel stages
/// (<c>Parallel.For</c>) occupy the pool's threads; with the default minimum (one per core) requests
/// queued behind them until the pool's hill climbing added threads, about two per second: on 2 cores the
/// p99 of reads during a run reached seconds and wrk saw timeouts. With 64 threads ready, requests are
/// picked up at once and share the cores with the run (docs/benchmarks.md, soak).
/// </summary>
internal static class ThreadPoolSetup
{
    public const string Key = "Readiness:MinWorkerThreads";
    public const int Default = 64;

    public static void Apply(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var wanted = configuration.GetValue(Key, Default);
        if (wanted <= 0)
        {
            return;
        }

        ThreadPool.GetMinThreads(out var worker, out var io);
        if (wanted > worker)
        {
            ThreadPool.SetMinThreads(wanted, io);
        }
    }
}
