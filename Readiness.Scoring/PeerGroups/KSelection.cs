namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Fits k-means for every k of the range and keeps the k the configured measure likes best (ties to
/// the smaller k); a fixed k overrides the choice but the range is still measured and reported.
/// </summary>
internal static class KSelection
{
    public static (KMeansSolution Solution, IReadOnlyList<KCandidate> Candidates) Choose(KMeansData data, PeerGroupOptions options)
    {
        // A state may have fewer municipalities than the range asks for (Bremen has two): k < n always.
        var maxK = Math.Min(options.MaxK, data.Count - 1);
        var minK = Math.Min(options.MinK, maxK);
        var settings = new KMeansSettings(options.Seed, options.Initialisations, Initialisation: options.Initialisation);
        if (maxK < 2)
        {
            var single = KMeansClustering.Fit(data, 1, settings);
            return (single, [new KCandidate(1, single.Inertia, 0, 0, Chosen: true)]);
        }

        var fits = new List<(KMeansSolution Solution, double DaviesBouldin, double Silhouette)>();
        for (var k = minK; k <= maxK; k++)
        {
            var solution = KMeansClustering.Fit(data, k, settings);
            fits.Add((solution, ClusterQuality.DaviesBouldin(data, solution.Labels, k), ClusterQuality.Silhouette(data, solution.Labels, k)));
        }

        var chosen = options.FixedK is { } fixedK
            ? fits.FindIndex(f => f.Solution.K == Math.Min(fixedK, maxK))
            : options.SelectBy == KSelectionMeasure.Silhouette
                ? IndexOfBest(fits.Select(f => f.Silhouette).ToList(), higherIsBetter: true)
                : IndexOfBest(fits.Select(f => f.DaviesBouldin).ToList(), higherIsBetter: false);

        var candidates = fits
            .Select((f, i) => new KCandidate(f.Solution.K, f.Solution.Inertia, f.DaviesBouldin, f.Silhouette, i == chosen))
            .ToList();
        return (fits[chosen].Solution, candidates);
    }

    private static int IndexOfBest(List<double> values, bool higherIsBetter)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (higherIsBetter ? values[i] > values[best] : values[i] < values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
