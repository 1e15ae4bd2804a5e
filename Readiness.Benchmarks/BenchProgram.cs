using BenchmarkDotNet.Running;
using Readiness.Benchmarks.Algorithms;
using Readiness.Benchmarks.Clustering;
using Readiness.Benchmarks.Imports;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.ReadPath;
using Readiness.Benchmarks.Runs;
using Readiness.Benchmarks.Sizes;
using Readiness.Benchmarks.WebApp;

namespace Readiness.Benchmarks;

/// <summary>The bench command: see <see cref="Help"/> and docs/benchmarks.md.</summary>
public static class BenchProgram
{
    private const string Help =
        """
        Readiness benchmarks (run in Release: dotnet run -c Release --project Readiness.Benchmarks -- <command>)

          run --size S [--repeat 5]       whole nightly runs through the real RunExecutor on a SQLite file, stage by stage, each in a process of its own
          growth [--repeat 3]             run for bavaria, germany and europe, each in its own process; time and memory per stage
          import [--rows 100000] [--repeat 5]   CSV import through the real endpoint (in-process), all or nothing
          read-path [--duration 20] [--warmup 15] [--rounds 3]   wrk against Kestrel: readiness vs /health/live
          earlier-runs [--runs 10] [--duration 15] [--rounds 3] [--connections 16]   wrk: ?run= cycling earlier runs vs the current run
          soak [--minutes 10] [--run-every 60] [--settle 30] [--each]   wrk in windows while runs compute in the service; p99 during and between, RSS
          cluster [--rows 100000] [--repeat 7]  k-means against scikit-learn on the same data, side by side
          webapp [--repeat 5]             the web app's views in Debian's Chromium: time until usable, page size
          algorithms [--size S]... [BenchmarkDotNet options]   BenchmarkDotNet: scoring, robustness, clustering, neighbours, pairing, grouping
          providers --connection C [--repeat 3] [--size S]... [--rows 100000] [--duration 5]   run, import and read-path on SQLite and PostgreSQL side by side
          prepare --size S                build the size's database (done on demand by the commands)
          all                             every command above, each figure of docs/benchmarks.md

        run, import, read-path and prepare take --provider postgres --connection "Host=…;Port=…;Username=…" (or READINESS_BENCH_POSTGRES):
        PostgreSQL instead of SQLite, each store a database of its own on that server (a user that may create databases).

        Sizes: district (29), bavaria (2,056), germany (10,752), europe (99,140 LAUs, synthetic), europe:N (whole NUTS 3 regions up to N).
        """;

    /// <summary>BenchmarkDotNet over the sizes given with <c>--size</c>; other options go to BenchmarkDotNet (e.g. <c>--filter *Pairing*</c>).</summary>
    private static int Algorithms(Args parsed)
    {
        var sizes = parsed.All("size").Select(s => BenchSize.Parse(s).Name).ToList();
        if (sizes.Count > 0)
        {
            AlgorithmConfig.Sizes = sizes;
        }

        var rest = new List<string>();
        for (var i = 0; i < parsed.Rest.Count; i++)
        {
            if (parsed.Rest[i] == "--size")
            {
                i++;
                continue;
            }

            rest.Add(parsed.Rest[i]);
        }

        foreach (var size in AlgorithmConfig.Sizes)
        {
            BenchDatabases.Template(BenchSize.Parse(size), Console.Out);
        }

        var summary = BenchmarkRunner.Run<AlgorithmBenchmarks>(new AlgorithmConfig(), [.. rest]);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
    }

    /// <summary>Every figure of docs/benchmarks.md, each command in a process of its own.</summary>
    private static int All(Args parsed, TextWriter output)
    {
        var repeat = parsed.Text("repeat") ?? "5";
        var failed = 0;
        foreach (var size in BenchSize.Standard)
        {
            failed += ChildProcess.RunSelf("run", "--size", size.Name, "--repeat", repeat) == 0 ? 0 : 1;
        }

        GrowthReport.Print(output, [.. new[] { BenchSize.Bavaria, BenchSize.Germany, BenchSize.Europe }.Select(s => RunResults.Load(s.Name)).OfType<RunResults>()]);
        failed += ChildProcess.RunSelf("import") == 0 ? 0 : 1;
        failed += ChildProcess.RunSelf("cluster") == 0 ? 0 : 1;
        failed += ChildProcess.RunSelf("read-path") == 0 ? 0 : 1;
        failed += ChildProcess.RunSelf("algorithms") == 0 ? 0 : 1;
        output.WriteLine(failed == 0 ? "all: done" : $"all: {failed} commands failed");
        return failed == 0 ? 0 : 1;
    }

    public static int Main(string[] args) => Run(args, Console.Out);

    /// <summary>Runs one bench command, writing what it measures to <paramref name="output"/> (the smoke test reads it).</summary>
    public static int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var parsed = Args.Parse(args);
        switch (parsed.Command)
        {
            case "prepare":
                var size = BenchSize.Parse(parsed.Text("size") ?? "germany");
                output.WriteLine($"prepare {size}");
                output.WriteLine(BenchDatabases.Template(BenchProvider.From(parsed), size, output));
                return 0;
            case "run":
                return RunBench.Run(parsed, output);
            case "run-one":
                return RunBench.RunOne(parsed, output);
            case "growth":
                return GrowthReport.Run(parsed, output);
            case "import":
                return ImportBench.Run(parsed, output);
            case "read-path":
                return ReadPathBench.Run(parsed, output);
            case "earlier-runs":
                return EarlierRunsBench.Run(parsed, output);
            case "soak":
                return SoakBench.Run(parsed, output);
            case "cluster":
                return ClusterComparison.Run(parsed, output);
            case "webapp":
                return WebAppBench.Run(parsed, output);
            case "algorithms":
                return Algorithms(parsed);
            case "providers":
                return Providers.ProviderComparison.Run(parsed, output);
            case "all":
                return All(parsed, output);
            case "help" or "--help" or "-h":
                output.WriteLine(Help);
                return 0;
            default:
                output.WriteLine($"Unknown command '{parsed.Command}'.");
                output.WriteLine(Help);
                return 2;
        }
    }
}
