using System.Globalization;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// Labels a planner can read, made from each group's profile in real units: a size word from the
/// median population, a settlement word from the members' degrees of urbanisation, and the level and value
/// of the mean foreign share, e.g. "small rural municipalities, low foreign share (≈ 4 %)". Where two
/// groups would read the same, the typical population, then the density, then the id tells them apart.
/// </summary>
internal static class PeerGroupLabeller
{
    /// <summary>Upper bounds (exclusive) of the size words, by median population.</summary>
    private static readonly (double Below, string Word)[] Sizes =
    [
        (1_000, "very small"),
        (5_000, "small"),
        (20_000, "mid-sized"),
        (100_000, "large"),
        (double.PositiveInfinity, "very large"),
    ];

    /// <summary>Foreign-share levels: below 6 % (about the municipal median) low; from 12 % (about the national share) high.</summary>
    private static readonly (double Below, string Word)[] ForeignLevels =
    [
        (0.06, "low"),
        (0.12, "medium"),
        (double.PositiveInfinity, "high"),
    ];

    /// <param name="profiles">One per group.</param>
    /// <param name="ids">The groups' ids, for the last resort.</param>
    public static string[] Labels(IReadOnlyList<PeerGroupProfile> profiles, IReadOnlyList<int> ids)
    {
        var labels = profiles.Select(Base).ToArray();
        Disambiguate(labels, g => string.Create(CultureInfo.InvariantCulture, $"typically {Round(profiles[g].MedianPopulation):N0} residents"));
        Disambiguate(labels, g => string.Create(CultureInfo.InvariantCulture, $"≈ {Round(profiles[g].MedianDensityPerKm2):N0} residents per km²"));
        Disambiguate(labels, g => string.Create(CultureInfo.InvariantCulture, $"group {ids[g]}"));
        return labels;
    }

    private static string Base(PeerGroupProfile profile)
    {
        var size = Sizes.First(s => profile.MedianPopulation < s.Below).Word;
        var cities = profile.UrbanisationShares.GetValueOrDefault(1);
        var rural = profile.UrbanisationShares.GetValueOrDefault(3);
        // By where most members lie; a notable minority of cities is named, so München is not filed under "towns" alone.
        var settlement = (rural, cities) switch
        {
            ( >= 0.5, _) => "rural municipalities",
            (_, >= 0.5) => "cities",
            (_, >= 0.1) => "towns, suburbs and cities",
            _ => "towns and suburbs",
        };
        var level = ForeignLevels.First(l => profile.MeanForeignShare < l.Below).Word;
        var percent = profile.MeanForeignShare * 100;
        var value = percent < 1 ? "< 1 %" : string.Create(CultureInfo.InvariantCulture, $"≈ {Math.Round(percent, MidpointRounding.AwayFromZero):0} %");
        return $"{size} {settlement}, {level} foreign share ({value})";
    }

    /// <summary>Appends a qualifier to every label that another group shares.</summary>
    private static void Disambiguate(string[] labels, Func<int, string> qualifier)
    {
        var duplicates = labels.Select((label, g) => (label, g)).GroupBy(x => x.label).Where(x => x.Count() > 1).SelectMany(x => x.Select(y => y.g)).ToList();
        foreach (var g in duplicates)
        {
            labels[g] = $"{labels[g]}, {qualifier(g)}";
        }
    }

    /// <summary>Two significant figures: 1,765 → 1,800; what a planner would say.</summary>
    private static double Round(double value)
    {
        if (value <= 0)
        {
            return 0;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return Math.Round(value / magnitude) * magnitude;
    }
}
