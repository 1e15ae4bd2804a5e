using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// What a group's members are like, from the members themselves rather than from the k-means centroid: a centroid is an
/// average point that may fit no member (a group holding München and its suburbs has no member at its mean), while a
/// median and the range most members lie in describe real places. The labels are built from these figures (in the API,
/// in the request's language); the words are classified here so every language names the same thing.
/// </summary>
/// <param name="Population">Residents of the members.</param>
/// <param name="DensityPerKm2">Residents per km² of the members.</param>
/// <param name="ForeignShare">Zensus 2022 foreign share of the members whose share is published (never imputed), a fraction; null when no member has one.</param>
/// <param name="Size">Size word from the median population: very-small, small, mid-sized, large, very-large.</param>
/// <param name="Settlement">Settlement word from the members' degrees of urbanisation: rural, cities, towns-suburbs-and-cities, towns-and-suburbs.</param>
/// <param name="ForeignLevel">Level of the median foreign share: low (below 6 %), medium, high (from 12 %).</param>
public sealed record PeerGroupFigures(
    FigureRange Population,
    FigureRange DensityPerKm2,
    FigureRange? ForeignShare,
    string Size,
    string Settlement,
    string ForeignLevel)
{
    /// <summary>Upper bounds (exclusive) of the size words, by median population.</summary>
    private static readonly (double Below, string Word)[] Sizes =
        [(1_000, "very-small"), (5_000, "small"), (20_000, "mid-sized"), (100_000, "large"), (double.PositiveInfinity, "very-large")];

    /// <summary>Below 6 % (about the municipal median) low; from 12 % (about the national share) high.</summary>
    private static readonly (double Below, string Word)[] ForeignLevels =
        [(0.06, "low"), (0.12, "medium"), (double.PositiveInfinity, "high")];

    internal static PeerGroupFigures Of(IReadOnlyList<MunicipalityFacts> members)
    {
        var population = FigureRange.Of([.. members.Select(m => (double)m.Population)]);
        var foreign = members.Where(m => m.ForeignShare is not null).Select(m => m.ForeignShare!.Value).ToArray();
        var foreignShare = foreign.Length == 0 ? null : FigureRange.Of(foreign);
        double Share(int degurba) => members.Count(m => m.Degurba == degurba) / (double)members.Count;
        // By where most members lie; a notable minority of cities is named, so München is not filed under "towns" alone.
        var settlement = (rural: Share(3), cities: Share(1)) switch
        {
            ( >= 0.5, _) => "rural",
            (_, >= 0.5) => "cities",
            (_, >= 0.1) => "towns-suburbs-and-cities",
            _ => "towns-and-suburbs",
        };
        return new PeerGroupFigures(
            population,
            FigureRange.Of([.. members.Select(m => m.DensityPerKm2)]),
            foreignShare,
            Sizes.First(s => population.Median < s.Below).Word,
            settlement,
            ForeignLevels.First(l => (foreignShare?.Median ?? 0) < l.Below).Word);
    }
}

/// <summary>A figure over a group's members: the median and the range of the middle 80 % (10th to 90th percentile, members' own values).</summary>
/// <param name="Median">The median (the mean of the middle two for an even count).</param>
/// <param name="Low">The 10th percentile: the value of the member at that rank, rounded down.</param>
/// <param name="High">The 90th percentile: the value of the member at that rank, rounded up.</param>
public sealed record FigureRange(double Median, double Low, double High)
{
    internal static FigureRange Of(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        var median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new FigureRange(median, values[(int)Math.Floor(0.1 * (n - 1))], values[(int)Math.Ceiling(0.9 * (n - 1))]);
    }
}
