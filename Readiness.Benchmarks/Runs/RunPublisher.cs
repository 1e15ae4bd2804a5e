using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Data;
using Readiness.Data.Runs;

namespace Readiness.Benchmarks.Runs;

/// <summary>A copy of a size's database with one run computed and published by the real executor.</summary>
internal static class RunPublisher
{
    /// <summary>Returns the folder holding the published SQLite store (readiness.db).</summary>
    public static string PublishOnCopy(string template, string prefix) => PublishOnCopy(BenchProvider.Sqlite, template, prefix).Directory;

    /// <summary>A copy of the template, of either provider, with one published run; the caller removes it.</summary>
    public static BenchStore PublishOnCopy(BenchProvider provider, string template, string prefix)
    {
        var store = BenchStore.CopyOf(provider, template, prefix);
        using (var host = new BenchHost(store))
        {
            var runs = host.Services.GetRequiredService<RunStore>();
            var runId = Start(runs);
            host.Services.GetRequiredService<RunExecutor>().Execute(runId, CancellationToken.None);
            var status = runs.Get(runId)!;
            if (status.Status != RunRecord.Succeeded)
            {
                throw new InvalidOperationException($"The run to publish failed: {status.Error}");
            }

            var database = host.Services.GetRequiredService<Database>();
            if (!database.IsPostgres)
            {
                using var connection = database.Open();
                connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
            }
        }

        return store;
    }

    /// <summary>Starts a run as the nightly schedule does (on every core) in the bench's store, which never has one running.</summary>
    public static long Start(RunStore runs)
    {
        var (run, conflict) = runs.TryStart(RunTriggers.Schedule, "bench");
        return run?.Id ?? throw new InvalidOperationException($"Run {conflict?.RunningRunId} is running in the bench database.");
    }
}
