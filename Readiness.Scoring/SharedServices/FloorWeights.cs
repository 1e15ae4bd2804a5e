namespace Readiness.Scoring.SharedServices;

/// <summary>
/// How much of the floor each unit of an area brings: its foreign residents over the foreign-resident floor or its
/// residents over the population floor, whichever is more. A group over the floor weighs at least 1 in total, and it
/// has at most <see cref="FloorRule.MaxMembers"/> members, so an area of many very small places can hold far fewer
/// groups than its totals suggest. That gives a tight upper bound on the number of groups and lets the enumeration of
/// candidate groups stop growing a set that cannot reach the floor any more.
/// </summary>
internal sealed class FloorWeights
{
    private const double Tolerance = 1e-9;

    // Units in falling order of weight per member: the best any capacity can hold is a prefix (fractional knapsack).
    private readonly double[] weights;
    private readonly int[] sizes;
    private readonly double[] bestWithin;

    private FloorWeights(double[] weights, int[] sizes, int maxMembers)
    {
        this.weights = weights;
        this.sizes = sizes;
        bestWithin = [.. Enumerable.Range(0, maxMembers + 1).Select(c => Best(c))];
    }

    /// <summary>Null when a floor is 0 (every set reaches it, the weights say nothing).</summary>
    public static FloorWeights? Of(UnitGraph graph, FloorRule floor, IReadOnlyList<int> units)
    {
        if (floor.ForeignFloor is 0 || floor.PopulationFloor is 0)
        {
            return null;
        }

        var ordered = units.Select(u => (Weight: floor.Weight(graph.Population[u], graph.Foreign[u]), Size: graph.Size[u]))
            .OrderByDescending(x => x.Weight / x.Size).ToArray();
        return new FloorWeights([.. ordered.Select(x => x.Weight)], [.. ordered.Select(x => x.Size)], floor.MaxMembers);
    }

    /// <summary>Whether a set of <paramref name="size"/> members and this weight could still reach the floor by adding members.</summary>
    public bool CanReach(int size, double weight, int maxMembers) =>
        size <= maxMembers && weight + bestWithin[maxMembers - size] >= 1 - Tolerance;

    /// <summary>The most groups of at most <paramref name="maxMembers"/> members each that the weights allow, up to <paramref name="limit"/>.</summary>
    public long MaxGroups(int maxMembers, long limit)
    {
        // Best(capacity) is concave and the need grows linearly, so the feasible counts run from 0 up to the answer.
        long groups = 0;
        while (groups < limit && Best((groups + 1) * (long)maxMembers) >= groups + 1 - Tolerance)
        {
            groups++;
        }

        return groups;
    }

    /// <summary>The most weight members of this area can bring within <paramref name="capacity"/> members (fractional: an upper bound).</summary>
    private double Best(long capacity)
    {
        var total = 0.0;
        for (var i = 0; i < weights.Length && capacity > 0; i++)
        {
            var take = Math.Min(capacity, sizes[i]);
            total += weights[i] * take / sizes[i];
            capacity -= take;
        }

        return total;
    }
}
