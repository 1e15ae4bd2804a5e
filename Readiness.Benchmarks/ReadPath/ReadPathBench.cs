using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
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
/// <c>read-path [--duration 20] [--warmup 15] [--rounds 3] [--connections 64] [--threads 2] [--provider postgres --connection C]</c>: the
/// Release build of the service under Kestrel on loopback, over a German store with a published run,
/// loaded by wrk (from Debian) with 64 connections: <c>GET /api/v1/municipalities/{ags}/readiness</c>
/// cycling over every AGS, against <c>GET /health/live</c> (a constant JSON answer) of the same
/// process. After a warm-up, rounds alternate the two endpoints; the ratio of each round's pair is
/// reported, and the median of the ratios. A third series sends a reader's API key with every request,
/// as a partner tool does (and must, where reads need a key). The read budget of the rate limiter is
/// raised for the bench (one client address sends everything); the limiter itself stays on.
/// </summary>
internal static class ReadPathBench
{
    public static int Run(Args args, TextWriter output)
    {
        var seconds = args.Int("duration", 20);
        var warmup = args.Int("warmup", 15);
        var rounds = args.Int("rounds", 3);
        var connections = args.Int("connections", 64);
        var threads = args.Int("threads", 2);
        var api = Repository.ApiAssembly();
        if (!File.Exists(api))
        {
            output.WriteLine($"Build the service in Release first: dotnet build -c Release (missing {api}).");
            return 1;
        }

        var provider = BenchProvider.From(args);
        using var store = RunPublisher.PublishOnCopy(provider, BenchDatabases.Template(provider, BenchSize.Germany, output), "read-path");
        var readinessPaths = Path.Combine(store.Directory, "readiness-paths.txt");
        var livePaths = Path.Combine(store.Directory, "live-paths.txt");
        var database = store.Open();
        using (var connection = database.Open())
        {
            File.WriteAllLines(readinessPaths, connection.Query<string>("SELECT ags FROM municipalities ORDER BY ags").Select(a => $"/api/v1/municipalities/{a}/readiness"));
        }

        File.WriteAllLines(livePaths, ["/health/live"]);
        var key = new ApiKeyStore(database).Create("read-path bench", Role.Reader, [], new AuditActor(null, "bench", "admin")).Secret;
        SqliteConnection.ClearAllPools();
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = StartServer(api, store.Directory, url, store.Settings.ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));
        try
        {
            WaitUntilUp(url, server);
            output.WriteLine($"read-path on {provider.Name}: {connections} connections, {threads} wrk threads, {seconds} s per round, {rounds} rounds after {warmup} s warm-up; {Machine.Describe()}");
            WrkRound.Run("warm-up", url, readinessPaths, warmup, threads, connections, server.Id);
            WrkRound.Run("warm-up", url, livePaths, Math.Max(3, warmup / 3), threads, connections, server.Id);

            var results = new List<(WrkRound Live, WrkRound Readiness, WrkRound Keyed)>();
            for (var round = 1; round <= rounds; round++)
            {
                // Alternate the order, so a drift in the machine's load does not favour one endpoint.
                WrkRound Live() => WrkRound.Run("/health/live", url, livePaths, seconds, threads, connections, server.Id);
                WrkRound Readiness() => WrkRound.Run("readiness", url, readinessPaths, seconds, threads, connections, server.Id);
                WrkRound Keyed() => WrkRound.Run("readiness+key", url, readinessPaths, seconds, threads, connections, server.Id, key);
                WrkRound live, readiness, keyed;
                if (round % 2 == 1)
                {
                    live = Live();
                    readiness = Readiness();
                    keyed = Keyed();
                }
                else
                {
                    keyed = Keyed();
                    readiness = Readiness();
                    live = Live();
                }

                results.Add((live, readiness, keyed));
                foreach (var r in new[] { live, readiness, keyed })
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"  round {round} {r.Endpoint,-13} {r.RequestsPerSecond,9:N0} req/s  p50 {r.P50Ms:0.00} ms  p99 {r.P99Ms:0.00} ms  max {r.MaxMs:0.0} ms  server CPU {r.ServerCpuUsPerRequest:0.0} µs/req  {r.KilobytesPerResponse:0.00} KiB/resp  errors {r.Errors}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round} ratio to live: readiness {readiness.RequestsPerSecond / live.RequestsPerSecond:0.000}, with a key {keyed.RequestsPerSecond / live.RequestsPerSecond:0.000}; load {Machine.LoadAverage()}"));
            }

            Report(output, results, connections);
            ReadPathResults.Save(provider.Name, results.Select(r => new[] { r.Live, r.Readiness, r.Keyed }).ToList(), Machine.LoadAverage());
            return results.Sum(r => r.Live.Errors + r.Readiness.Errors + r.Keyed.Errors) == 0 ? 0 : 1;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static void Report(TextWriter output, List<(WrkRound Live, WrkRound Readiness, WrkRound Keyed)> results, int connections)
    {
        output.WriteLine();
        output.WriteLine($"Read path, wrk -t2 -c{connections}, {results.Count} rounds; medians (min–max)");
        output.WriteLine("| endpoint | req/s | p50 ms | p99 ms | server CPU µs/req | KiB/response |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (name, pick) in new (string, Func<(WrkRound Live, WrkRound Readiness, WrkRound Keyed), WrkRound>)[]
        {
            ("GET /health/live (trivial)", r => r.Live),
            ("GET /api/v1/municipalities/{ags}/readiness", r => r.Readiness),
            ("the same with a reader's X-Api-Key", r => r.Keyed),
        })
        {
            var rows = results.Select(pick).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {Stats.Of(rows.Select(r => r.RequestsPerSecond)).Format("0")} | {Stats.Of(rows.Select(r => r.P50Ms)).Format("0.00")} | {Stats.Of(rows.Select(r => r.P99Ms)).Format("0.00")} | {Stats.Of(rows.Select(r => r.ServerCpuUsPerRequest)).Format("0.0")} | {Stats.Of(rows.Select(r => r.KilobytesPerResponse)).Format("0.00")} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ratio to the trivial endpoint, same round: readiness {Stats.Of(results.Select(r => r.Readiness.RequestsPerSecond / r.Live.RequestsPerSecond)).Format("0.000")}, "
            + $"with a key {Stats.Of(results.Select(r => r.Keyed.RequestsPerSecond / r.Live.RequestsPerSecond)).Format("0.000")} (target ≥ 0.7); "
            + $"p99 {Stats.Of(results.Select(r => r.Readiness.P99Ms)).Format("0.00")} ms and {Stats.Of(results.Select(r => r.Keyed.P99Ms)).Format("0.00")} ms (target ≤ 15)"));
    }

    internal static Process StartServer(string api, string dataDirectory, string url, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(api)! };
        start.ArgumentList.Add(api);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url;
        start.Environment["Readiness__DataDirectory"] = dataDirectory;
        start.Environment["Readiness__Jobs__RunOnFirstStart"] = "false";
        // One client address sends every request of the bench: the limiter stays on, with a budget it never reaches.
        start.Environment["Readiness__RateLimit__ReadsPerWindow"] = "1000000000";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The service did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Console.Error.WriteLine($"  [service] {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    internal static void WaitUntilUp(string url, Process server)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The service ended with {server.ExitCode} before it answered.");
            }

            try
            {
                if (client.GetAsync($"{url}/api/v1/runs/current").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK
                    && client.GetAsync($"{url}/health/live").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            Thread.Sleep(250);
        }

        throw new TimeoutException("The service did not answer within 2 minutes.");
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The read path's rounds (trivial, readiness, readiness with a key), as JSON beside the other results.</summary>
internal sealed record ReadPathResults(string Provider, IReadOnlyList<WrkRound[]> Rounds, string LoadAverage)
{
    public static void Save(string provider, IReadOnlyList<WrkRound[]> rounds, string load) =>
        ResultFiles.Save($"read-path-{provider}", new ReadPathResults(provider, rounds, load));

    public static ReadPathResults? Load(string provider) => ResultFiles.Load<ReadPathResults>($"read-path-{provider}");
}
