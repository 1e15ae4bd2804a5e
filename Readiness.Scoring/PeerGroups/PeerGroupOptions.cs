using Microsoft.ML.Trainers;

namespace Readiness.Scoring.PeerGroups;

/// <summary>Which measure picks k.</summary>
public enum KSelectionMeasure
{
    /// <summary>Lowest Davies–Bouldin index (compact groups far apart). The default: see docs/peer-groups.md.</summary>
    DaviesBouldin,

    /// <summary>Highest mean silhouette (how much closer a municipality is to its own group than to the next).</summary>
    Silhouette,
}

/// <summary>Settings of one peer-group computation. The defaults are the ones documented in docs/peer-groups.md.</summary>
public sealed record PeerGroupOptions
{
    /// <summary>Smallest k tried.</summary>
    public int MinK { get; init; } = 3;

    /// <summary>Largest k tried.</summary>
    public int MaxK { get; init; } = 10;

    /// <summary>Uses this k instead of choosing one; the range is still measured and reported.</summary>
    public int? FixedK { get; init; }

    public KSelectionMeasure SelectBy { get; init; } = KSelectionMeasure.DaviesBouldin;

    /// <summary>Base seed of the k-means initialisations.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>k-means starts per k; the lowest inertia wins.</summary>
    public int Initialisations { get; init; } = 10;

    /// <summary>ML.NET's seeding: k-means|| (<c>KMeansYinyang</c>, the default) or k-means++.</summary>
    public KMeansTrainer.InitializationAlgorithm Initialisation { get; init; } = KMeansTrainer.InitializationAlgorithm.KMeansYinyang;

    /// <summary>
    /// The silhouette of each k is the mean over this many municipalities drawn with <see cref="Seed"/>
    /// (each one's silhouette exact, against all): the exact mean needs all n² distances. With at most
    /// this many municipalities it is exact. 0: always exact.
    /// </summary>
    public int SilhouetteSampleSize { get; init; } = 2_000;

    /// <summary>
    /// A new group takes a previous group's id only if their centroids are at most this far apart
    /// (Euclidean, in z-units of the new run); otherwise it gets a fresh id.
    /// </summary>
    public double MaxIdMatchDistance { get; init; } = 1.0;

    internal void Validate()
    {
        if (MinK < 2 || MaxK < MinK)
        {
            throw new ArgumentException($"The k range must satisfy 2 ≤ MinK ≤ MaxK; got {MinK}..{MaxK}.");
        }

        if (FixedK is { } k && (k < MinK || k > MaxK))
        {
            throw new ArgumentException($"FixedK ({k}) must lie within the k range {MinK}..{MaxK}.");
        }

        if (Initialisations < 1)
        {
            throw new ArgumentException($"Initialisations must be at least 1; got {Initialisations}.");
        }

        if (SilhouetteSampleSize < 0)
        {
            throw new ArgumentException($"SilhouetteSampleSize must be 0 (exact) or more; got {SilhouetteSampleSize}.");
        }

        if (!(MaxIdMatchDistance > 0))
        {
            throw new ArgumentException($"MaxIdMatchDistance must be positive; got {MaxIdMatchDistance}.");
        }
    }
}
