using System.Globalization;
using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;

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
        var regions = areas.SelectMany(area => Solve(graph, floor, area, options).Regions).ToList();
        var groups = ToGroups(graph, floor, regions, options);
        var unassigned = Unassigned(graph, floor, areas, [.. regions.SelectMany(r => r.Units)]);
        return new SharedServiceResult(groups, unassigned, eligible.Count, UnionStatisticsOf(graph, groups));
    }

    public static bool IsEligible(SharedServiceMunicipality municipality, SharedServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(options);
        return municipality.Population < options.PopulationThreshold
            || (options.IncludeWithoutContactPerson && municipality.HasContactPerson == false);
    }

    /// <summary>Best of several constructions, then improved. An area below the floor as a whole is left alone.</summary>
    private static Partition Solve(UnitGraph graph, FloorRule floor, List<int> units, SharedServiceOptions options)
    {
        if (!Meets(graph, floor, units))
        {
            return new Partition(graph, floor, units);
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
        return best!;
    }

    /// <summary>
    /// No area holds more groups than its members allow (MinMembers each) nor more than its totals do:
    /// each group needs the foreign-resident floor or the population floor for itself.
    /// </summary>
    private static long UpperBound(UnitGraph graph, FloorRule floor, List<int> units)
    {
        var size = units.Sum(u => graph.Size[u]);
        var byMembers = size / floor.MinMembers;
        var byTotals = floor.MaxGroupsFrom(units.Sum(u => graph.Population[u]), units.Sum(u => graph.Foreign[u]));
        return Math.Min(byMembers, byTotals);
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

    private static List<SharedServiceGroup> ToGroups(UnitGraph graph, FloorRule floor, List<Region> regions, SharedServiceOptions options)
    {
        var built = regions
            .Select(r => r.Units.SelectMany(u => graph.Members[u]).Order().Select(m => graph.Places[m]).ToList())
            .OrderBy(members => members[0].Ags, StringComparer.Ordinal)
            .ToList();
        var sequence = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<SharedServiceGroup>(built.Count);
        foreach (var members in built)
        {
            var district = members[0].DistrictKey;
            var number = sequence[district] = sequence.GetValueOrDefault(district) + 1;
            var population = members.Sum(m => m.Population);
            var foreign = members.Sum(m => m.ForeignResidents ?? 0);
            var missing = Structures.All.Where(s => members.All(m => Answer(m, s) != true)).ToList();
            var unconfirmed = missing.Where(s => members.Any(m => Answer(m, s) is null)).ToList();
            var enoughParticipants = options.FloorForeignResidents is not { } f || foreign >= f;
            groups.Add(new SharedServiceGroup(
                string.Create(CultureInfo.InvariantCulture, $"{district}-{number:D2}"),
                district,
                [.. members.Select(m => m.Ags)],
                population,
                foreign,
                members.All(m => m.ForeignResidents is not null),
                floor.ReachedBy(population, foreign),
                [.. members.Select(m => m.UnionKey).OfType<string>().Distinct().Order(StringComparer.Ordinal)],
                missing,
                unconfirmed,
                SharedOffers.For(missing, enoughParticipants)));
        }

        return groups;
    }

    /// <summary>
    /// Reasons, from the facts of the solution: isolated; the whole connected area below the floor; the
    /// leftover area around it (its unplaced connected places) over the floor, so only the ceiling stood in
    /// the way; or the leftover area below the floor, hemmed in by full groups (attachment failed).
    /// </summary>
    private static List<UnassignedMunicipality> Unassigned(UnitGraph graph, FloorRule floor, List<List<int>> areas, HashSet<int> grouped)
    {
        var result = new List<UnassignedMunicipality>();
        foreach (var area in areas)
        {
            var areaMeets = Meets(graph, floor, area);
            var seen = new HashSet<int>();
            foreach (var start in area.Where(u => !grouped.Contains(u)))
            {
                if (!seen.Add(start))
                {
                    continue;
                }

                var leftover = new List<int> { start };
                for (var k = 0; k < leftover.Count; k++)
                {
                    leftover.AddRange(graph.Adjacent[leftover[k]].Where(next => !grouped.Contains(next) && seen.Add(next)));
                }

                var leftoverMeets = Meets(graph, floor, leftover);
                foreach (var m in leftover.SelectMany(u => graph.Members[u]))
                {
                    var reason = graph.PlaceAdjacent[m].Length == 0 ? UnassignedReason.NoEligibleNeighbour
                        : !areaMeets ? UnassignedReason.FloorUnreachable
                        : leftoverMeets ? UnassignedReason.FloorBeyondCeiling
                        : UnassignedReason.AdjacentGroupsFull;
                    result.Add(new UnassignedMunicipality(graph.Places[m].Ags, graph.Places[m].DistrictKey, reason));
                }
            }
        }

        return [.. result.OrderBy(r => r.Ags, StringComparer.Ordinal)];
    }

    private static bool Meets(UnitGraph graph, FloorRule floor, List<int> units) => floor.Meets(
        units.Sum(u => graph.Size[u]), units.Sum(u => graph.Population[u]), units.Sum(u => graph.Foreign[u]));

    private static UnionStatistics UnionStatisticsOf(UnitGraph graph, List<SharedServiceGroup> groups)
    {
        var groupOf = groups.SelectMany(g => g.Members.Select(m => (m, g.Id))).ToDictionary(x => x.m, x => x.Id, StringComparer.Ordinal);
        var unions = graph.Places
            .Where(p => p.UnionKey is not null)
            .GroupBy(p => p.UnionKey!, StringComparer.Ordinal)
            .Where(g => g.Count() >= 2)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        int together = 0, allUnassigned = 0, disconnected = 0;
        var split = new List<string>();
        foreach (var union in unions)
        {
            var ids = union.Select(p => groupOf.GetValueOrDefault(p.Ags)).Distinct().ToList();
            if (ids.Count == 1 && ids[0] is not null)
            {
                together++;
            }
            else if (ids.Count == 1)
            {
                allUnassigned++;
            }
            else
            {
                split.Add(union.Key);
                disconnected += graph.DisconnectedUnions.Contains(union.Key) ? 1 : 0;
            }
        }

        return new UnionStatistics(unions.Count, together, allUnassigned, split, disconnected);
    }

    private static bool? Answer(SharedServiceMunicipality municipality, string structure) =>
        municipality.Structures.TryGetValue(structure, out var value) ? value : null;

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
