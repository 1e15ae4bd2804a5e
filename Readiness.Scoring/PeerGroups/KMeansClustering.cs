using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Readiness.Scoring.Runs;

namespace Readiness.Scoring.PeerGroups;

/// <summary>How k-means runs: the base seed, how many initialisations, and the Lloyd polish.</summary>
/// <param name="Seed">Initialisation i uses <c>new MLContext(Seed + i)</c>; the same seed gives the same result.</param>
/// <param name="Initialisations">Independent starts; the lowest inertia wins (scikit-learn's n_init).</param>
/// <param name="MlNetIterations">Lloyd iterations ML.NET runs after its seeding; the polish does the rest (see docs/peer-groups.md).</param>
/// <param name="MaxPolishIterations">Lloyd iterations in double precision after ML.NET's fit.</param>
/// <param name="MaxParallelism">Initialisations run at once (each single-threaded); -1 for one per core. The result does not depend on it.</param>
/// <param name="SeedingSampleSize">
/// With more rows than this, the starts run on a sample (<paramref name="StartSampleSize"/>); 0 never
/// samples. The German set (10,752) is below it and never sampled.
/// </param>
/// <param name="Initialisation">ML.NET's seeding: k-means|| (ML.NET's KMeansYinyang, the default) or k-means++.</param>
/// <param name="StartSampleSize">
/// Above <paramref name="SeedingSampleSize"/> rows: every start is seeded by ML.NET and polished on one
/// random sample of this many rows (drawn with <paramref name="Seed"/>), and only the start with the
/// lowest inertia on the sample is polished on all rows (see docs/peer-groups.md).
/// </param>
public sealed record KMeansSettings(
    int Seed = 42, int Initialisations = 10, int MlNetIterations = 1, int MaxPolishIterations = 300, int MaxParallelism = -1,
    int SeedingSampleSize = 20_000,
    KMeansTrainer.InitializationAlgorithm Initialisation = KMeansTrainer.InitializationAlgorithm.KMeansYinyang,
    int StartSampleSize = 5_000);

/// <summary>One k-means solution on standardised rows.</summary>
/// <param name="K">Number of clusters.</param>
/// <param name="Centroids">k × d, in the units of the rows (z-scores for peer groups).</param>
/// <param name="Labels">The index of each row's centroid.</param>
/// <param name="Inertia">Sum of squared distances of rows to their centroid (scikit-learn's <c>inertia_</c>).</param>
/// <param name="InitialisationInertias">
/// The inertia each initialisation reached, polished to scikit-learn's tolerance, in seed order; the
/// winner is then polished until no row moves, so <paramref name="Inertia"/> can be a little lower.
/// When the starts ran on a sample, these are the inertias on the sample.
/// </param>
public sealed record KMeansSolution(int K, double[][] Centroids, int[] Labels, double Inertia, IReadOnlyList<double> InitialisationInertias);

/// <summary>
/// ML.NET k-means made deterministic and as good as scikit-learn's: ML.NET seeds each start (k-means||
/// by default, one thread, a fixed seed per start, one Lloyd iteration), a Lloyd polish in double
/// precision runs each start to convergence (ML.NET's own iterations are single precision and slow
/// to converge), and the start with the lowest inertia wins (ML.NET has no n_init). Above
/// <see cref="KMeansSettings.SeedingSampleSize"/> rows the starts run on a sample and only the winner on
/// all rows. Assignments are computed from the centroids directly: ML.NET's per-row Transform costs more
/// than the fit at 100,000 rows.
/// </summary>
public static class KMeansClustering
{
    public static KMeansSolution Fit(IReadOnlyList<double[]> rows, int k, KMeansSettings settings) =>
        Fit(KMeansData.From(rows), k, settings);

    internal static KMeansSolution Fit(KMeansData data, int k, KMeansSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (k < 1 || k > data.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be between 1 and the number of rows ({data.Count}).");
        }

        if (settings.Initialisations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Initialisations, "At least one initialisation is needed.");
        }

        if (settings.SeedingSampleSize > 0 && data.Count > settings.SeedingSampleSize && settings.StartSampleSize < data.Count)
        {
            return FitOnSample(data, k, settings);
        }

