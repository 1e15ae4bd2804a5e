using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Fills a missing feature with the median of comparable municipalities, never with zero: the Zensus
/// withholds shares for small places (confidentiality), so a zero would invent "no migrants" exactly
/// where nothing is known. Comparable means the same population band in the same district; with fewer
/// than <see cref="MinimumPeers"/> such peers the same band in the same state, then the band anywhere
/// in the input, then every municipality of the input. A hold-one-out check on the 3,400 municipalities
/// under 1,000 residents whose shares are known gave a mean error of 2.5 percentage points for the
/// foreign share (district population-weighted share: 4.3) and 3.3 for the migration background
/// (district share: 6.9): district shares are dominated by towns and overstate villages.
/// </summary>
internal static class MissingFeatureImputer
{
    internal const int MinimumPeers = 3;

    /// <summary>Upper bounds (exclusive) of the population bands; the last band is open.</summary>
    internal static readonly long[] PopulationBands = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000];

    internal static int PopulationBand(long population)
    {
        var band = Array.FindIndex(PopulationBands, bound => population < bound);
        return band < 0 ? PopulationBands.Length : band;
    }

    /// <summary>
    /// Completes column <paramref name="feature"/> of <paramref name="values"/> in place and marks
    /// each filled cell in <paramref name="imputed"/>.
    /// </summary>
    internal static void Impute(
        IReadOnlyList<MunicipalityFacts> municipalities, double?[][] values, int feature, bool[][] imputed)
    {
        var bands = municipalities.Select(m => PopulationBand(m.Population)).ToArray();
        var known = Enumerable.Range(0, municipalities.Count).Where(i => values[i][feature] is not null).ToList();
        if (known.Count == municipalities.Count)
        {
            return;
        }

        if (known.Count == 0)
        {
            throw new ArgumentException(
                $"No municipality in the input has a value for '{PeerGroupFeatures.Names[feature]}'; peer groups need at least one.",
                nameof(municipalities));
        }

        var byDistrict = Medians(known, i => (municipalities[i].DistrictKey, bands[i]), values, feature);
        var byState = Medians(known, i => (municipalities[i].StateKey, bands[i]), values, feature);
        var byBand = Medians(known, i => ("", bands[i]), values, feature, minimumPeers: 1);
        var overall = Median(known.Select(i => values[i][feature]!.Value).ToList());

        for (var i = 0; i < municipalities.Count; i++)
        {
            if (values[i][feature] is not null)
            {
                continue;
            }

            var m = municipalities[i];
            values[i][feature] =
                byDistrict.TryGetValue((m.DistrictKey, bands[i]), out var d) ? d
                : byState.TryGetValue((m.StateKey, bands[i]), out var s) ? s
                : byBand.TryGetValue(("", bands[i]), out var b) ? b
                : overall;
            imputed[i][feature] = true;
        }
    }

    private static Dictionary<(string Area, int Band), double> Medians(
        List<int> known, Func<int, (string, int)> key, double?[][] values, int feature, int minimumPeers = MinimumPeers) =>
        known.GroupBy(key)
            .Where(g => g.Count() >= minimumPeers)
            .ToDictionary(g => g.Key, g => Median(g.Select(i => values[i][feature]!.Value).ToList()));

    internal static double Median(List<double> sample)
    {
        sample.Sort();
        var middle = sample.Count / 2;
        return sample.Count % 2 == 1 ? sample[middle] : (sample[middle - 1] + sample[middle]) / 2;
    }
}
