using Readiness.Scoring.Model;

namespace Readiness.Scoring.PeerGroups;

/// <summary>
/// The framework conditions peer groups are formed on. Only base data, never readiness: a peer group
/// says "places like us", so a municipality that builds structures does not change its peers.
/// </summary>
public static class PeerGroupFeatures
{
    /// <summary>log10 of the residents (31.12.2023): size, on a log scale because 10 → 100 residents matters as much as 10,000 → 100,000.</summary>
    public const string Log10Population = "log10Population";

    /// <summary>log10 of residents per km²: how built-up the place is, independent of its size.</summary>
    public const string Log10Density = "log10Density";

    /// <summary>Zensus 2022 share of residents without German citizenship, a fraction 0..1.</summary>
    public const string ForeignShare = "foreignShare";

    /// <summary>Zensus 2022 share of residents with a migration background, a fraction 0..1.</summary>
    public const string MigrationBackgroundShare = "migrationBackgroundShare";

    /// <summary>Eurostat degree of urbanisation: 1 city, 2 town or suburb, 3 rural area.</summary>
    public const string Degurba = "degurba";

    /// <summary>The features in the order of every vector in this namespace.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Log10Population, Log10Density, ForeignShare, MigrationBackgroundShare, Degurba];

    internal const int Count = 5;

    internal static double Log10Of(double value) => Math.Log10(Math.Max(value, 1e-3));

    /// <summary>The raw values of one municipality; null where the base data has none (imputed later).</summary>
    internal static double?[] RawValues(MunicipalityFacts facts) =>
    [
        Log10Of(Math.Max(facts.Population, 1)),
        facts.DensityPerKm2 > 0 ? Log10Of(facts.DensityPerKm2) : null,
        facts.ForeignShare,
        facts.MigrationBackgroundShare,
        facts.Degurba,
    ];
}
