using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.Runs;
using Readiness.Benchmarks.Sizes;
using Readiness.Data;
using Readiness.Data.ApiKeys;
using Readiness.Data.Audit;

namespace Readiness.Benchmarks.ReadPath;

/// <summary>
/// <c>soak [--minutes 10] [--run-every 60] [--settle 30] [--window 5] [--connections 64] [--env NAME=VALUE]... [--each]</c>: the
/// Release service over the German store, read by wrk (Bavaria's readiness answers, 64 connections)
/// in back-to-back windows while every <c>--run-every</c> seconds an assessment is added and a run is
/// started in the same process. Each window is classed by whether a run was computing in it; reported:
/// non-2xx answers, the p99 of windows during and between runs, and the service's RSS after the first
/// run and at the end. <c>--env</c> passes settings to the service (e.g. <c>DOTNET_gcServer=1</c>) to compare;
/// <c>--each</c> also prints every window (to find where an outlier fell).
/// Target (issue 14, item 16): p99 ≤ 50 ms during runs; RSS within ± 10 % after the first run.
/// </summary>
internal static class SoakBench
{
    public static int Run(Args args, TextWriter output)
    {
        var minutes = args.Int("minutes", 10);
        var runEvery = args.Int("run-every", 60);
        var window = args.Int("window", 5);
        var connections = args.Int("connections", 64);
        var threads = args.Int("threads", 2);
        var settle = TimeSpan.FromSeconds(args.Int("settle", 30));
        var api = Repository.ApiAssembly();
        if (!File.Exists(api))
        {
            output.WriteLine($"Build the service in Release first: dotnet build -c Release (missing {api}).");
            return 1;
        }

        var environment = new Dictionary<string, string>
        {
            ["Readiness__RateLimit__WritesPerWindow"] = "1000000",
            ["Readiness__Jobs__PollInterval"] = "00:00:00.200",
        };
        foreach (var setting in args.All("env"))
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            environment[setting[..equals]] = setting[(equals + 1)..];
        }

