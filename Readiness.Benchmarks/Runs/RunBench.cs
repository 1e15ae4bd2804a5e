using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Readiness.Api.Runs;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.Sizes;
using Readiness.Data;
using Readiness.Data.Assessments;
using Readiness.Data.Runs;
using Readiness.Scoring.Model;

namespace Readiness.Benchmarks.Runs;

/// <summary>
/// <c>run --size S [--repeat N] [--provider postgres --connection C]</c>: whole nightly runs through the real
/// <see cref="RunExecutor"/> on a real SQLite file (or PostgreSQL database), stage by stage, each in a process of its own (<c>run-one</c>). The first run is a
/// fresh install's (nothing published, first in the process, so the JIT is in it); then N nightly runs,
/// each on a copy of the published store, in a process that serves the published run, has run the
/// night before and gets one new surveyed assessment, so the run computes everything with the previous
/// run's groups and pairs, as every night.
/// </summary>
internal static class RunBench
{
    public static int Run(Args args, TextWriter output)
    {
        var size = BenchSize.Parse(args.Text("size") ?? "germany");
        var repeat = args.Int("repeat", 5);
        var provider = BenchProvider.From(args);
        if (!BenchDatabases.Exists(provider, size) && ChildProcess.RunSelf(["prepare", "--size", size.Name, .. provider.Arguments]) != 0)
        {
            output.WriteLine($"Could not prepare the {size} database.");
            return 1;
        }

        var template = BenchDatabases.Template(provider, size, output);
        var loadBefore = Machine.LoadAverage();
        var liveHeap = args.Flag("live-heap");
        var measurements = new List<RunMeasurement>();

        // The published store every nightly run starts from: the first run's, copied for each.
        using var published = BenchStore.CopyOf(provider, template, $"run-{size}");
        using (var counting = published.Open().Open())
        {
            output.WriteLine($"run --size {size} --repeat {repeat} on {provider.Name}: {counting.ExecuteScalar<int>("SELECT count(*) FROM municipalities")} municipalities; {Machine.Describe()}");
        }

        var first = MeasureInChild(size, published, cold: true, liveHeap, output);
        measurements.Add(first);
        Print(output, first, 0);
        if (first.Status != RunRecord.Succeeded)
        {
            Save(size, provider, loadBefore, measurements);
            return 1;
        }

        for (var i = 1; i <= repeat; i++)
        {
            using var store = published.Copy($"run-{size}");
            var measurement = MeasureInChild(size, store, cold: false, liveHeap, output, i);
            measurements.Add(measurement);
            Print(output, measurement, i);
        }

        var results = Save(size, provider, loadBefore, measurements);
        Report(output, results);
        return measurements.All(m => m.Status == RunRecord.Succeeded) ? 0 : 1;
    }

    /// <summary>
    /// Each run in a process of its own, as a service that has started (or restarted) and runs the
    /// night's job: its peak memory is its own, not what earlier hosts of the bench left behind.
    /// </summary>
    private static RunMeasurement MeasureInChild(BenchSize size, BenchStore store, bool cold, bool liveHeap, TextWriter output, int repetition = 0)
    {
        var result = Path.Combine(store.Directory, "measurement.json");
        string[] arguments = ["run-one", "--size", size.Name, .. store.Arguments, "--out", result, "--repetition", $"{repetition}",
            .. cold ? new[] { "--cold" } : [], .. liveHeap ? new[] { "--live-heap" } : []];
        if (ChildProcess.RunSelf(arguments) != 0 || !File.Exists(result))
        {
            output.WriteLine($"     the run process for {store.Directory} failed");
            return new RunMeasurement(size.Name, 0, cold, "failed", "the run process failed", 0, 0, []);
        }

        return JsonSerializer.Deserialize<RunMeasurement>(File.ReadAllText(result), RunResults.Json)!;
    }

