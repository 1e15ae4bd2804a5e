using Google.OrTools.Graph;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Gives the new groups the ids of the previous run's groups they resemble most: a minimum-cost
/// assignment (OR-Tools LinearSumAssignment) on centroid distance, so the ids are optimal for the
/// whole set at once rather than greedily. A new group with no previous group within the distance
/// limit, or left over when k grew, gets a fresh id above every previous one.
/// </summary>
internal static class PeerGroupIdMatcher
{
    private const double CostScale = 1e6;

    /// <param name="centroids">New centroids in z-units.</param>
    /// <param name="previous">Previous ids with centroids already in the same z-units.</param>
    /// <param name="maxDistance">Farthest a new centroid may be from a previous one to take its id.</param>
    /// <returns>Per new group its id and, if it took a previous id, the distance to that group.</returns>
    public static (int[] Ids, double?[] Distances) Match(
        double[][] centroids, IReadOnlyList<(int Id, double[] Centroid)> previous, double maxDistance)
    {
        var k = centroids.Length;
        var ids = new int[k];
        var distances = new double?[k];
        var freshOrder = FreshOrder(centroids);
        if (previous.Count == 0)
        {
            for (var rank = 0; rank < k; rank++)
            {
                ids[freshOrder[rank]] = rank + 1;
            }

            return (ids, distances);
        }

        var p = previous.Count;
        // Left nodes: new groups 0..k-1, then p "retire" dummies. Right nodes: previous groups
        // 0..p-1, then k "fresh" slots. Matching new i to previous j costs their distance; giving i
        // a fresh id costs the distance limit; retiring a previous group is free.
        using var assignment = new LinearSumAssignment();
        for (var i = 0; i < k; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var distance = Math.Sqrt(Lloyd.SquaredDistance(centroids[i], previous[j].Centroid));
                if (distance <= maxDistance)
                {
                    assignment.AddArcWithCost(i, j, Cost(distance));
                }
            }

            assignment.AddArcWithCost(i, p + i, Cost(maxDistance));
        }

        for (var r = 0; r < p; r++)
        {
            for (var j = 0; j < p + k; j++)
            {
                assignment.AddArcWithCost(k + r, j, 0);
            }
        }

        if (assignment.Solve() != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException("The id assignment found no optimal matching; this should not happen.");
        }

        var nextId = previous.Max(g => g.Id) + 1;
        var matched = new bool[k];
        for (var i = 0; i < k; i++)
        {
            var mate = assignment.RightMate(i);
            if (mate < p)
            {
                ids[i] = previous[mate].Id;
                distances[i] = Math.Sqrt(Lloyd.SquaredDistance(centroids[i], previous[mate].Centroid));
                matched[i] = true;
            }
        }

        foreach (var i in freshOrder.Where(i => !matched[i]))
        {
            ids[i] = nextId++;
        }

        return (ids, distances);
    }

    /// <summary>Groups in the order fresh ids are handed out: smallest places first (by centroid log population, then density).</summary>
    private static int[] FreshOrder(double[][] centroids) =>
        [.. Enumerable.Range(0, centroids.Length).OrderBy(c => centroids[c][0]).ThenBy(c => centroids[c][1]).ThenBy(c => c)];

    private static long Cost(double distance) => (long)Math.Round(distance * CostScale);
}
