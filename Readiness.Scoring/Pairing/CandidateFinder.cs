using Readiness.Scoring.Geo;

namespace Readiness.Scoring.Pairing;

/// <summary>
/// One mentor within reach of one mentee, before its benefit is known. <c>InScope</c>: the district rules
/// allow the pair (same district, crossing allowed, or a city mentoring a Landkreis it borders); pairs out of
/// scope are kept only to tell a planner that the district border is what stands in the way.
/// </summary>
internal readonly record struct Reach(int Mentee, int Mentor, double DistanceKm, bool SharesBorder, bool InScope);

/// <summary>
/// Finds every mentor within reach of each mentee: shared-border neighbours plus everything within
/// <see cref="PairingOptions.MaxDistanceKm"/>, through the spatial index, so the work grows with the
/// number of places times the few within reach, never with all pairs.
/// </summary>
internal static class CandidateFinder
{
    public static List<Reach> Find(
        IReadOnlyList<PairingMunicipality> mentees,
        IReadOnlyList<PairingMunicipality> mentors,
        IReadOnlyList<Neighbour> neighbours,
        IReadOnlyDictionary<string, string> districtOf,
        PairingOptions options)
    {
        var cityReach = options.CityMentorsAcrossDistrict ? BorderedDistricts(mentors, neighbours, districtOf) : [];
        var mentorIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var j = 0; j < mentors.Count; j++)
        {
            mentorIndex[mentors[j].Ags] = j;
        }

        var menteeIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < mentees.Count; i++)
        {
            menteeIndex[mentees[i].Ags] = i;
        }

        // (mentee, mentor) → (distance, shares border); sorted afterwards, so dictionary order never shows.
        var found = new Dictionary<(int, int), (double Km, bool Border)>();
        foreach (var n in neighbours)
        {
            if (n.Source == NeighbourSource.Boundary
                && menteeIndex.TryGetValue(n.Ags, out var i)
                && mentorIndex.TryGetValue(n.NeighbourAgs, out var j))
            {
                found[(i, j)] = (Distance(mentees[i], mentors[j]) ?? n.DistanceKm, true);
            }
        }

        // One index over the mentors with a location; a query from each mentee finds those within reach,
        // each with its distance, computed once.
        var located = new List<int>();
        var points = new List<GeoPoint>();
        for (var j = 0; j < mentors.Count; j++)
        {
            if (mentors[j].Location is { } point)
            {
                located.Add(j);
                points.Add(point);
            }
        }

        if (options.MaxDistanceKm > 0 && points.Count > 0)
        {
            var index = new SpatialIndex(points);
            var near = new List<(int Index, double DistanceKm)>();
            for (var i = 0; i < mentees.Count; i++)
            {
                if (mentees[i].Location is not { } from)
                {
                    continue;
                }

                near.Clear();
                index.Within(from, options.MaxDistanceKm, near);
                foreach (var (q, distance) in near)
                {
                    var j = located[q];
                    if (!found.ContainsKey((i, j)))
                    {
                        found[(i, j)] = (distance, false);
                    }
                }
            }
        }

        var result = found
            .Select(f => new Reach(f.Key.Item1, f.Key.Item2, f.Value.Km, f.Value.Border, InScope(mentees[f.Key.Item1], mentors[f.Key.Item2], options, cityReach)))
            .ToArray();
        Array.Sort(result, static (a, b) => a.Mentee != b.Mentee ? a.Mentee.CompareTo(b.Mentee) : a.Mentor.CompareTo(b.Mentor));
        return [.. result];
    }

    private static bool InScope(
        PairingMunicipality mentee, PairingMunicipality mentor, PairingOptions options, Dictionary<string, HashSet<string>> cityReach) =>
        options.CrossDistricts
        || mentee.DistrictKey == mentor.DistrictKey
        || (cityReach.TryGetValue(mentor.Ags, out var districts) && districts.Contains(mentee.DistrictKey));

    /// <summary>
    /// The districts each kreisfreie Stadt among the mentors borders: those of its shared-border neighbours;
    /// where the base data has no border for it (outside Bavaria), those of its distance neighbours.
    /// </summary>
    internal static Dictionary<string, HashSet<string>> BorderedDistricts(
        IReadOnlyList<PairingMunicipality> cities, IReadOnlyList<Neighbour> neighbours, IReadOnlyDictionary<string, string> districtOf)
    {
        var wanted = cities.Where(c => c.IsDistrictFreeCity).ToDictionary(c => c.Ags, c => c.DistrictKey, StringComparer.Ordinal);
        var boundary = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var distance = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var n in neighbours)
        {
            if (wanted.TryGetValue(n.Ags, out var own) && districtOf.TryGetValue(n.NeighbourAgs, out var other) && other != own)
            {
                var into = n.Source == NeighbourSource.Boundary ? boundary : distance;
                if (!into.TryGetValue(n.Ags, out var set))
                {
                    into[n.Ags] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.Add(other);
            }
        }

        foreach (var (city, set) in distance)
        {
            boundary.TryAdd(city, set);
        }

        return boundary;
    }

    private static double? Distance(PairingMunicipality a, PairingMunicipality b) =>
        a.Location is { } p && b.Location is { } q ? p.DistanceKm(q) : null;
}
