namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The candidate groups of an area: every connected set of units within the ceiling that reaches the floor and has
/// no smaller such set inside it (a <em>minimal</em> candidate). Any valid group contains one, and a smaller group
/// never leaves less room for the others, so the largest number of disjoint candidates is the area's maximum.
/// Sets are grown from their lowest unit through higher ones (each connected set once, as in Wernicke's ESU), a set
/// is not grown further once over the floor, nor once the largest shares that could still join cannot lift it there.
/// Arrays are reused across the search: it may take millions of steps.
/// </summary>
internal sealed class CandidateGroups
{
    private readonly UnitGraph graph;
    private readonly FloorRule floor;
    private readonly int[] units;
    private readonly int[][] adjacent; // local indices, ascending
    private FloorWeights? weights; // of the units the current root's sets can reach
    private readonly bool[] near; // the set and its neighbours above the root: the exclusive neighbourhood test
    private readonly int[][] extension; // per depth
    private readonly int[][] marked; // per depth, the units marked near at that depth
    private readonly int[] current;
    private readonly double[] ratio; // share of the floor per member
    private readonly int[] seen; // stamps of the reach search
    private readonly int[] distance;
    private readonly int[] queue;
    private int stamp;
    private readonly List<int[]> found = [];
    private long steps;
    private long limit;

    private CandidateGroups(UnitGraph graph, FloorRule floor, IReadOnlyList<int> units)
    {
        this.graph = graph;
        this.floor = floor;
        this.units = [.. units];
        var local = new Dictionary<int, int>(this.units.Length);
        for (var i = 0; i < this.units.Length; i++)
        {
            local[this.units[i]] = i;
        }

        adjacent = [.. this.units.Select(u => graph.Adjacent[u].Where(local.ContainsKey).Select(v => local[v]).Order().ToArray())];
        near = new bool[this.units.Length];
        var depths = floor.MaxMembers + 2;
        extension = [.. Enumerable.Range(0, depths).Select(_ => new int[this.units.Length])];
        marked = [.. Enumerable.Range(0, depths).Select(_ => new int[this.units.Length])];
        current = new int[depths];
        ratio = [.. this.units.Select(u => floor.Weight(graph.Population[u], graph.Foreign[u]) / graph.Size[u])];
        seen = new int[this.units.Length];
        distance = new int[this.units.Length];
        queue = new int[this.units.Length];
    }

    /// <summary>
    /// The minimal candidate groups among <paramref name="units"/> (global unit ids, each set ascending), or null when
    /// more than <paramref name="limit"/> search steps would be needed.
    /// </summary>
    public static List<int[]>? Enumerate(UnitGraph graph, FloorRule floor, IReadOnlyList<int> units, long limit)
    {
        var search = new CandidateGroups(graph, floor, units) { limit = limit };
        return search.Run() ? search.found : null;
    }