        var runs = Starts(data, k, settings);
        var best = Best(runs);

        // The winner iterates until no row moves, so each centroid is exactly the mean of its rows.
        var (winner, winnerLabels, _) = runs[best];
        var inertia = Lloyd.Polish(data, winner, winnerLabels, settings.MaxPolishIterations);
        return new KMeansSolution(k, winner, winnerLabels, inertia, [.. runs.Select(r => r.Inertia)]);
    }

    /// <summary>
    /// Many rows: the starts are told apart on a sample (a poor optimum shows there as it does on all rows),
    /// and only the winner is polished on every row, first to scikit-learn's tolerance, then until no row moves.
    /// </summary>
    private static KMeansSolution FitOnSample(KMeansData data, int k, KMeansSettings settings)
    {
        var sample = data.SampleData(Math.Max(settings.StartSampleSize, k), settings.Seed);
        var runs = Starts(sample, k, settings);
        var (winner, _, _) = runs[Best(runs)];
        var labels = new int[data.Count];
        Lloyd.Polish(data, winner, labels, settings.MaxPolishIterations, Lloyd.ScikitLearnTolerance(data));
        var inertia = Lloyd.Polish(data, winner, labels, settings.MaxPolishIterations);
        return new KMeansSolution(k, winner, labels, inertia, [.. runs.Select(r => r.Inertia)]);
    }

    /// <summary>Every start: ML.NET's seeding, then the polish to scikit-learn's tolerance.</summary>
    private static (double[][] Centroids, int[] Labels, double Inertia)[] Starts(KMeansData data, int k, KMeansSettings settings)
    {
        // Initialisations are independent (each its own MLContext and seed, ML.NET on one thread), so
        // they run side by side; the winner is picked in seed order, whatever finished first.
        var runs = new (double[][] Centroids, int[] Labels, double Inertia)[settings.Initialisations];
        Parallel.For(0, runs.Length, StageParallelism.Options(maxDegreeOfParallelism: settings.MaxParallelism), init =>
        {
            var centroids = TrainWithMlNet(data, k, settings.Seed + init, settings.MlNetIterations, settings.Initialisation);
            var labels = new int[data.Count];
            // scikit-learn's tolerance here: a start stuck in a poor optimum creeps for hundreds of
            // iterations before it stops moving, and it will lose anyway.
            var inertia = Lloyd.Polish(data, centroids, labels, settings.MaxPolishIterations, Lloyd.ScikitLearnTolerance(data));
            runs[init] = (centroids, labels, inertia);
        });
        return runs;
    }

    private static int Best((double[][] Centroids, int[] Labels, double Inertia)[] runs)
    {
        var best = 0;
        for (var init = 1; init < runs.Length; init++)
        {
            // Clearly lower only: near-ties keep the earlier seed, so float noise cannot flip the choice.
            if (runs[init].Inertia < runs[best].Inertia * (1 - 1e-12))
            {
                best = init;
            }
        }

        return best;
    }

    private static double[][] TrainWithMlNet(KMeansData data, int k, int seed, int iterations, KMeansTrainer.InitializationAlgorithm initialisation)
    {
        var ml = new MLContext(seed);
        var view = ml.Data.LoadFromEnumerable(data.MlRows, data.Schema);
        var trainer = ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = nameof(MlRow.Features),
            NumberOfClusters = k,
            NumberOfThreads = 1,
            MaximumNumberOfIterations = iterations,
            InitializationAlgorithm = initialisation,
        });
        var model = trainer.Fit(view).Model;
        VBuffer<float>[] centroids = [];
        model.GetClusterCentroids(ref centroids, out var trained);
        var result = new double[trained][];
        for (var c = 0; c < trained; c++)
        {
            result[c] = centroids[c].DenseValues().Select(v => (double)v).ToArray();
        }

        return result;
    }

    /// <summary>A row as ML.NET loads it; the vector size is set at run time through <see cref="KMeansData.Schema"/>.</summary>
    internal sealed class MlRow
    {
        public float[] Features { get; set; } = [];
    }
}
