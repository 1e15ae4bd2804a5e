namespace Readiness.Benchmarks.Sizes;

/// <summary>Population and area of one LAU: real where the table has them, stand-ins otherwise.</summary>
internal sealed record LauSize(long Population, double AreaKm2, bool PopulationStandIn, bool AreaStandIn);

/// <summary>
/// Stand-ins for the LAUs without population or area (all of France, Cyprus's population, North
/// Macedonia's area, a few hundred others). Each such LAU borrows a donor: a LAU of the same degree of
/// urbanisation that has both figures, drawn with the LAU's own seed. Without either figure it takes
/// the donor's population and area; without one, the missing one follows from the donor's density.
/// Where a whole country lacks a figure, its stand-ins are then scaled to the country's published
/// total (<see cref="CountryTotals"/>), so the country is as large as it is.
/// </summary>
internal sealed class StandInModel
{
    /// <summary>
    /// Published country totals for the figures the table lacks for a whole country: France's population
    /// on 1 January 2019 (Eurostat, about 67.0 million) and area (metropolitan France and the five
    /// overseas departments, about 633,000 km²); Cyprus's population 2019 (about 876,000); North
    /// Macedonia's area (25,713 km²).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (long? Population, double? AreaKm2)> CountryTotals =
        new Dictionary<string, (long?, double?)>(StringComparer.Ordinal)
        {
            ["FR"] = (67_012_883, 633_000),
            ["CY"] = (875_899, null),
            ["MK"] = (null, 25_713),
        };

    private readonly Dictionary<int, List<(long Population, double AreaKm2)>> donors;

    private StandInModel(Dictionary<int, List<(long, double)>> donors) => this.donors = donors;

    public static StandInModel Fit(IReadOnlyList<LauRow> rows)
    {
        var complete = rows.Where(r => r.Population > 0 && r.AreaKm2 > 0)
            .OrderBy(r => r.GiscoId, StringComparer.Ordinal)
            .Select(r => (Level: r.Degurba ?? 0, Figures: (r.Population!.Value, r.AreaKm2!.Value)))
            .ToList();
        var donors = new Dictionary<int, List<(long, double)>>();
        foreach (var level in new[] { 0, 1, 2, 3 })
        {
            var pool = complete.Where(c => c.Level == level).Select(c => c.Figures).ToList();
            donors[level] = pool.Count >= 30 ? pool : [.. complete.Select(c => c.Figures)];
        }

        return new StandInModel(donors);
    }

    public LauSize Complete(LauRow lau)
    {
        var hasPopulation = lau.Population > 0;
        var hasArea = lau.AreaKm2 > 0;
        if (hasPopulation && hasArea)
        {
            return new LauSize(lau.Population!.Value, lau.AreaKm2!.Value, false, false);
        }

        var random = new SyntheticRandom(EuropeLaus.Seed, "size:" + lau.GiscoId);
        var pool = donors[lau.Degurba ?? 0];
        var (donorPopulation, donorArea) = pool[(int)(random.Next() % (ulong)pool.Count)];
        var density = donorPopulation / donorArea;
        var population = hasPopulation ? lau.Population!.Value : hasArea ? Math.Max(1, (long)Math.Round(lau.AreaKm2!.Value * density)) : donorPopulation;
        var area = hasArea ? lau.AreaKm2!.Value : hasPopulation ? population / density : donorArea;
        return new LauSize(population, area, !hasPopulation, !hasArea);
    }

    /// <summary>Scales a country's stand-ins to its published totals where the table lacks the figure for the whole country.</summary>
    public static List<LauSize> ScaleToCountryTotal(string country, List<LauSize> sizes)
    {
        if (!CountryTotals.TryGetValue(country, out var totals))
        {
            return sizes;
        }

        var populationFactor = totals.Population is { } population && sizes.All(s => s.PopulationStandIn)
            ? population / (double)sizes.Sum(s => s.Population) : 1;
        var areaFactor = totals.AreaKm2 is { } area && sizes.All(s => s.AreaStandIn) ? area / sizes.Sum(s => s.AreaKm2) : 1;
        return [.. sizes.Select(s => s with
        {
            Population = Math.Max(1, (long)Math.Round(s.Population * populationFactor)),
            AreaKm2 = Math.Round(Math.Max(0.01, s.AreaKm2 * areaFactor), 4),
        })];
    }
}
