using System.Globalization;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Benchmarks.Sizes;

namespace Readiness.Benchmarks.Runs;

/// <summary>
/// <c>growth [--size S]... [--repeat 3]</c>: a whole run at each size (bavaria, germany, europe by
/// default), each in a process of its own, and per stage how time and peak memory grow with the number
/// of municipalities. For O(n log n) a stage's time grows a little faster than n: from 2,056 to 10,752
/// (5.2 times n) about 6 times, from 10,752 to 99,140 (9.2 times n) about 11 times.
/// </summary>
internal static class GrowthReport
{
    public static int Run(Args args, TextWriter output)
    {
        var sizes = args.All("size").Select(BenchSize.Parse).ToList();
        if (sizes.Count == 0)
        {
            sizes = [BenchSize.Bavaria, BenchSize.Germany, BenchSize.Europe];
        }

        var repeat = args.Int("repeat", 3);
        var failed = 0;
        foreach (var size in sizes)
        {
            failed += ChildProcess.RunSelf("run", "--size", size.Name, "--repeat", $"{repeat}") == 0 ? 0 : 1;
        }

        Print(output, [.. sizes.Select(s => RunResults.Load(s.Name)).OfType<RunResults>()]);
        return failed;
    }

    public static void Print(TextWriter output, IReadOnlyList<RunResults> results)
    {
        if (results.Count == 0)
        {
            return;
        }

        var columns = results.Select(r => (r.Size, N: r.Runs[0].Municipalities, Runs: r.Runs.Where(m => !m.Cold && m.Status == "succeeded").ToList())).ToList();
        var stages = results.SelectMany(r => r.Runs).SelectMany(m => m.Stages.Select(s => s.Stage)).Distinct().ToList();
        output.WriteLine();
        output.WriteLine("Growth per stage (nightly runs, medians): seconds | peak RSS MB; × = time ratio to the previous size (n ratio in the header)");
        var header = new List<string> { "stage" };
        for (var c = 0; c < columns.Count; c++)
        {
            header.Add(string.Create(CultureInfo.InvariantCulture, $"{columns[c].Size} ({columns[c].N:N0}) s"));
            if (c > 0)
            {
                header.Add(string.Create(CultureInfo.InvariantCulture, $"× (n ×{columns[c].N / (double)columns[c - 1].N:0.0})"));
            }
        }

        header.AddRange(columns.Select(c => $"{c.Size} MB"));
        output.WriteLine("| " + string.Join(" | ", header) + " |");
        output.WriteLine("|" + string.Concat(Enumerable.Repeat(" --- |", header.Count)));
        foreach (var stage in stages.Append("total"))
        {
            double Seconds(List<RunMeasurement> runs) => Stats.Of(runs.Select(r => stage == "total" ? r.TotalSeconds : r.Stages.FirstOrDefault(s => s.Stage == stage)?.Seconds ?? double.NaN)).Median;
            double Peak(List<RunMeasurement> runs) => Stats.Of(runs.Select(r => stage == "total" ? r.PeakMb : r.Stages.FirstOrDefault(s => s.Stage == stage)?.PeakMb ?? double.NaN)).Median;
            var cells = new List<string> { stage };
            for (var c = 0; c < columns.Count; c++)
            {
                var seconds = Seconds(columns[c].Runs);
                cells.Add(seconds.ToString("0.000", CultureInfo.InvariantCulture));
                if (c > 0)
                {
                    var previous = Seconds(columns[c - 1].Runs);
                    cells.Add(previous > 0.0005 ? (seconds / previous).ToString("0.0", CultureInfo.InvariantCulture) : "–");
                }
            }

            cells.AddRange(columns.Select(c => Peak(c.Runs).ToString("0", CultureInfo.InvariantCulture)));
            output.WriteLine("| " + string.Join(" | ", cells) + " |");
        }
    }
}
