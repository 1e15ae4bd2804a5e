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

        // One index over mentees and mentors with a location; queries run from each mentee.
        var located = new List<(bool IsMentee, int Index)>();
        var points = new List<GeoPoint>();
        foreach (var (list, isMentee) in new[] { (mentees, true), (mentors, false) })
        {
            for (var k = 0; k < list.Count; k++)
            {
                if (list[k].Location is { } point)
                {
                    located.Add((isMentee, k));
                    points.Add(point);
                }
            }
        }

        if (options.MaxDistanceKm > 0 && points.Count > 1)
        {
            var index = new SpatialIndex(points);
            for (var p = 0; p < located.Count; p++)
            {
                if (!located[p].IsMentee)
                {
                    continue;
                }

                var i = located[p].Index;
                foreach (var q in index.Within(p, options.MaxDistanceKm))
                {
                    if (located[q].IsMentee || found.ContainsKey((i, located[q].Index)))
                    {
                        continue;
                    }

                    var j = located[q].Index;
                    if (InScope(mentees[i], mentors[j], options))
                    {
                        found[(i, j)] = (Distance(mentees[i], mentors[j])!.Value, false);
                    }
                }
            }
        }

        return [.. found
            .Select(f => new Reach(f.Key.Item1, f.Key.Item2, f.Value.Km, f.Value.Border))
            .OrderBy(r => r.Mentee)
            .ThenBy(r => r.Mentor)];
    }

    private static bool InScope(PairingMunicipality mentee, PairingMunicipality mentor, PairingOptions options) =>
        options.CrossDistricts || mentee.DistrictKey == mentor.DistrictKey;

    private static double? Distance(PairingMunicipality a, PairingMunicipality b) =>
        a.Location is { } p && b.Location is { } q ? p.DistanceKm(q) : null;
}
