namespace Readiness.Api.Districts;

/// <summary>A district: a Landkreis or a kreisfreie Stadt.</summary>
/// <param name="Key">District key: the first 5 digits of its municipalities' AGS, e.g. 09188.</param>
/// <param name="Name">Official name, e.g. "Starnberg" or "München, Landeshauptstadt".</param>
/// <param name="Kind">landkreis or kreisfreie-stadt.</param>
/// <param name="OfficialKind">The kind as published by Destatis (Landkreis, Kreis, Kreisfreie Stadt, Stadtkreis, Regionalverband).</param>
/// <param name="StateKey">Two-digit state key (09 = Bavaria).</param>
/// <param name="StateName">State name.</param>
/// <param name="RegionName">Regierungsbezirk, where the state has them.</param>
/// <param name="MunicipalityCount">Number of municipalities (gemeindefreie Gebiete not counted).</param>
/// <param name="Population">Residents on 31.12.2023 (GV-ISys, Zensus-2011 basis).</param>
/// <param name="AreaKm2">Area in km² (31.12.2023).</param>
/// <param name="CensusPopulation">Residents on the Zensus day 15.05.2022: the base of <c>foreignShare</c>.</param>
/// <param name="ForeignShare">Share of residents without German citizenship, Zensus 2022, as a fraction 0..1 of the census population.</param>
public sealed record DistrictDto(
    string Key, string Name, string Kind, string OfficialKind, string StateKey, string StateName, string? RegionName,
    int MunicipalityCount, long Population, double AreaKm2, long? CensusPopulation, double? ForeignShare);
