using Readiness.Scoring.Geo;

namespace Readiness.Scoring.SharedServices;

/// <summary>
/// The eligible municipalities as indivisible units: each administrative union's eligible members that
/// touch one another form one unit (the must-link rule), everyone else is a unit of one. Units are
/// adjacent when any of their members are neighbours in the same scope (district, unless crossing is on);
/// a non-eligible municipality never bridges. Units are numbered in the order of their smallest AGS.
/// </summary>
internal sealed class UnitGraph
{
    private UnitGraph(IReadOnlyList<SharedServiceMunicipality> places, List<int[]> members, int[][] adjacent)
    {
        Places = places;
        Members = [.. members];
        Adjacent = adjacent;
        var n = Members.Length;
        Size = new int[n];
        Population = new long[n];
        Foreign = new double[n];
        SumX = new double[n];
        SumY = new double[n];
        SumSquares = new double[n];
        Located = new int[n];
        for (var u = 0; u < n; u++)
        {
            Size[u] = Members[u].Length;
            foreach (var m in Members[u])
            {
                Population[u] += places[m].Population;
                Foreign[u] += places[m].ForeignResidents ?? 0;
                if (places[m].Location is { } point)
                {
                    var (x, y) = point.ToPlaneKm();
                    SumX[u] += x;
                    SumY[u] += y;
                    SumSquares[u] += x * x + y * y;
                    Located[u]++;
                }
            }
        }
    }

    /// <summary>The eligible municipalities, ordered by AGS; unit members index into this list.</summary>
    public IReadOnlyList<SharedServiceMunicipality> Places { get; }

    public int[][] Members { get; }

    public int[][] Adjacent { get; }

    public int[] Size { get; }

    public long[] Population { get; }

    public double[] Foreign { get; }

    /// <summary>Sums of plane coordinates (km) of located members, for compactness.</summary>
    public double[] SumX { get; }

    public double[] SumY { get; }

    public double[] SumSquares { get; }

    public int[] Located { get; }

    public int Count => Members.Length;

    /// <summary>Municipality-level adjacency among the eligible places (same scope), by index into <see cref="Places"/>.</summary>
    public required int[][] PlaceAdjacent { get; init; }

    /// <summary>Unions whose eligible members had to become several units because they do not touch.</summary>
    public required IReadOnlySet<string> DisconnectedUnions { get; init; }

    public static UnitGraph Build(IReadOnlyList<SharedServiceMunicipality> eligible, IReadOnlyList<Neighbour> neighbours, SharedServiceOptions options)
    {
        var places = eligible.OrderBy(m => m.Ags, StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < places.Count; i++)
        {
            index[places[i].Ags] = i;
        }

        var placeAdjacent = places.Select(_ => new SortedSet<int>()).ToArray();
        foreach (var n in neighbours)
        {
            if ((n.Source == NeighbourSource.Boundary || !options.BoundaryNeighboursOnly)
                && index.TryGetValue(n.Ags, out var a) && index.TryGetValue(n.NeighbourAgs, out var b) && a != b
                && (options.CrossDistricts || places[a].DistrictKey == places[b].DistrictKey))
            {
                // Symmetric even if the relation is given one way only.
                placeAdjacent[a].Add(b);
                placeAdjacent[b].Add(a);
            }
        }

        int[][] adjacency = [.. placeAdjacent.Select(s => s.ToArray())];
        var (members, disconnected) = FormUnits(places, adjacency, options);
        var unitOf = new int[places.Count];
        for (var u = 0; u < members.Count; u++)
        {
            foreach (var m in members[u])
            {
                unitOf[m] = u;
            }
        }

        var unitAdjacent = members.Select(_ => new SortedSet<int>()).ToArray();
        for (var a = 0; a < places.Count; a++)
        {
            foreach (var b in adjacency[a])
            {
                if (unitOf[a] != unitOf[b])
                {
                    unitAdjacent[unitOf[a]].Add(unitOf[b]);
                }
            }
        }

        return new UnitGraph(places, members, [.. unitAdjacent.Select(s => s.ToArray())])
        {
            PlaceAdjacent = adjacency,
            DisconnectedUnions = disconnected,
        };
    }

    private static (List<int[]> Members, HashSet<string> Disconnected) FormUnits(
        List<SharedServiceMunicipality> places, int[][] adjacency, SharedServiceOptions options)
    {
        var members = new List<int[]>();
        var disconnected = new HashSet<string>(StringComparer.Ordinal);
        var done = new bool[places.Count];
        var eligibleInUnion = places
            .Where(p => p.UnionKey is not null)
            .CountBy(p => (p.UnionKey!, options.CrossDistricts ? "" : p.DistrictKey))
            .ToDictionary(c => c.Key, c => c.Value);
        for (var start = 0; start < places.Count; start++)
        {
            if (done[start])
            {
                continue;
            }

            var union = options.KeepUnionsTogether ? places[start].UnionKey : null;
            if (union is null)
            {
                done[start] = true;
                members.Add([start]);
                continue;
            }

            // The union's eligible members reachable from here through one another.
            var component = new List<int> { start };
            done[start] = true;
            for (var k = 0; k < component.Count; k++)
            {
                foreach (var next in adjacency[component[k]])
                {
                    if (!done[next] && places[next].UnionKey == union)
                    {
                        done[next] = true;
                        component.Add(next);
                    }
                }
            }

            component.Sort();
            if (component.Count < eligibleInUnion[(union, options.CrossDistricts ? "" : places[start].DistrictKey)])
            {
                disconnected.Add(union);
            }

            if (component.Count <= options.MaxMembers)
            {
                members.Add([.. component]);
            }
            else
            {
                // Larger than a group may be: the must-link rule cannot hold, so its members go in one by one.
                members.AddRange(component.Select(m => new[] { m }));
            }
        }

        // Units in the order of their smallest member, i.e. of their smallest AGS.
        members.Sort((a, b) => a[0].CompareTo(b[0]));
        return (members, disconnected);
    }
}
