using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.Runs;
using Readiness.Benchmarks.Sizes;

namespace Readiness.Benchmarks.ReadPath;

/// <summary>
/// <c>earlier-runs [--runs 10] [--duration 15] [--rounds 3] [--connections 16]</c>: single-municipality
/// readiness of earlier runs (<c>?run=</c>), as anonymous clients cycling through them would ask, against
/// the current run's. The German store gets one published run from the real executor and <c>--runs</c>
/// published copies of it under other ids (every run table copied, so each is a complete published run
/// the service could load). wrk cycles over every AGS, each request naming the next earlier run. Target
/// (issue 14, item 12): p95 ≤ 20 ms.
/// </summary>
internal static class EarlierRunsBench
{
    public static int Run(Args args, TextWriter output)
    {
        var runCount = args.Int("runs", 10);
        var seconds = args.Int("duration", 15);
        var rounds = args.Int("rounds", 3);
        var connections = args.Int("connections", 16);
        var threads = args.Int("threads", 2);
        var api = Repository.ApiAssembly();
        if (!File.Exists(api))
        {
            output.WriteLine($"Build the service in Release first: dotnet build -c Release (missing {api}).");
            return 1;
        }

        var directory = RunPublisher.PublishOnCopy(BenchDatabases.Template(BenchSize.Germany, output), "earlier-runs");
        var earlierPaths = Path.Combine(directory, "earlier-paths.txt");
        var currentPaths = Path.Combine(directory, "current-paths.txt");
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "readiness.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            var runs = CopyPublishedRun(connection, runCount);
            var ags = connection.Query<string>("SELECT ags FROM municipalities ORDER BY ags").ToList();
            File.WriteAllLines(earlierPaths, ags.Select((a, i) => $"/api/v1/municipalities/{a}/readiness?run={runs[i % runs.Count]}"));
            File.WriteAllLines(currentPaths, ags.Select(a => $"/api/v1/municipalities/{a}/readiness"));
            connection.Execute("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var url = $"http://127.0.0.1:{ReadPathBench.FreePort()}";
        using var server = ReadPathBench.StartServer(api, directory, url);
        try
        {
            ReadPathBench.WaitUntilUp(url, server);
            output.WriteLine($"earlier-runs: {runCount} earlier runs, {connections} connections, {threads} wrk threads, {seconds} s per round, {rounds} rounds; {Machine.Describe()}");
            WrkRound.Run("warm-up", url, earlierPaths, 5, threads, connections, server.Id);
            var results = new List<(WrkRound Earlier, WrkRound Current)>();
            for (var round = 1; round <= rounds; round++)
            {
                var earlier = WrkRound.Run("?run=earlier", url, earlierPaths, seconds, threads, connections, server.Id);
                var current = WrkRound.Run("current", url, currentPaths, seconds, threads, connections, server.Id);
                results.Add((earlier, current));
                foreach (var r in new[] { earlier, current })
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round} {r.Endpoint,-13} {r.RequestsPerSecond,9:N0} req/s  p50 {r.P50Ms:0.00} ms  p95 {r.P95Ms:0.00} ms  p99 {r.P99Ms:0.00} ms  max {r.MaxMs:0.0} ms  errors {r.Errors}; load {Machine.LoadAverage()}"));
                }
            }

            output.WriteLine();
            output.WriteLine($"Earlier runs' single readiness, wrk -t{threads} -c{connections}, {rounds} rounds; medians (min–max)");
            output.WriteLine("| request | req/s | p50 ms | p95 ms | p99 ms | non-2xx |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var (name, pick) in new (string, Func<(WrkRound Earlier, WrkRound Current), WrkRound>)[]
            {
                ($"`?run=` cycling {runCount} earlier runs", r => r.Earlier),
                ("the current run", r => r.Current),
            })
            {
                var rows = results.Select(pick).ToList();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {Stats.Of(rows.Select(r => r.RequestsPerSecond)).Format("0")} | {Stats.Of(rows.Select(r => r.P50Ms)).Format("0.00")} | {Stats.Of(rows.Select(r => r.P95Ms)).Format("0.00")} | {Stats.Of(rows.Select(r => r.P99Ms)).Format("0.00")} | {rows.Sum(r => r.Errors)} |"));
            }

            var p95 = Stats.Of(results.Select(r => r.Earlier.P95Ms));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p95 of earlier runs {p95.Format("0.00")} ms (target ≤ 20 ms: {(p95.Max <= 20 ? "met" : "missed")})"));
            return results.Sum(r => r.Earlier.Errors + r.Current.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Repository.TryDelete(directory);
        }
    }

    /// <summary>Copies the current run's rows of every run table under new run ids, each published; returns the ids.</summary>
    private static List<long> CopyPublishedRun(SqliteConnection connection, int copies)
    {
        var current = connection.ExecuteScalar<long>("SELECT run_id FROM current_run");
        var tables = connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'run\\_%' ESCAPE '\\'")
            .Select(t => (Table: t, Columns: connection.Query<string>($"SELECT name FROM pragma_table_info('{t}')").ToList()))
            .Where(t => t.Columns.Contains("run_id"))
            .ToList();
        var ids = new List<long>();
        using var transaction = connection.BeginTransaction();
        for (var i = 0; i < copies; i++)
        {
            var id = connection.ExecuteScalar<long>(
                """
                INSERT INTO runs (status, trigger, started_at, finished_at, heartbeat_at, owner, input_version, parameters, stages, published_at, requested_by)
                SELECT status, trigger, started_at, finished_at, heartbeat_at, owner, input_version, parameters, stages, published_at, requested_by
                FROM runs WHERE id = @current RETURNING id
                """, new { current }, transaction);
            foreach (var (table, columns) in tables)
            {
                var list = string.Join(", ", columns);
                var values = string.Join(", ", columns.Select(c => c == "run_id" ? "@id" : c));
                connection.Execute($"INSERT INTO {table} ({list}) SELECT {values} FROM {table} WHERE run_id = @current", new { id, current }, transaction);
            }

            ids.Add(id);
        }

        transaction.Commit();
        return ids;
    }
}
