namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The local-improvement phase: split regions that can carry two groups (more groups), attach leftover
/// units to adjacent regions with room, making room by passing a unit on where needed (more members
/// placed), and move single units between adjacent regions while that makes them more compact. Every
/// step keeps each region contiguous, over the floor and under the ceiling.
/// </summary>
internal static class RegionImprovement
{
    private const int MaxMovePasses = 50;

    /// <summary>Splits any region into two valid ones while possible, choosing the most compact split.</summary>
    public static void Split(Partition partition)
    {
        var floor = partition.Floor;
        var work = new Queue<Region>(partition.Regions.OrderBy(r => r.Id));
        while (work.Count > 0)
        {
            var region = work.Dequeue();
            // Most groups just reach the floor: their totals cannot carry two, so the enumeration is skipped.
            if (region.Size < 2 * floor.MinMembers || region.Units.Count < 2 || floor.MaxGroupsFrom(region.Population, region.Foreign) < 2)
            {
                continue;
            }

            var best = BestSplit(partition, region);
            if (best is not null)
            {
                var part = partition.Create();
                foreach (var unit in best)
                {
                    partition.Remove(region, unit);
                    partition.Add(part, unit);
                }

                work.Enqueue(region);
                work.Enqueue(part);
            }
        }
    }

    /// <summary>
    /// Places leftover units in adjacent regions with room, or makes room. A unit that cannot be placed is
    /// looked at again only when a region next to it changes, in ascending unit order (deterministic).
    /// </summary>
    public static void Attach(Partition partition)
    {
        var graph = partition.Graph;
        var pending = new SortedSet<int>(partition.Units.Where(u => partition.RegionOf(u) is null));
        while (pending.Count > 0)
        {
            var unit = pending.Min;
            pending.Remove(unit);
            var target = partition.AdjacentRegions(unit)
                .Where(r => r.Size + graph.Size[unit] <= partition.Floor.MaxMembers)
                .OrderBy(r => r.InertiaAfter(graph, unit, +1) - r.Inertia)
                .ThenBy(r => r.Id)
                .FirstOrDefault();
            if (target is not null)
            {
                partition.Add(target, unit);
                Wake(partition, target, pending);
            }
            else if (TryMakeRoom(partition, unit) is { } moved)
            {
                // The receiving region may still have room for the passed unit's other neighbours.
                Wake(partition, moved.Full, pending);
                Wake(partition, moved.To, pending);
            }
        }
    }

    /// <summary>Leftover units next to a region that changed get another look.</summary>
    private static void Wake(Partition partition, Region region, SortedSet<int> pending)
    {
        foreach (var member in region.Units)
        {
            foreach (var next in partition.Graph.Adjacent[member])
            {
                if (partition.RegionOf(next) is null)
                {
                    pending.Add(next);
                }
            }
        }
    }

    /// <summary>Moves single units to an adjacent region while the total inertia falls; deterministic order.</summary>
    public static void Compact(Partition partition)
    {
        var graph = partition.Graph;
        for (var pass = 0; pass < MaxMovePasses; pass++)
        {
            var improved = false;
            foreach (var unit in partition.Units)
            {
                var from = partition.RegionOf(unit);
                if (from is null)
                {
                    continue;
                }

                // Cheap tests first: the best adjacent region with room that would make things more compact;
                // only then whether the unit may leave its region at all (floor and contiguity).
                var saving = from.Inertia - from.InertiaAfter(graph, unit, -1);
                Region? best = null;
                var bestDelta = -1e-6;
                foreach (var region in partition.AdjacentRegions(unit))
                {
                    var delta = region.InertiaAfter(graph, unit, +1) - region.Inertia - saving;
                    if (region.Size + graph.Size[unit] <= partition.Floor.MaxMembers && delta < bestDelta)
                    {
                        (best, bestDelta) = (region, delta);
                    }
                }

                if (best is not null && partition.CanGive(from, unit))
                {
                    partition.Remove(from, unit);
                    partition.Add(best, unit);
                    improved = true;
                }
            }

            if (!improved)
            {
                return;
            }
        }
    }

    private static List<int>? BestSplit(Partition partition, Region region)
    {
        var graph = partition.Graph;
        var units = region.Units.Order().ToList();
        List<int>? best = null;
        var bestInertia = double.MaxValue;
        // Bit 0 always stays: each split is enumerated once. Regions have at most MaxMembers units.
        for (var mask = 1; mask < (1 << units.Count) - 1; mask += 2)
        {
            var keep = new Region(-1);
            var part = new Region(-1);
            for (var k = 0; k < units.Count; k++)
            {
                ((mask >> k & 1) == 1 ? keep : part).Change(graph, units[k], +1);
            }

            if (partition.Meets(keep) && partition.Meets(part)
                && partition.Connected(keep.Units) && partition.Connected(part.Units)
                && keep.Inertia + part.Inertia < bestInertia - 1e-6)
            {
                best = part.Units;
                bestInertia = keep.Inertia + part.Inertia;
            }
        }

        return best;
    }

    /// <summary>
    /// A full region next to <paramref name="unit"/> passes one of its units to another adjacent region with
    /// room, when it stays valid without it, and takes <paramref name="unit"/> in its place.
    /// </summary>
    private static (Region Full, Region To)? TryMakeRoom(Partition partition, int unit)
    {
        var graph = partition.Graph;
        foreach (var full in partition.AdjacentRegions(unit))
        {
            foreach (var give in full.Units.Order().ToList())
            {
                if (full.Size - graph.Size[give] + graph.Size[unit] > partition.Floor.MaxMembers
                    || !partition.CanGive(full, give)
                    || !partition.Connected(full.Units, without: give, with: unit))
                {
                    continue;
                }

                var to = partition.AdjacentRegions(give)
                    .FirstOrDefault(r => r != full && r.Size + graph.Size[give] <= partition.Floor.MaxMembers);
                if (to is not null)
                {
                    partition.Remove(full, give);
                    partition.Add(to, give);
                    partition.Add(full, unit);
                    return (full, to);
                }
            }
        }

        return null;
    }
}
