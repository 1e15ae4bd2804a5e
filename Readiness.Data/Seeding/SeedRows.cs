namespace Readiness.Data.Seeding;

/// <summary>A row of the Destatis municipality register (GV-ISys), a municipality or an unincorporated area.</summary>
internal sealed record GvRow(
    string Ags, string Ars, string Name, string NameShort, int TypeCode, string Type,
    string StateKey, string StateName, string RegionKey, string RegionName,
    string DistrictKey, string UnionKey, string UnionName, string UnionType,
    double AreaKm2, int Population, double Density, string Postcode, double? Lat, double? Lon, int? Degurba)
{
    /// <summary>Textkennzeichen 65/66: gemeindefreies Gebiet.</summary>
    public bool IsUnincorporated => TypeCode is 65 or 66;
}

internal sealed record CensusRow(string Ags, int? Population, double? ForeignPct, double? MigrationBackgroundPct);

internal sealed record DistrictRow(
    string Key, string Name, string Type, string StateKey, string StateName, string RegionKey, string RegionName,
    double AreaKm2, int Population, int? CensusPopulation, double? CensusForeignPct, double? InkarForeignPct);

internal sealed record AdjacencyRow(string AgsA, string AgsB, string NameA, string NameB, double SharedBorderM, bool AIsUnincorporated, bool BIsUnincorporated);
