namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The construction phase of max-p-regions (after Duque, Anselin and Rey 2012): grow a region from a seed
/// by adding adjacent free units until it reaches the floor, within the ceiling; a seed that cannot get
/// there is released and tried again only as part of other regions or as an enclave to attach later.
/// </summary>
internal static class RegionGrowing
{
    /// <summary>
    /// One construction. Without <paramref name="random"/>: seeds in order of fewest neighbours first (the
    /// edge of an area is the hardest to place), growth towards the most compact addition, or, with
    /// <paramref name="fastest"/>, towards the unit that brings the region furthest towards the floor (for
    /// areas of very small places, where a compact region fills its ceiling before its floor). With it:
    /// seeds in random order, growth by a random adjacent unit. Either way a unit that completes the floor
    /// is preferred, the smallest such one, so no more is spent on a region than it needs.
    /// </summary>
    public static void Grow(Partition partition, Random? random, bool fastest = false)
    {
        var graph = partition.Graph;
        var floor = partition.Floor;
        var order = random is null
            ? [.. partition.Units.OrderBy(u => graph.Adjacent[u].Length).ThenBy(u => u)]
            : Shuffled(partition.Units, random);

        foreach (var seed in order)
        {
            if (partition.RegionOf(seed) is not null)
            {
                continue;
            }

            var region = partition.Create();
            partition.Add(region, seed);
            var frontier = new SortedSet<int>();
            AddFreeNeighbours(partition, seed, frontier);
            var fitting = new List<int>();
            while (!partition.Meets(region))
            {
                fitting.Clear();
                foreach (var unit in frontier)
                {
                    if (region.Size + graph.Size[unit] <= floor.MaxMembers)
                    {
                        fitting.Add(unit);
                    }
                }

                if (fitting.Count == 0)
                {
                    break;
                }

                var next = Pick(partition, region, fitting, random, fastest);
                frontier.Remove(next);
                partition.Add(region, next);
                AddFreeNeighbours(partition, next, frontier);
            }

            if (!partition.Meets(region))
            {
                foreach (var unit in region.Units.ToList())
                {
                    partition.Remove(region, unit);
                }
            }
        }
    }

    private static int Pick(Partition partition, Region region, List<int> fitting, Random? random, bool fastest)
    {
        var graph = partition.Graph;
        var floor = partition.Floor;
        // fitting is ascending, so strict comparisons keep the lowest unit on ties.
        var best = -1;
        var bestKey = (double.MaxValue, int.MaxValue);
        foreach (var u in fitting)
        {
            if (floor.Meets(region.Size + graph.Size[u], region.Population + graph.Population[u], region.Foreign + graph.Foreign[u]))
            {
                var key = (floor.Progress(graph.Population[u], graph.Foreign[u]), graph.Size[u]);
                if (key.CompareTo(bestKey) < 0)
                {
                    (best, bestKey) = (u, key);
                }
            }
        }

        if (best >= 0)
        {
            return best;
        }

        if (random is not null)
        {
            return fitting[random.Next(fitting.Count)];
        }

        var bestScore = double.MaxValue;
        foreach (var u in fitting)
        {
            var score = fastest
                ? -floor.Progress(graph.Population[u], graph.Foreign[u]) / graph.Size[u]
                : region.InertiaAfter(graph, u, +1);
            if (score < bestScore)
            {
                (best, bestScore) = (u, score);
            }
        }

        return best;
    }

    private static void AddFreeNeighbours(Partition partition, int unit, SortedSet<int> frontier)
    {
        foreach (var next in partition.Graph.Adjacent[unit])
        {
            if (partition.RegionOf(next) is null)
            {
                frontier.Add(next);
            }
        }
    }

    private static List<int> Shuffled(IReadOnlyList<int> units, Random random)
    {
        var list = units.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
