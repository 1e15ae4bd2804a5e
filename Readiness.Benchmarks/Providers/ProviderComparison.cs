using System.Globalization;
using Readiness.Api.Runs;
using Readiness.Benchmarks.Imports;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.ReadPath;
using Readiness.Benchmarks.Runs;
using Readiness.Data.Runs;

namespace Readiness.Benchmarks.Providers;

/// <summary>
/// <c>providers --connection "Host=…;Username=…" [--repeat 3] [--rows 100000] [--size germany --size europe]
/// [--duration 5]</c>: issue 19's figures side by side in one invocation. Each measurement is the ordinary
/// bench command in a process of its own, on SQLite and then on PostgreSQL, so a drift of the machine's load
/// touches both: nightly runs of each size, the import of 100,000 assessments, and a short read path. Then one
/// table with medians, ranges, the ratios and the targets (PostgreSQL's nightly run at most 1.5× SQLite's,
/// its import at most 2 s, the read path from memory on both).
/// </summary>
internal static class ProviderComparison
{
    public const double RunRatioTarget = 1.5;
    public const double ImportTargetSeconds = 2.0;

    public static int Run(Args args, TextWriter output)
    {
        var postgres = BenchProvider.Postgres(args.Text("connection") ?? Environment.GetEnvironmentVariable(BenchProvider.Variable));
        var repeat = args.Text("repeat") ?? "3";
        var rows = args.Text("rows") ?? "100000";
        var duration = args.Text("duration") ?? "5";
        IReadOnlyList<string> sizes = args.All("size") is { Count: > 0 } named ? named : ["germany", "europe"];
        BenchProvider[] providers = [BenchProvider.Sqlite, postgres];
        output.WriteLine($"providers: sizes {string.Join(", ", sizes)}, {repeat} repetitions; {Machine.Describe()}");

        var failed = 0;
        var loads = new List<string>();
        void Step(string what, params string[] arguments)
        {
            loads.Add($"{what}: {Machine.LoadAverage()}");
            failed += ChildProcess.RunSelf(arguments) == 0 ? 0 : 1;
        }

        foreach (var size in sizes)
        {
            foreach (var provider in providers)
            {
                Step($"run {size} {provider.Name}", ["run", "--size", size, "--repeat", repeat, .. provider.Arguments]);
            }
        }

        foreach (var provider in providers)
        {
            Step($"import {provider.Name}", ["import", "--rows", rows, "--repeat", repeat, .. provider.Arguments]);
        }

        foreach (var provider in providers)
        {
            Step($"read-path {provider.Name}", ["read-path", "--duration", duration, "--warmup", duration, "--rounds", repeat, .. provider.Arguments]);
        }

        loads.Add($"end: {Machine.LoadAverage()}");
        Report(output, sizes, loads);
        output.WriteLine(failed == 0 ? "providers: done" : $"providers: {failed} commands failed");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>The side-by-side table from the commands' result files.</summary>
    public static void Report(TextWriter output, IReadOnlyList<string> sizes, IReadOnlyList<string> loads)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine();
        output.WriteLine("| what | SQLite, median (range) | PostgreSQL, median (range) | PostgreSQL / SQLite | target | met |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var size in sizes)
        {
            var sqlite = Nightly(RunResults.Load(size));
            var postgres = Nightly(RunResults.Load(size, "postgres"));
            var ratio = postgres.Total.Median / sqlite.Total.Median;
            Row(output, $"nightly run, {size} ({Municipalities(size)}), s", sqlite.Total, postgres.Total, "0.00", ratio, $"≤ {RunRatioTarget}×", ratio <= RunRatioTarget);
            foreach (var stage in new[] { RunExecutor.SnapshotStage, RunExecutor.WriteStage, RunExecutor.PublishStage })
            {
                Row(output, $"– of which {stage}, s", sqlite.Stage(stage), postgres.Stage(stage), "0.000", postgres.Stage(stage).Median / sqlite.Stage(stage).Median, "", null);
            }
        }

        var importSqlite = Stats.Of(ImportResults.Load("sqlite")?.ImportSeconds ?? []);
        var importPostgres = Stats.Of(ImportResults.Load("postgres")?.ImportSeconds ?? []);
        Row(output, "import of 100,000 assessments, s", importSqlite, importPostgres, "0.000", importPostgres.Median / importSqlite.Median,
            $"PostgreSQL ≤ {ImportTargetSeconds} s", importPostgres.Median <= ImportTargetSeconds);
        var dryPostgres = Stats.Of(ImportResults.Load("postgres")?.DryRunSeconds ?? []);
        Row(output, "– the same as a dry run (parse, validate), s", Stats.Of(ImportResults.Load("sqlite")?.DryRunSeconds ?? []), dryPostgres, "0.000", double.NaN, "", null);

        var readSqlite = ReadPathResults.Load("sqlite");
        var readPostgres = ReadPathResults.Load("postgres");
        Row(output, "read path: readiness, req/s", Rounds(readSqlite, 1, r => r.RequestsPerSecond), Rounds(readPostgres, 1, r => r.RequestsPerSecond), "0",
            Rounds(readPostgres, 1, r => r.RequestsPerSecond).Median / Rounds(readSqlite, 1, r => r.RequestsPerSecond).Median, "", null);
        var ratioSqlite = Ratio(readSqlite);
        var ratioPostgres = Ratio(readPostgres);
        Row(output, "– ratio to /health/live, same round", ratioSqlite, ratioPostgres, "0.00", double.NaN, "≥ 0.7 on both", ratioSqlite.Median >= 0.7 && ratioPostgres.Median >= 0.7);
        Row(output, "– readiness p99, ms", Rounds(readSqlite, 1, r => r.P99Ms), Rounds(readPostgres, 1, r => r.P99Ms), "0.00", double.NaN, "", null);
        Row(output, "– with a reader's key, req/s", Rounds(readSqlite, 2, r => r.RequestsPerSecond), Rounds(readPostgres, 2, r => r.RequestsPerSecond), "0",
            Rounds(readPostgres, 2, r => r.RequestsPerSecond).Median / Rounds(readSqlite, 2, r => r.RequestsPerSecond).Median, "", null);
        output.WriteLine();
        output.WriteLine("1-minute, 5-minute, 15-minute load at the start of each step: " + string.Join("; ", loads));
    }

    private static void Row(TextWriter output, string what, Stats sqlite, Stats postgres, string format, double ratio, string target, bool? met)
    {
        var times = double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "";
        var verdict = met switch
        {
            true => "**met**",
            false => "**not met**",
            null => "",
        };
        output.WriteLine($"| {what} | {sqlite.Format(format)} | {postgres.Format(format)} | {times} | {target} | {verdict} |");
    }

    private static string Municipalities(string size) =>
        RunResults.Load(size) is { Runs.Count: > 0 } results ? results.Runs[0].Municipalities.ToString("N0", CultureInfo.InvariantCulture) : "?";

    private static (Stats Total, Func<string, Stats> Stage) Nightly(RunResults? results)
    {
        var warm = results?.Runs.Where(r => !r.Cold && r.Status == RunRecord.Succeeded).ToList() ?? [];
        return (Stats.Of(warm.Select(r => r.TotalSeconds)),
            stage => Stats.Of(warm.Select(r => r.Stages.FirstOrDefault(s => s.Stage == stage)?.Seconds ?? double.NaN)));
    }

    private static Stats Rounds(ReadPathResults? results, int series, Func<WrkRound, double> pick) =>
        Stats.Of(results?.Rounds.Select(r => pick(r[series])) ?? []);

    private static Stats Ratio(ReadPathResults? results) =>
        Stats.Of(results?.Rounds.Select(r => r[1].RequestsPerSecond / r[0].RequestsPerSecond) ?? []);
}
