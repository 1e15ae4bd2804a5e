namespace Readiness.Scoring.Geo;

/// <summary>A shared border between two units, as measured on the boundary polygons.</summary>
public sealed record BorderPair(string A, string B, double SharedBorderM);

/// <summary>One neighbour relation; <see cref="ViaAgs"/> names the unincorporated area both border when they do not touch directly.</summary>
public sealed record Neighbour(string Ags, string NeighbourAgs, NeighbourSource Source, double? SharedBorderM, string? ViaAgs, double DistanceKm);

public enum NeighbourSource
{
    Boundary,
    Distance,
}

/// <summary>Builds the symmetric neighbour relation from measured borders where they exist and from distance elsewhere.</summary>
public static class NeighbourGraph
{
    /// <summary>
    /// Neighbours from shared borders. Unincorporated areas (gemeindefreie Gebiete) are transparent:
    /// two municipalities that both border the same such area become neighbours through it, so a
    /// municipality enclosed by forest is not left alone.
    /// </summary>
    public static IReadOnlyList<Neighbour> FromBorders(
        IEnumerable<BorderPair> borders,
        IReadOnlyDictionary<string, GeoPoint> municipalities,
        IReadOnlySet<string> unincorporated)
    {
        ArgumentNullException.ThrowIfNull(borders);
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(unincorporated);

        var direct = new Dictionary<(string, string), double>();
        var around = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var border in borders)
        {
            var aIsMunicipality = municipalities.ContainsKey(border.A);
            var bIsMunicipality = municipalities.ContainsKey(border.B);
            if (aIsMunicipality && bIsMunicipality)
            {
                direct[Ordered(border.A, border.B)] = border.SharedBorderM;
            }
            else if (aIsMunicipality && unincorporated.Contains(border.B))
            {
                AddTo(around, border.B, border.A);
            }
            else if (bIsMunicipality && unincorporated.Contains(border.A))
            {
                AddTo(around, border.A, border.B);
            }
        }

        var result = new List<Neighbour>();
        foreach (var ((a, b), length) in direct)
        {
            var distance = municipalities[a].DistanceKm(municipalities[b]);
            result.Add(new Neighbour(a, b, NeighbourSource.Boundary, length, null, distance));
            result.Add(new Neighbour(b, a, NeighbourSource.Boundary, length, null, distance));
        }

        var through = new Dictionary<(string, string), string>();
        foreach (var (area, members) in around.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            members.Sort(StringComparer.Ordinal);
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var pair = Ordered(members[i], members[j]);
                    if (!direct.ContainsKey(pair))
                    {
                        through.TryAdd(pair, area);
                    }
                }
            }
        }

        foreach (var ((a, b), area) in through)
        {
            var distance = municipalities[a].DistanceKm(municipalities[b]);
            result.Add(new Neighbour(a, b, NeighbourSource.Boundary, null, area, distance));
            result.Add(new Neighbour(b, a, NeighbourSource.Boundary, null, area, distance));
        }

        return result;
    }

    /// <summary>
    /// Neighbours by centroid distance for places without border data: each of <paramref name="subjects"/>
    /// gets its <paramref name="k"/> nearest among all <paramref name="points"/>, and the relation is made symmetric.
    /// </summary>
    public static IReadOnlyList<Neighbour> FromDistance(
        IReadOnlyList<string> keys,
        IReadOnlyList<GeoPoint> points,
        IEnumerable<int> subjects,
        int k)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(subjects);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);

        var index = new SpatialIndex(points);
        var pairs = new HashSet<(int, int)>();
        foreach (var subject in subjects)
        {
            foreach (var other in index.Nearest(subject, k))
            {
                pairs.Add(subject < other ? (subject, other) : (other, subject));
            }
        }

        var result = new List<Neighbour>(pairs.Count * 2);
        foreach (var (a, b) in pairs)
        {
            var distance = points[a].DistanceKm(points[b]);
            result.Add(new Neighbour(keys[a], keys[b], NeighbourSource.Distance, null, null, distance));
            result.Add(new Neighbour(keys[b], keys[a], NeighbourSource.Distance, null, null, distance));
        }

        return result;
    }

    private static (string, string) Ordered(string a, string b) =>
        string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);

    private static void AddTo(Dictionary<string, List<string>> map, string key, string value)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }
}
