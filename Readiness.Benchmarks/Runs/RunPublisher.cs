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
    /// <summary>Returns the folder holding the published store (readiness.db).</summary>
    public static string PublishOnCopy(string template, string prefix)
    {
        var directory = Sizes.BenchDatabases.CopyToScratch(template, prefix);
        using (var host = new BenchHost(directory))
        {
            var runs = host.Services.GetRequiredService<RunStore>();
            var (run, _) = runs.TryStart("manual", "bench");
            host.Services.GetRequiredService<RunExecutor>().Execute(run!.Id, CancellationToken.None);
            var status = runs.Get(run.Id)!;
            if (status.Status != RunRecord.Succeeded)
            {
                throw new InvalidOperationException($"The run to publish failed: {status.Error}");
            }

            using var connection = host.Services.GetRequiredService<SqliteDatabase>().Open();
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        return directory;
    }
}
