using Readiness.Scoring.Geo;

namespace Readiness.Scoring.Pairing;

/// <summary>One mentor within reach of one mentee, before its benefit is known.</summary>
internal readonly record struct Reach(int Mentee, int Mentor, double DistanceKm, bool SharesBorder);

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
        PairingOptions options)
    {
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
                && mentorIndex.TryGetValue(n.NeighbourAgs, out var j)
                && InScope(mentees[i], mentors[j], options))
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
                    if (!found.ContainsKey((i, j)) && InScope(mentees[i], mentors[j], options))
                    {
                        found[(i, j)] = (distance, false);
                    }
                }
            }
        }

        var result = found.Select(f => new Reach(f.Key.Item1, f.Key.Item2, f.Value.Km, f.Value.Border)).ToArray();
        Array.Sort(result, static (a, b) => a.Mentee != b.Mentee ? a.Mentee.CompareTo(b.Mentee) : a.Mentor.CompareTo(b.Mentor));
        return [.. result];
    }

    private static bool InScope(PairingMunicipality mentee, PairingMunicipality mentor, PairingOptions options) =>
        options.CrossDistricts || mentee.DistrictKey == mentor.DistrictKey;

    private static double? Distance(PairingMunicipality a, PairingMunicipality b) =>
        a.Location is { } p && b.Location is { } q ? p.DistanceKm(q) : null;
}
