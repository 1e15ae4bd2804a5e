using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The areas this process has grouped, by everything their grouping depends on: the members of each unit with their
/// residents, foreign residents, union and location, which units touch, and the options. The grouping of an area is a
/// pure function of exactly that, so an area whose key is known gets the same groups again without the search: the
/// nightly run of an unchanged district (surveys change the offers, never the groups) costs no exact step. Bounded:
/// once 50,000 areas are kept (several different base data sets), all are forgotten and found again as needed.
/// </summary>
internal static class SolvedAreas
{
    private const int MaxAreas = 50_000;
    private static readonly ConcurrentDictionary<string, Solution> Known = new(StringComparer.Ordinal);

    /// <summary>An area's groups as positions in its ascending unit list, in the order of the partition's regions.</summary>
    internal sealed record Solution(int[][] Regions, ExactGrouping.Proof Proof);

    /// <summary>The area's groups as found before, or null.</summary>
    public static (Partition Partition, ExactGrouping.Proof Proof)? Find(UnitGraph graph, FloorRule floor, List<int> units, string key)
    {
        if (!Known.TryGetValue(key, out var solution))
        {
            return null;
        }

        var partition = new Partition(graph, floor, units);
        foreach (var region in solution.Regions)
        {
            var created = partition.Create();
            foreach (var position in region)
            {
                partition.Add(created, units[position]);
            }
        }

        return (partition, solution.Proof);
    }

    public static void Keep(string key, Partition partition, ExactGrouping.Proof proof)
    {
        if (Known.Count >= MaxAreas)
        {
            Known.Clear();
        }

        var position = new Dictionary<int, int>(partition.Units.Count);
        for (var i = 0; i < partition.Units.Count; i++)
        {
            position[partition.Units[i]] = i;
        }

        Known[key] = new Solution([.. partition.Regions.Select(r => r.Units.Select(u => position[u]).ToArray())], proof);
    }

    /// <summary>Forgets every area (tests compare a fresh grouping with a reused one).</summary>
    internal static void Clear() => Known.Clear();

    /// <summary>Everything the area's grouping depends on, as one string.</summary>
    public static string KeyOf(UnitGraph graph, List<int> units, SharedServiceOptions options)
    {
        var key = new StringBuilder(options.ToString(), 64 * units.Count + 512);
        var position = new Dictionary<int, int>(units.Count);
        for (var i = 0; i < units.Count; i++)
        {
            position[units[i]] = i;
        }

        foreach (var unit in units)
        {
            key.Append('|');
            foreach (var member in graph.Members[unit])
            {
                var place = graph.Places[member];
                key.Append(CultureInfo.InvariantCulture, $"{place.Ags},{place.Population},{place.ForeignResidents:R},{place.UnionKey},{place.DistrictKey},{place.Location?.Lat:R},{place.Location?.Lon:R};");
            }

            key.Append(':');
            foreach (var next in graph.Adjacent[unit])
            {
                key.Append(CultureInfo.InvariantCulture, $"{position[next]},");
            }
        }

        return key.ToString();
    }
}
