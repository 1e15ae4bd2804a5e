using System.Globalization;
using Readiness.Scoring.Model;

namespace Readiness.Scoring.SharedServices;

/// <summary>Turns the solved regions into what a planner reads: groups, unassigned reasons, union statistics.</summary>
internal static class GroupDescriptions
{
    /// <summary>Structures one place can provide for others (a council resolution or taking part in exchange cannot be hosted).</summary>
    public static readonly IReadOnlyList<string> Hostable =
    [
        Structures.ContactPerson, Structures.PaidStaff, Structures.Network, Structures.VolunteerCoordination,
        Structures.MigrantCouncil, Structures.IntegrationConcept,
    ];

    public static List<SharedServiceGroup> Describe(
        UnitGraph graph, FloorRule floor, List<Region> regions, Dictionary<int, List<SharedServiceMunicipality>> hosts, SharedServiceOptions options)
    {
        var built = regions
            .Select((r, index) => (Members: r.Units.SelectMany(u => graph.Members[u]).Order().Select(m => graph.Places[m]).ToList(),
                Hosts: hosts.GetValueOrDefault(index) ?? []))
            .OrderBy(g => g.Members[0].Ags, StringComparer.Ordinal)
            .ToList();
        var sequence = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new List<SharedServiceGroup>(built.Count);
        foreach (var (members, groupHosts) in built)
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
                SharedOffers.From(members, groupHosts, enoughParticipants))
            {
                Hosts = [.. groupHosts.Select(h => new GroupHost(h.Ags, [.. Hostable.Where(s => HostAssignment.Has(h, s) && members.Any(m => Answer(m, s) != true))]))],
            });
        }

        return groups;
    }

    /// <summary>
    /// Reasons, from the facts of the solution: isolated; the whole connected area below the floor; the
    /// leftover area around it (its unplaced connected places) over the floor, so only the ceiling stood in
    /// the way; or the leftover area below the floor, hemmed in by full groups (attachment failed).
    /// </summary>
    public static List<UnassignedMunicipality> Unassigned(UnitGraph graph, FloorRule floor, List<List<int>> areas, HashSet<int> grouped)
    {
        var result = new List<UnassignedMunicipality>();
        foreach (var area in areas)
        {
            var areaMeets = floor.MeetsTogether(graph, area);
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

                var leftoverMeets = floor.MeetsTogether(graph, leftover);
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

    public static UnionStatistics UnionStatisticsOf(UnitGraph graph, List<SharedServiceGroup> groups)
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
}