    /// <summary>
    /// <c>run-one --size S --directory D --out F [--cold] [--repetition N] [--live-heap]</c>: one run on
    /// the store in D, in this process. A fresh install's run (<c>--cold</c>) is the process's first. A
    /// nightly run's process is a service that ran the night before and serves that run while it computes
    /// the next: so it runs once unmeasured (on one new assessment), serves the result, then gets another
    /// new assessment and the measured run.
    /// </summary>
    public static int RunOne(Args args, TextWriter output)
    {
        var size = BenchSize.Parse(args.Text("size") ?? "germany");
        var store = BenchStore.FromArguments(args);
        var probe = new StageProbe(args.Flag("live-heap"));
        var measurement = Measure(size, store, probe, cold: args.Flag("cold"), args.Int("repetition", 1));
        if (probe is { LiveHeap.Count: > 0 })
        {
            output.WriteLine("     live heap at stage start: " + string.Join(", ", probe.LiveHeap.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Stage} {PeakMemory.Megabytes(h.Bytes):0} MB"))));
        }

        File.WriteAllText(args.Text("out") ?? Path.Combine(store.Directory, "measurement.json"), JsonSerializer.Serialize(measurement, RunResults.Json));
        return measurement.Status == RunRecord.Succeeded ? 0 : 1;
    }

    private static RunMeasurement Measure(BenchSize size, BenchStore bench, StageProbe probe, bool cold, int repetition)
    {
        using var host = new BenchHost(bench, probe);
        var runs = host.Services.GetRequiredService<RunStore>();
        var executor = host.Services.GetRequiredService<RunExecutor>();
        var municipalities = host.Services.GetRequiredService<BaseDataCache>().Snapshot.Municipalities.Count;
        var store = host.Services.GetRequiredService<Database>();
        if (!cold)
        {
            var cache = host.Services.GetRequiredService<PublishedRunCache>();
            Serve(cache);
            AddOneSurveyedAssessment(store, 1000 + repetition);
            var nightBefore = RunPublisher.Start(runs);
            executor.Execute(nightBefore, CancellationToken.None);
            if (runs.Get(nightBefore)?.Status != RunRecord.Succeeded)
            {
                throw new InvalidOperationException("The night before's run failed.");
            }

            Serve(cache);
            AddOneSurveyedAssessment(store, repetition);

            // A day passes between two nightly runs: the JIT's background recompilation of what the night
            // before ran hot (tiered compilation) is done by then and must not compete with the measured run.
            Thread.Sleep(TimeSpan.FromSeconds(3));
        }

        // The run starts from a compacted heap with free memory given back: its peak is the run's and the served run's.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var runId = RunPublisher.Start(runs);
        probe.Start();
        var clock = Stopwatch.StartNew();
        executor.Execute(runId, CancellationToken.None);
        clock.Stop();
        probe.Finish();

        var record = runs.Get(runId)!;
        var recorded = JsonSerializer.Deserialize<List<RecordedStage>>(record.Stages ?? "[]", RunResults.Json) ?? [];
        var memory = probe.Stages.ToDictionary(s => s.Stage, StringComparer.Ordinal);
        var stages = recorded.Select(s => new StageFigure(
            s.Name, s.DurationMs / 1000,
            memory.TryGetValue(s.Name, out var m) ? PeakMemory.Megabytes(m.PeakBytes) : double.NaN,
            memory.TryGetValue(s.Name, out m) ? PeakMemory.Megabytes(m.AllocatedBytes) : double.NaN)).ToList();
        var peak = probe.Stages.Count == 0 ? 0 : probe.Stages.Max(s => s.PeakBytes);
        return new RunMeasurement(size.Name, municipalities, cold, record.Status, record.Error, clock.Elapsed.TotalSeconds, PeakMemory.Megabytes(peak), stages);
    }

    /// <summary>Everything a serving process builds on its first requests: the run, its answers and its peer-group members.</summary>
    private static void Serve(PublishedRunCache cache)
    {
        var served = cache.Current ?? throw new InvalidOperationException("A nightly run's store has no published run.");
        _ = served.AnswersOf(string.Empty);
        _ = served.PeerGroupMembers;
    }

    /// <summary>A planner's new answers: the inputs change, so the run computes instead of ending unchanged.</summary>
    private static void AddOneSurveyedAssessment(Database database, int repetition)
    {
        database.InTransaction((connection, transaction) =>
        {
            var ags = connection.ExecuteScalar<string>("SELECT ags FROM municipalities ORDER BY ags LIMIT 1", transaction: transaction)!;
            var answers = new AssessmentAnswers
            {
                ContactPerson = true,
                PaidStaffFte = 0.5 + (repetition / 10.0),
                Network = true,
                VolunteerCoordination = false,
                MigrantCouncil = false,
                IntegrationConcept = true,
                CouncilResolution = false,
                IntermunicipalExchange = true,
                IntegrationBudgetEur = 10_000,
                ActiveVolunteers = 12,
                VolunteerAllowance = true,
                MigrantOrganisations = 1,
                YearsOfIntegrationWork = 4,
            };
            AssessmentStore.Insert(connection, transaction, [new NewAssessment(ags, new DateOnly(2025, 6, 30), AssessmentSource.Surveyed, answers, "bench")],
                "bench", null, DateTimeOffset.UtcNow);
        });
        SqliteConnection.ClearAllPools();
    }

    private static RunResults Save(BenchSize size, BenchProvider provider, string loadBefore, List<RunMeasurement> measurements)
    {
        var results = new RunResults(size.Name, Machine.Describe(), loadBefore, Machine.LoadAverage(), DateTimeOffset.UtcNow, measurements) { Provider = provider.Name };
        results.Save();
        return results;
    }

    private static void Print(TextWriter output, RunMeasurement m, int index)
    {
        var stages = string.Join(", ", m.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Seconds:0.000}")));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  #{index} {(m.Cold ? "first run (fresh install, cold)" : "nightly run")}: {m.Status} in {m.TotalSeconds:0.000} s, peak {m.PeakMb:0} MB; {stages}"));
        if (m.Error is not null)
        {
            output.WriteLine($"     error: {m.Error}");
        }
    }

    /// <summary>Per stage: the cold run, and the median (min–max) of the nightly runs.</summary>
    public static void Report(TextWriter output, RunResults results)
    {
        var cold = results.Runs.FirstOrDefault(r => r.Cold);
        var warm = results.Runs.Where(r => !r.Cold && r.Status == RunRecord.Succeeded).ToList();
        output.WriteLine();
        output.WriteLine($"Full run, {results.Size} ({results.Runs[0].Municipalities} municipalities) on {results.Provider ?? "sqlite"}, {warm.Count} nightly runs; load {results.LoadBefore} → {results.LoadAfter}");
        output.WriteLine("| stage | first run (s) | nightly run, median (min–max) s | peak RSS, MB | allocated, MB |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        var names = (cold?.Stages ?? warm.FirstOrDefault()?.Stages ?? []).Select(s => s.Stage).ToList();
        foreach (var name in names)
        {
            var of = warm.Select(r => r.Stages.FirstOrDefault(s => s.Stage == name)).OfType<StageFigure>().ToList();
            var coldStage = cold?.Stages.FirstOrDefault(s => s.Stage == name);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {coldStage?.Seconds:0.000} | {Stats.Of(of.Select(s => s.Seconds)).Format("0.000")} | {Stats.Of(of.Select(s => s.PeakMb)).Format("0")} | {Stats.Of(of.Select(s => s.AllocatedMb)).Format("0")} |"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| **total** | {cold?.TotalSeconds:0.000} | **{Stats.Of(warm.Select(r => r.TotalSeconds)).Format("0.000")}** | **{Stats.Of(warm.Select(r => r.PeakMb)).Format("0")}** | |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"First run: peak RSS {cold?.PeakMb:0} MB."));
    }

    private sealed record RecordedStage(string Name, double DurationMs);
}
