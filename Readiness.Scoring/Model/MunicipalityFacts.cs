using Readiness.Scoring.Geo;

namespace Readiness.Scoring.Model;

/// <summary>
/// The base data of one municipality as the computations see it. Population and area are the
/// GV-ISys figures (31.12.2023); both shares are Zensus 2022 fractions of <see cref="CensusPopulation"/>.
/// </summary>
public sealed record MunicipalityFacts(
    string Ags,
    string Name,
    string DistrictKey,
    string StateKey,
    string Kind,
    long Population,
    double AreaKm2,
    double DensityPerKm2,
    long? CensusPopulation,
    double? ForeignShare,
    double? MigrationBackgroundShare,
    int? Degurba,
    GeoPoint? Location,
    string? UnionKey)
{
    /// <summary>Residents without German citizenship on the census day; null where the share is not published.</summary>
    public double? ForeignResidents => CensusPopulation is { } census && ForeignShare is { } share ? census * share : null;
}
