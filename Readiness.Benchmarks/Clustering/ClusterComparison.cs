using System.Diagnostics;
using System.Globalization;
using Readiness.Benchmarks.Infrastructure;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Benchmarks.Clustering;

/// <summary>
/// <c>cluster [--rows 100000] [--repeat 7]</c>: k-means of Readiness (ML.NET seeding, own polish) and of
/// scikit-learn on the same data, measured in the same session: scikit-learn, then Readiness, then
/// scikit-learn again, so a change in the machine's load shows. Two cases: 100,000 × 8 Gaussian blobs at
/// k = 6 (one start and ten), and the German peer-group features with the whole choice of k (3..10, ten
/// starts each, Davies–Bouldin and silhouette).
/// </summary>
internal static class ClusterComparison
{
    private const int BlobK = 6;

    public static int Run(Args args, TextWriter output)
    {
        var rows = args.Int("rows", 100_000);
        var repeat = args.Int("repeat", 7);
        output.WriteLine($"cluster --rows {rows} --repeat {repeat}; {Machine.Describe()}");
        var scratch = Repository.NewScratch("cluster");
        try
        {
            var csv = Path.Combine(scratch, "blobs.csv");
            var before = ScikitLearn.Run("bench", "--rows", $"{rows}", "--repeats", $"{repeat}", "--json", "--out", csv);
            var data = ScikitLearn.ReadFeatures(csv);
            var ours = new Dictionary<int, List<(double Seconds, double Inertia)>>();
            KMeansClustering.Fit(data, BlobK, new KMeansSettings(Initialisations: 1)); // the JIT and ML.NET's first call, not measured
            foreach (var starts in new[] { 1, 10 })
            {
                ours[starts] = [];
                for (var r = 0; r < repeat; r++)
                {
                    var clock = Stopwatch.StartNew();
                    var solution = KMeansClustering.Fit(data, BlobK, new KMeansSettings(Seed: 42 + (r * 100), Initialisations: starts));
                    ours[starts].Add((clock.Elapsed.TotalSeconds, solution.Inertia));
                }
            }

            var after = ScikitLearn.Run("bench", "--rows", $"{rows}", "--repeats", $"{repeat}", "--json");
            output.WriteLine();
            output.WriteLine($"k-means, {rows:N0} × 8 Gaussian blobs, k = {BlobK}, {repeat} fits each; scikit-learn before and after Readiness; load {Machine.LoadAverage()}");
            // Inertias as median and worst of the fits: with one start both tools sometimes end in a poor local
            // optimum (two blobs merged), so only like against like is a comparison.
            output.WriteLine("| starts | scikit-learn ms | Readiness ms | time ratio | inertia scikit-learn (median, worst) | Readiness (median, worst) | difference of medians |");
            output.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
            foreach (var starts in new[] { 1, 10 })
            {
                var key = $"{starts}";
                var sklearnTimes = Seconds(before, key).Concat(Seconds(after, key)).ToList();
                var sklearnInertia = Stats.Of(Inertias(before, key).Concat(Inertias(after, key)));
                var ourTimes = ours[starts].Select(o => o.Seconds).ToList();
                var ourInertia = Stats.Of(ours[starts].Select(o => o.Inertia));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {starts} | {Stats.Of(sklearnTimes.Select(t => t * 1000)).Format("0")} | {Stats.Of(ourTimes.Select(t => t * 1000)).Format("0")} | "
                    + $"{Stats.Of(ourTimes).Median / Stats.Of(sklearnTimes).Median:0.00} | {sklearnInertia.Median:0.00}, {sklearnInertia.Max:0.00} | {ourInertia.Median:0.00}, {ourInertia.Max:0.00} | "
                    + $"{(ourInertia.Median - sklearnInertia.Median) / sklearnInertia.Median * 100:+0.000;-0.000} % |"));
            }

            ChooseK(args, output, Math.Max(3, repeat / 2));
            return 0;
        }
        finally
        {
            Repository.TryDelete(scratch);
        }
    }

    /// <summary>The peer groups' whole choice of k on the German features, both tools, same session.</summary>
    private static void ChooseK(Args args, TextWriter output, int repeat)
    {
        var csv = Path.Combine(Repository.Root, "Readiness.Tests", "Scoring", "PeerGroups", "reference", "german-features.csv");
        var sample = args.Int("silhouette-sample", 10_000);
        var sklearn = ScikitLearn.Run("bench-k", csv, "--k", "3-10", "--repeats", $"{repeat}", "--silhouette-sample", $"{sample}");
        var data = KMeansData.From(ScikitLearn.ReadFeatures(csv));
        var options = new PeerGroupOptions();
        KSelection.Choose(data, options);
        var times = new List<double>();
        IReadOnlyList<KCandidate> candidates = [];
        for (var r = 0; r < repeat; r++)
        {
            var clock = Stopwatch.StartNew();
            candidates = KSelection.Choose(data, options).Candidates;
            times.Add(clock.Elapsed.TotalSeconds);
        }

        var sklearnTimes = sklearn.GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble()).ToList();
        var reference = sklearn.GetProperty("k").EnumerateArray().ToDictionary(e => e.GetProperty("k").GetInt32(), e => e.GetProperty("inertia").GetDouble());
        var worst = candidates.Max(c => (c.Inertia - reference[c.K]) / reference[c.K] * 100);
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Choice of k on the German features ({data.Count:N0} × {data.Dimensions}), k = 3..10, ten starts each, Davies–Bouldin and silhouette (scikit-learn: silhouette on {sample:N0} sampled rows), {repeat} runs"));
        output.WriteLine("| | seconds | inertia, worst k against scikit-learn |");
        output.WriteLine("| --- | --- | --- |");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| scikit-learn | {Stats.Of(sklearnTimes).Format("0.000")} | |"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Readiness | {Stats.Of(times).Format("0.000")} | {worst:+0.000;-0.000} % |"));
    }

    private static IEnumerable<double> Seconds(System.Text.Json.JsonElement run, string starts) =>
        run.GetProperty("runs").GetProperty(starts).GetProperty("seconds").EnumerateArray().Select(e => e.GetDouble());

    private static IEnumerable<double> Inertias(System.Text.Json.JsonElement run, string starts) =>
        run.GetProperty("runs").GetProperty(starts).GetProperty("inertias").EnumerateArray().Select(e => e.GetDouble());
}
