using Microsoft.ML.Trainers;
using Readiness.Scoring.PeerGroups;

namespace Readiness.Tests.Scoring.PeerGroups;

/// <summary>ML.NET k-means on generated Gaussian blobs (reference/blobs.csv, 3,000 rows, 6 features, 5 blobs).</summary>
public sealed class KMeansClusteringTests
{
    private static readonly KMeansSettings Settings = new(Seed: 42, Initialisations: 10);
    private int[] truth = [];
    private double[][] rows = [];
    private SklearnReference reference = null!;

    [OneTimeSetUp]
    public void LoadBlobs()
    {
        var (keys, features) = ReferenceFixtures.ReadCsv("blobs.csv");
        truth = [.. keys.Select(int.Parse)];
        rows = features;
        reference = ReferenceFixtures.ReadReference("blobs.sklearn.json");
    }

    [Test]
    public void Fit_RecoversTheKnownBlobs_AndMatchesScikitLearnInertia()
    {
        var solution = KMeansClustering.Fit(rows, 5, Settings);

        Assert.That(AdjustedRandIndex.Of(truth, solution.Labels), Is.GreaterThanOrEqualTo(0.95));
        Assert.That(solution.Inertia, Is.EqualTo(reference.For(5).Inertia).Within(1).Percent);
    }

    [TestCase(3)]
    [TestCase(4)]
    [TestCase(6)]
    [TestCase(8)]
    public void Fit_MatchesScikitLearnInertia_ForOtherK(int k)
    {
        var solution = KMeansClustering.Fit(rows, k, Settings);

        Assert.That(solution.Inertia, Is.EqualTo(reference.For(k).Inertia).Within(1).Percent);
    }

    [Test]
    public void Fit_SeedingOnASample_StillRecoversTheBlobs()
    {
        var solution = KMeansClustering.Fit(rows, 5, Settings with { SeedingSampleSize = 500 });

        Assert.That(AdjustedRandIndex.Of(truth, solution.Labels), Is.GreaterThanOrEqualTo(0.95));
        Assert.That(solution.Inertia, Is.EqualTo(reference.For(5).Inertia).Within(1).Percent);
    }

    [TestCase(5)]
    [TestCase(8)]
    public void Fit_WithKMeansParallelSeeding_MatchesScikitLearnInertia(int k)
    {
        var solution = KMeansClustering.Fit(rows, k, Settings with { Initialisation = KMeansTrainer.InitializationAlgorithm.KMeansYinyang });

        Assert.That(solution.Inertia, Is.EqualTo(reference.For(k).Inertia).Within(1).Percent);
    }

    [Test]
    public void Fit_TwiceOnTheSameData_GivesIdenticalLabelsAndCentroids()
    {
        var first = KMeansClustering.Fit(rows, 6, Settings);
        var second = KMeansClustering.Fit(rows, 6, Settings);

        Assert.That(second.Labels, Is.EqualTo(first.Labels));
        Assert.That(second.Centroids, Is.EqualTo(first.Centroids));
        Assert.That(second.Inertia, Is.EqualTo(first.Inertia));
    }

    [Test]
    public void Fit_DoesNotDependOnHowManyInitialisationsRunAtOnce()
    {
        var parallel = KMeansClustering.Fit(rows, 7, Settings);
        var sequential = KMeansClustering.Fit(rows, 7, Settings with { MaxParallelism = 1 });

        Assert.That(sequential.Labels, Is.EqualTo(parallel.Labels));
        Assert.That(sequential.Centroids, Is.EqualTo(parallel.Centroids));
    }

    [Test]
    public void Fit_KeepsTheBestInitialisation_AndPolishesItFurther()
    {
        var solution = KMeansClustering.Fit(rows, 8, Settings);

        Assert.That(solution.InitialisationInertias, Has.Count.EqualTo(10));
        Assert.That(solution.Inertia, Is.LessThanOrEqualTo(solution.InitialisationInertias.Min()));
        Assert.That(solution.Inertia, Is.GreaterThan(solution.InitialisationInertias.Min() * 0.99));
    }

    [Test]
    public void Fit_EndsWithEveryCentroidTheMeanOfItsRows()
    {
        var solution = KMeansClustering.Fit(rows, 6, Settings);

        for (var c = 0; c < 6; c++)
        {
            var members = rows.Where((_, i) => solution.Labels[i] == c).ToList();
            var mean = Enumerable.Range(0, 6).Select(f => members.Average(r => r[f])).ToArray();
            Assert.That(solution.Centroids[c], Is.EqualTo(mean).Within(1e-9), $"cluster {c}");
        }
    }

    [TestCase(KSelectionMeasure.DaviesBouldin)]
    [TestCase(KSelectionMeasure.Silhouette)]
    public void KSelection_FindsTheNumberOfBlobs(KSelectionMeasure measure)
    {
        var (solution, candidates) = KSelection.Choose(KMeansData.From(rows), new PeerGroupOptions { MinK = 3, MaxK = 8, SelectBy = measure });

        Assert.That(solution.K, Is.EqualTo(5));
        Assert.That(candidates.Select(c => c.K), Is.EqualTo(new[] { 3, 4, 5, 6, 7, 8 }));
        Assert.That(candidates.Single(c => c.Chosen).K, Is.EqualTo(5));
    }

    [Test]
    public void ClusterQuality_AgreesWithScikitLearn_OnTheTrueLabels()
    {
        var expected = reference.TrueLabels!;

        Assert.That(ClusterQuality.DaviesBouldin(rows, truth, expected.K), Is.EqualTo(expected.DaviesBouldin).Within(1e-9));
        // Single-precision distances, double sums: agreement to about 1e-6.
        Assert.That(ClusterQuality.Silhouette(rows, truth, expected.K), Is.EqualTo(expected.Silhouette).Within(1e-5));
    }

    [Test]
    public void Fit_RejectsMoreClustersThanRows()
    {
        Assert.That(() => KMeansClustering.Fit(rows.Take(3).ToList(), 4, Settings), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