        var directory = RunPublisher.PublishOnCopy(BenchDatabases.Template(BenchSize.Germany, output), "soak");
        var paths = Path.Combine(directory, "bavaria-paths.txt");
        string[] bavaria;
        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "readiness.db"), Pooling = false }.ToString()))
        {
            connection.Open();
            bavaria = [.. connection.Query<string>("SELECT ags FROM municipalities WHERE ags LIKE '09%' ORDER BY ags")];
            File.WriteAllLines(paths, bavaria.Select(a => $"/api/v1/municipalities/{a}/readiness"));
        }

        var admin = new ApiKeyStore(Database.ForFile(Path.Combine(directory, "readiness.db")))
            .Create("soak bench", Role.Admin, [], new AuditActor(null, "bench", "admin")).Secret;
        SqliteConnection.ClearAllPools();
        var url = $"http://127.0.0.1:{ReadPathBench.FreePort()}";
        using var server = ReadPathBench.StartServer(api, directory, url, environment);
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", admin);
        try
        {
            ReadPathBench.WaitUntilUp(url, server);
            output.WriteLine($"soak: {minutes} min, a run every {runEvery} s, wrk -t{threads} -c{connections} in {window} s windows over {bavaria.Length} Bavarian answers; "
                + $"settings {string.Join(' ', args.All("env"))}; {Machine.Describe()}");
            var windows = new List<(DateTimeOffset Start, DateTimeOffset End, WrkRound Round, long RssKb)>();
            var end = DateTimeOffset.UtcNow.AddMinutes(minutes);
            var nextRun = DateTimeOffset.UtcNow.AddSeconds(Math.Min(15, runEvery));
            var triggered = 0;
            // After the last run the reads go on until the next would have started, without starting it: the figure at the
            // end is then taken at the same point of the cycle as the one after the first run and every one before a run
            // (20 s after a run the collections have not yet handed all of it back).
            while (DateTimeOffset.UtcNow < end || (triggered > 0 && DateTimeOffset.UtcNow < nextRun))
            {
                if (DateTimeOffset.UtcNow >= nextRun && DateTimeOffset.UtcNow < end)
                {
                    // Never sooner than --settle seconds after the previous run finished: the first run after a start searches the
                    // shared-service groups afresh and takes about 50 s instead of 20, which left 10 s of reads before the second run
                    // and so took the RSS "after the first run" before the reads had filled what the served run keeps for them.
                    var previous = triggered == 0 ? default : Runs(client).MaxBy(r => r.Started);
                    if (previous.Status is not null && previous.Finished is null)
                    {
                        nextRun = DateTimeOffset.UtcNow;
                    }
                    else if (previous.Finished is { } finished && DateTimeOffset.UtcNow < finished + settle)
                    {
                        nextRun = finished + settle;
                    }
                    else
                    {
                        Trigger(client, bavaria[triggered % bavaria.Length], triggered);
                        triggered++;
                        nextRun = DateTimeOffset.UtcNow.AddSeconds(runEvery);
                    }
                }

                var start = DateTimeOffset.UtcNow;
                var round = WrkRound.Run("soak", url, paths, window, threads, connections, server.Id);
                windows.Add((start, DateTimeOffset.UtcNow, round, RssKb(server.Id)));
            }

            var runs = Runs(client).Where(r => r.Started >= windows[0].Start.AddMinutes(-1)).ToList();
            bool During((DateTimeOffset Start, DateTimeOffset End, WrkRound Round, long RssKb) w) =>
                runs.Any(r => r.Started < w.End && (r.Finished ?? DateTimeOffset.MaxValue) > w.Start);
            var during = windows.Where(During).ToList();
            var between = windows.Where(w => !During(w)).ToList();
            // The end of the soak's first run: not the service's start-up run, which may still compute while the first
            // windows read (a run started by hand then waits for it).
            var firstRunEnd = runs.Where(r => r.Started >= windows[0].Start && r.Finished is not null).Select(r => r.Finished!.Value).DefaultIfEmpty(windows[0].End).Min();
            // After the first run: the last window before a later run starts, once the reads between have filled what the
            // served run keeps for them (the first window after a run comes right after the compacting collection).
            var beforeEachRun = runs.OrderBy(r => r.Started).Select(r => windows.LastOrDefault(w => w.End <= r.Started && !During(w))).Where(w => w.RssKb > 0).ToList();
            var rssStart = beforeEachRun.FirstOrDefault(w => w.Start > firstRunEnd).RssKb;
            // Both between runs, so that neither counts a run's own arrays.
            var rssEnd = windows.LastOrDefault(w => !During(w)).RssKb;
            var errors = windows.Sum(w => w.Round.Errors);
            var requests = windows.Sum(w => w.Round.Requests);

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {windows.Count} windows, {requests:N0} requests, non-2xx or socket errors {errors}; {triggered} runs started, statuses {string.Join(", ", runs.GroupBy(r => r.Status).Select(g => $"{g.Key} {g.Count()}"))}; "
                + $"run durations {Stats.Of(runs.Where(r => r.Finished is not null).Select(r => (r.Finished!.Value - r.Started).TotalSeconds)).Format("0.0")} s"));
            output.WriteLine("  runs, seconds after the first window (start–end): " + string.Join(", ", runs.OrderBy(r => r.Started).Select(r =>
                string.Create(CultureInfo.InvariantCulture, $"{(r.Started - windows[0].Start).TotalSeconds:0}–{((r.Finished ?? windows[^1].End) - windows[0].Start).TotalSeconds:0}"))));
            output.WriteLine("| windows | count | req/s | p50 ms | p99 ms, median (min–max) | worst p99 ms |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- |");
            foreach (var (name, set) in new[] { ("during a run", during), ("between runs", between) })
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {set.Count} | {Stats.Of(set.Select(w => w.Round.RequestsPerSecond)).Format("0")} | {Stats.Of(set.Select(w => w.Round.P50Ms)).Format("0.00")} | {Stats.Of(set.Select(w => w.Round.P99Ms)).Format("0.0")} | {(set.Count == 0 ? "–" : set.Max(w => w.Round.P99Ms).ToString("0.0", CultureInfo.InvariantCulture))} |"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RSS between runs: after the first run {rssStart / 1024.0:0} MB, at the end {rssEnd / 1024.0:0} MB ({(rssStart == 0 ? double.NaN : (rssEnd - rssStart) * 100.0 / rssStart):+0.0;-0.0} %)"));
            // The last window before each run: whether memory levels off or keeps growing from run to run.
            var beforeRuns = beforeEachRun.Select(w => w.RssKb).Append(rssEnd).ToList();
            output.WriteLine($"RSS before each run (in time order) and at the end, MB: {string.Join(", ", beforeRuns.Select(kb => (kb / 1024.0).ToString("0", CultureInfo.InvariantCulture)))}");
            // By position, not by value: from the window the figure after the first run was taken from, to the end.
            var afterFirst = rssStart == 0 ? [] : beforeEachRun.Where(w => w.Start > firstRunEnd).Select(w => w.RssKb).Append(rssEnd).ToList();
            if (afterFirst.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"RSS from the first run on, against it: {(afterFirst.Min() - rssStart) * 100.0 / rssStart:+0.0;-0.0} % to {(afterFirst.Max() - rssStart) * 100.0 / rssStart:+0.0;-0.0} %"));
            }
            if (args.Flag("each"))
            {
                output.WriteLine("  each window: seconds after the first (start), during a run, req/s, p99 ms, max ms, RSS MB");
                foreach (var w in windows)
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  {(w.Start - windows[0].Start).TotalSeconds:0} {(During(w) ? "run" : "-")} {w.Round.RequestsPerSecond:0} {w.Round.P99Ms:0.0} {w.Round.MaxMs:0.0} {w.RssKb / 1024.0:0}"));
                }
            }

            return errors == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
            Repository.TryDelete(directory);
        }
    }

    /// <summary>An assessment that changes the inputs (so the run computes rather than ending unchanged), then a run.</summary>
    private static void Trigger(HttpClient client, string ags, int number)
    {
        var body = JsonContent.Create(new { referenceDate = "2025-06-30", activeVolunteers = 1000 + number, note = $"soak {number}" });
        client.PostAsync($"/api/v1/municipalities/{ags}/assessments", body).GetAwaiter().GetResult().Dispose();
        client.PostAsync("/api/v1/runs", null).GetAwaiter().GetResult().Dispose();
    }

    private static List<(DateTimeOffset Started, DateTimeOffset? Finished, string Status)> Runs(HttpClient client)
    {
        using var document = JsonDocument.Parse(client.GetStringAsync("/api/v1/runs?pageSize=500").GetAwaiter().GetResult());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(r => (
            r.GetProperty("startedAt").GetDateTimeOffset(),
            r.TryGetProperty("finishedAt", out var f) && f.ValueKind == JsonValueKind.String ? f.GetDateTimeOffset() : (DateTimeOffset?)null,
            r.GetProperty("status").GetString()!))];
    }

    private static long RssKb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