    private bool Run()
    {
        for (var root = 0; root < units.Length; root++)
        {
            var count = 0;
            near[root] = true;
            foreach (var u in adjacent[root])
            {
                if (u > root)
                {
                    near[u] = true;
                    extension[0][count++] = u;
                }
            }

            current[0] = root;
            weights = FloorWeights.Of(graph, floor, Reach(root));
            var unit = units[root];
            var ok = Extend(root, 1, count, graph.Size[unit], graph.Population[unit], graph.Foreign[unit]);
            near[root] = false;
            for (var k = 0; k < count; k++)
            {
                near[extension[0][k]] = false;
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The units a set grown from <paramref name="root"/> can reach: through units above it, within as many steps as
    /// the ceiling leaves room for. Their best shares bound what such a set can still gain.
    /// </summary>
    private List<int> Reach(int root)
    {
        var reach = new List<int> { units[root] };
        var distance = new Dictionary<int, int> { [root] = 0 };
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var at = queue.Dequeue();
            if (distance[at] + 1 >= floor.MaxMembers)
            {
                continue;
            }

            foreach (var u in adjacent[at])
            {
                if (u > root && distance.TryAdd(u, distance[at] + 1))
                {
                    reach.Add(units[u]);
                    queue.Enqueue(u);
                }
            }
        }

        return reach;
    }

    /// <summary>
    /// Whether the units this branch may still add could lift the set over the floor: the extension, and units not yet
    /// next to the set reached through them, within as many steps as the ceiling leaves members (a unit further away
    /// needs the units between as well). Units the search has passed over for this branch never come back.
    /// </summary>
    private bool CanStillReach(int root, int depth, int count, int size, double weight)
    {
        var room = floor.MaxMembers - size;
        if (room <= 0)
        {
            return weight >= 1 - 1e-9;
        }

        var here = extension[depth - 1];
        stamp++;
        var queued = 0;
        for (var k = 0; k < count; k++)
        {
            seen[here[k]] = stamp;
            distance[here[k]] = 1;
            queue[queued++] = here[k];
        }

        Span<double> best = stackalloc double[room];
        best.Clear();
        var sum = 0.0;
        for (var head = 0; head < queued; head++)
        {
            var at = queue[head];
            var unit = units[at];
            if (graph.Size[unit] > room)
            {
                continue; // cannot join, nor lead anywhere
            }

            // Each member of a unit brings its share per member; the best `room` such shares bound the gain.
            for (var m = 0; m < graph.Size[unit] && m < room; m++)
            {
                var value = ratio[at];
                if (value <= best[room - 1])
                {
                    break;
                }

                sum += value - best[room - 1];
                var i = room - 1;
                while (i > 0 && best[i - 1] < value)
                {
                    best[i] = best[i - 1];
                    i--;
                }

                best[i] = value;
            }

            if (weight + sum >= 1 - 1e-9)
            {
                return true; // enough within reach already: most sets stop here
            }

            if (distance[at] >= room)
            {
                continue;
            }

            foreach (var u in adjacent[at])
            {
                if (u > root && !near[u] && seen[u] != stamp)
                {
                    seen[u] = stamp;
                    distance[u] = distance[at] + 1;
                    queue[queued++] = u;
                }
            }
        }

        return false;
    }

    // depth: units in the set so far (current[0..depth)); the extension is extension[depth - 1][0..count);
    // size, population, foreign: the set's totals.
    private bool Extend(int root, int depth, int count, int size, long population, double foreign)
    {
        if (++steps > limit)
        {
            return false;
        }

        if (floor.Meets(size, population, foreign))
        {
            if (IsMinimal(depth, size, population, foreign))
            {
                found.Add(Set(depth));
            }

            return true;
        }

        if (weights is not null
            && (!weights.CanReach(size, floor.Weight(population, foreign), floor.MaxMembers)
                || !CanStillReach(root, depth, count, size, floor.Weight(population, foreign))))
        {
            return true;
        }

        var here = extension[depth - 1];
        var next = extension[depth];
        var mark = marked[depth];
        for (var e = count - 1; e >= 0; e--)
        {
            var w = here[e];
            var unit = units[w];
            if (size + graph.Size[unit] > floor.MaxMembers)
            {
                continue;
            }

            Array.Copy(here, next, e);
            var nextCount = e;
            var marks = 0;
            foreach (var u in adjacent[w])
            {
                if (u > root && !near[u])
                {
                    near[u] = true;
                    next[nextCount++] = u;
                    mark[marks++] = u;
                }
            }

            current[depth] = w;
            var ok = Extend(root, depth + 1, nextCount, size + graph.Size[unit], population + graph.Population[unit], foreign + graph.Foreign[unit]);
            for (var k = 0; k < marks; k++)
            {
                near[mark[k]] = false;
            }

            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether no unit can leave the set with the rest still connected and over the floor.</summary>
    private bool IsMinimal(int depth, int size, long population, double foreign)
    {
        for (var k = 0; k < depth; k++)
        {
            var unit = units[current[k]];
            if (depth > 1
                && floor.Meets(size - graph.Size[unit], population - graph.Population[unit], foreign - graph.Foreign[unit])
                && ConnectedWithout(depth, k))
            {
                return false;
            }
        }

        return true;
    }

    private bool ConnectedWithout(int depth, int skip)
    {
        var start = skip == 0 ? 1 : 0;
        var reached = 1 << start;
        var frontier = reached;
        while (frontier != 0)
        {
            var grown = 0;
            for (var i = 0; i < depth; i++)
            {
                if ((frontier >> i & 1) == 0)
                {
                    continue;
                }

                for (var j = 0; j < depth; j++)
                {
                    if (j != skip && (reached >> j & 1) == 0 && Array.BinarySearch(adjacent[current[i]], current[j]) >= 0)
                    {
                        grown |= 1 << j;
                    }
                }
            }

            reached |= grown;
            frontier = grown;
        }

        return System.Numerics.BitOperations.PopCount((uint)reached) == depth - 1;
    }

    private int[] Set(int depth)
    {
        var set = new int[depth];
        for (var k = 0; k < depth; k++)
        {
            set[k] = units[current[k]];
        }

        Array.Sort(set);
        return set;
    }
}
