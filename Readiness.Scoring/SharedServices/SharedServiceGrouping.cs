using Readiness.Scoring.Geo;
using Readiness.Scoring.Runs;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// Groups small or structure-poor neighbouring municipalities for shared services: contiguous groups, each
/// over a floor and under a ceiling, as many as possible (max-p-regions by region growing plus local
/// improvement). The method and its limits are explained in docs/shared-services.md.
/// </summary>
public static class SharedServiceGrouping
{
    /// <param name="municipalities">Everyone in scope; who is eligible is decided here from the options.</param>
    /// <param name="neighbours">The neighbour relation (boundary and, unless excluded, distance neighbours).</param>
    /// <param name="options">Parameters; null for the defaults.</param>
    public static SharedServiceResult Group(
        IReadOnlyList<SharedServiceMunicipality> municipalities,
        IReadOnlyList<Neighbour> neighbours,
        SharedServiceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(neighbours);
        options ??= new SharedServiceOptions();
        options.Validate();
        var duplicate = municipalities.GroupBy(m => m.Ags, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"Municipality {duplicate.Key} is listed more than once.", nameof(municipalities));
        }

        var eligible = municipalities.Where(m => IsEligible(m, options)).ToList();
        var graph = UnitGraph.Build(eligible, neighbours, options);
        var floor = new FloorRule(options);
        var areas = Areas(graph);
        // Areas are independent (each its own partition and seed): solved side by side, taken in area order. An area
        // grouped before in this process with the same inputs gets its groups again (SolvedAreas).
        var solved = new Partition[areas.Count];
        var proofs = new ExactGrouping.Proof[areas.Count];
        var reused = 0;
        Parallel.For(0, areas.Count, StageParallelism.Options(), a =>
        {
            var key = SolvedAreas.KeyOf(graph, areas[a], options);
            if (SolvedAreas.Find(graph, floor, areas[a], key) is { } known)
            {
                (solved[a], proofs[a]) = known;
                Interlocked.Increment(ref reused);
                return;
            }

            (solved[a], proofs[a]) = Solve(graph, floor, areas[a], options);
            SolvedAreas.Keep(key, solved[a], proofs[a]);
        });
        var regions = solved.SelectMany(partition => partition.Regions).ToList();
        var hosts = options.HostsAboveThreshold ? HostAssignment.Assign(municipalities, graph, regions, neighbours, options) : [];
        var groups = GroupDescriptions.Describe(graph, floor, regions, hosts, options);
        var unassigned = GroupDescriptions.Unassigned(graph, floor, areas, [.. regions.SelectMany(r => r.Units)]);
        return new SharedServiceResult(groups, unassigned, eligible.Count, GroupDescriptions.UnionStatisticsOf(graph, groups))
        {
            Solver = SolverStatisticsOf(graph, areas, proofs) with { ReusedAreas = reused },
        };
    }

    /// <summary>Whether the municipality is a member of groups: below the population threshold, whatever its structures.</summary>
    public static bool IsEligible(SharedServiceMunicipality municipality, SharedServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(options);
        return municipality.Population < options.PopulationThreshold;
    }

    /// <summary>Per district (of the eligible places): proven when every area of it is; else it fell back to the heuristic.</summary>
    private static GroupingSolverStatistics SolverStatisticsOf(UnitGraph graph, List<List<int>> areas, ExactGrouping.Proof[] proofs)
    {
        var byDistrict = new SortedDictionary<string, bool>(StringComparer.Ordinal);
        for (var a = 0; a < areas.Count; a++)
        {
            // An area never spans districts unless crossing is allowed; then its first member's district stands for it.
            var district = graph.Places[graph.Members[areas[a][0]][0]].DistrictKey;
            byDistrict[district] = byDistrict.GetValueOrDefault(district, true) && proofs[a] != ExactGrouping.Proof.FellBack;
        }

        return new GroupingSolverStatistics(
            byDistrict.Count,
            byDistrict.Count(d => d.Value),
            [.. byDistrict.Where(d => !d.Value).Select(d => d.Key)],
            proofs.Count(p => p == ExactGrouping.Proof.Solver),
            proofs.Count(p => p == ExactGrouping.Proof.Bound));
    }

    /// <summary>
    /// Best of several constructions, then improved, then made exact where cheap (<see cref="ExactGrouping"/>).
    /// An area below the floor as a whole is left alone.
    /// </summary>
    private static (Partition, ExactGrouping.Proof) Solve(UnitGraph graph, FloorRule floor, List<int> units, SharedServiceOptions options)
    {
        if (!floor.MeetsTogether(graph, units))
        {
            return (new Partition(graph, floor, units), ExactGrouping.Proof.Bound);
        }

        Partition? best = null;
        var bound = UpperBound(graph, floor, units);
        var areaSeed = StableHash(options.Seed, graph.Places[graph.Members[units[0]][0]].Ags);
        // One construction is enough where the area has one unit, or where it cannot hold two groups.
        var restarts = units.Count == 1 ? 1 : options.Restarts;
        for (var restart = 0; restart < restarts; restart++)
        {
            var partition = new Partition(graph, floor, units);
            RegionGrowing.Grow(partition, restart < 2 ? null : new Random(areaSeed + restart), fastest: restart == 1);
            RegionImprovement.Split(partition);
            RegionImprovement.Attach(partition);
            if (partition.IsBetterThan(best))
            {
                best = partition;
            }

            if (best!.Regions.Count >= bound && best.AssignedMembers == units.Sum(u => graph.Size[u]))
            {
                break; // as many groups as the area can possibly hold, everyone placed
            }
        }

        RegionImprovement.Compact(best!);
        RegionImprovement.Attach(best!);
        return ExactGrouping.Improve(best!, bound, options);
    }

    /// <summary>
    /// No area holds more groups than its members allow (MinMembers each), nor more than its totals do (each group
    /// needs the foreign-resident floor or the population floor for itself), nor more than its weights allow when
    /// each group has at most MaxMembers members (<see cref="FloorWeights"/>).
    /// </summary>
    internal static long UpperBound(UnitGraph graph, FloorRule floor, List<int> units)
    {
        var size = units.Sum(u => graph.Size[u]);
        var byMembers = size / floor.MinMembers;
        var byTotals = floor.MaxGroupsFrom(units.Sum(u => graph.Population[u]), units.Sum(u => graph.Foreign[u]));
        var bound = Math.Min(byMembers, byTotals);
        return FloorWeights.Of(graph, floor, units) is { } weights ? weights.MaxGroups(floor.MaxMembers, bound) : bound;
    }

    /// <summary>Connected areas of the unit graph, each listed in ascending unit order.</summary>
    private static List<List<int>> Areas(UnitGraph graph)
    {
        var seen = new bool[graph.Count];
        var areas = new List<List<int>>();
        for (var start = 0; start < graph.Count; start++)
        {
            if (seen[start])
            {
                continue;
            }

            var area = new List<int> { start };
            seen[start] = true;
            for (var k = 0; k < area.Count; k++)
            {
                foreach (var next in graph.Adjacent[area[k]])
                {
                    if (!seen[next])
                    {
                        seen[next] = true;
                        area.Add(next);
                    }
                }
            }

            area.Sort();
            areas.Add(area);
        }

        return areas;
    }

    /// <summary>FNV-1a over the seed and a key: stable across processes, unlike string.GetHashCode.</summary>
    private static int StableHash(int seed, string key)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x3FFFFFFF);
    }
}
