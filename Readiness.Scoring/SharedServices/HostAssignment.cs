using Readiness.Scoring.Geo;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// Larger municipalities (at or above the population threshold) never make a group: they join one adjacent
/// group as its host for the structures they have and its members lack. Each joins at most one group, the
/// one it can serve most (members × structures), ties to the lower group.
/// </summary>
internal static class HostAssignment
{
    /// <returns>Per region index, its hosts in AGS order.</returns>
    public static Dictionary<int, List<SharedServiceMunicipality>> Assign(
        IReadOnlyList<SharedServiceMunicipality> municipalities, UnitGraph graph, List<Region> regions,
        IReadOnlyList<Neighbour> neighbours, SharedServiceOptions options)
    {
        var regionOfPlace = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < regions.Count; r++)
        {
            foreach (var m in regions[r].Units.SelectMany(u => graph.Members[u]))
            {
                regionOfPlace[graph.Places[m].Ags] = r;
            }
        }

        var large = municipalities.Where(m => m.Population >= options.PopulationThreshold)
            .ToDictionary(m => m.Ags, StringComparer.Ordinal);
        var byAgs = graph.Places.ToDictionary(p => p.Ags, StringComparer.Ordinal);
        var adjacent = new Dictionary<string, SortedSet<int>>(StringComparer.Ordinal);
        foreach (var n in neighbours)
        {
            foreach (var (host, member) in new[] { (n.Ags, n.NeighbourAgs), (n.NeighbourAgs, n.Ags) })
            {
                if ((n.Source == NeighbourSource.Boundary || !options.BoundaryNeighboursOnly)
                    && large.TryGetValue(host, out var h) && regionOfPlace.TryGetValue(member, out var r)
                    && (options.CrossDistricts || h.DistrictKey == byAgs[member].DistrictKey))
                {
                    if (!adjacent.TryGetValue(host, out var set))
                    {
                        adjacent[host] = set = [];
                    }

                    set.Add(r);
                }
            }
        }

        var result = new Dictionary<int, List<SharedServiceMunicipality>>();
        foreach (var (ags, regionIndices) in adjacent.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var host = large[ags];
            var best = -1;
            var bestServed = 0;
            // Regions are in a fixed order; ties go to the first (the one with the lower index).
            foreach (var r in regionIndices)
            {
                var members = regions[r].Units.SelectMany(u => graph.Members[u]).Select(m => graph.Places[m]).ToList();
                var served = GroupDescriptions.Hostable.Sum(s => Has(host, s) ? members.Count(m => !Has(m, s)) : 0);
                if (served > bestServed)
                {
                    (best, bestServed) = (r, served);
                }
            }

            if (best >= 0)
            {
                if (!result.TryGetValue(best, out var list))
                {
                    result[best] = list = [];
                }

                list.Add(host);
            }
        }

        return result;
    }

    internal static bool Has(SharedServiceMunicipality municipality, string structure) =>
        municipality.Structures.TryGetValue(structure, out var value) && value == true;
}
