using Readiness.Api.PeerGroups;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Municipalities;

/// <summary>A municipality in a list.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits, e.g. 09162000.</param>
/// <param name="Name">Name without the designation suffix, e.g. "München".</param>
/// <param name="Kind">gemeinde, markt, stadt or kreisfreie-stadt.</param>
/// <param name="DistrictKey">Five-digit district key.</param>
/// <param name="DistrictName">District name.</param>
/// <param name="StateKey">Two-digit state key.</param>
/// <param name="Population">Residents on 31.12.2023 (GV-ISys, Zensus-2011 basis).</param>
/// <param name="AreaKm2">Area in km² (31.12.2023).</param>
/// <param name="ForeignShare">Share of residents without German citizenship (Zensus 2022, fraction of the census population); null where not published.</param>
/// <param name="Score">Readiness score 0..100 (default profile, current run); null when not scored.</param>
/// <param name="Tier">Readiness tier (default profile, current run).</param>
/// <param name="PeerGroup">Peer group (current run).</param>
public sealed record MunicipalitySummaryDto(
    string Ags, string Name, string Kind, string DistrictKey, string DistrictName, string StateKey,
    long Population, double AreaKm2, double? ForeignShare, double? Score, ReadinessTier? Tier, PeerGroupRefDto? PeerGroup);

/// <summary>One municipality with its base data, neighbours and administrative union.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits.</param>
/// <param name="Name">Name without the designation suffix.</param>
/// <param name="OfficialName">Official name as in GV-ISys, e.g. "München, Landeshauptstadt".</param>
/// <param name="Kind">gemeinde, markt, stadt or kreisfreie-stadt.</param>
/// <param name="OfficialType">The official designation (Textkennzeichen), e.g. "Große Kreisstadt".</param>
/// <param name="DistrictKey">Five-digit district key.</param>
/// <param name="DistrictName">District name.</param>
/// <param name="StateKey">Two-digit state key.</param>
/// <param name="StateName">State name.</param>
/// <param name="Population">Residents on 31.12.2023 (GV-ISys population update, Zensus-2011 basis).</param>
/// <param name="AreaKm2">Area in km² (31.12.2023).</param>
/// <param name="DensityPerKm2">Residents per km² (GV-ISys).</param>
/// <param name="Census">Zensus 2022 figures; both shares are fractions of the census population, never of <c>population</c>.</param>
/// <param name="ForeignShare">Same as <c>census.foreignShare</c>, for convenience.</param>
/// <param name="Lat">Latitude of the geographic centre (WGS84).</param>
/// <param name="Lon">Longitude of the geographic centre (WGS84).</param>
/// <param name="Degurba">Eurostat degree of urbanisation: 1 cities, 2 towns and suburbs, 3 rural areas.</param>
/// <param name="AdministrativeUnion">The Verwaltungsgemeinschaft, Amt, Samtgemeinde or Verbandsgemeinde it belongs to, if any.</param>
/// <param name="Neighbours">Neighbouring municipalities: by shared border in Bavaria, by centroid distance elsewhere.</param>
/// <param name="PeerGroup">Its peer group of similar framework conditions (current run).</param>
/// <param name="SharedServiceGroup">Its shared-service group (current run), if it is in one.</param>
/// <param name="Score">Readiness score 0..100 (default profile, current run); details under /readiness.</param>
/// <param name="Tier">Readiness tier (default profile, current run).</param>
/// <param name="DataQuality">What its readiness rests on: surveyed, illustrative or missing.</param>
public sealed record MunicipalityDto(
    string Ags, string Name, string OfficialName, string Kind, string OfficialType,
    string DistrictKey, string DistrictName, string StateKey, string StateName,
    long Population, double AreaKm2, double DensityPerKm2, CensusDto Census, double? ForeignShare,
    double? Lat, double? Lon, int? Degurba,
    AdministrativeUnionDto? AdministrativeUnion, IReadOnlyList<NeighbourDto> Neighbours,
    MunicipalityPeerGroupDto? PeerGroup, SharedServiceGroupRefDto? SharedServiceGroup, double? Score, ReadinessTier? Tier, DataQualityDto? DataQuality);

/// <summary>A municipality's peer group, how close it sits to the group's centre, and the next-nearest group.</summary>
/// <param name="Id">Group id.</param>
/// <param name="Label">Label.</param>
/// <param name="Distance">Distance to the group's centroid in standard units (z-scores of the features).</param>
/// <param name="SecondNearest">The next-nearest group: a municipality about as close to it sits on a boundary between the two.</param>
public sealed record MunicipalityPeerGroupDto(int Id, string Label, double Distance, SecondGroupDto? SecondNearest);

/// <summary>Zensus 2022 (census day 15.05.2022) figures of a municipality.</summary>
/// <param name="Population">Census population: the base of both shares.</param>
/// <param name="ForeignShare">Share without German citizenship, fraction 0..1; null where not published.</param>
/// <param name="MigrationBackgroundShare">Share with a migration background (includes naturalised persons and their children), fraction 0..1; null where not published.</param>
/// <param name="MissingReason">Why a share is null, if one is.</param>
public sealed record CensusDto(long? Population, double? ForeignShare, double? MigrationBackgroundShare, string? MissingReason);

/// <summary>An administrative union of municipalities (Verwaltungsgemeinschaft, Amt, Samtgemeinde, Verbandsgemeinde, ...).</summary>
/// <param name="Key">Nine-digit Gemeindeverband key.</param>
/// <param name="Name">Name of the union, e.g. "Verwaltungsgemeinschaft Schöllkrippen".</param>
/// <param name="Kind">As published, e.g. "Verwaltungsgemeinschaft".</param>
/// <param name="Members">All member municipalities.</param>
public sealed record AdministrativeUnionDto(string Key, string Name, string Kind, IReadOnlyList<MunicipalityRefDto> Members);

/// <summary>A neighbouring municipality.</summary>
/// <param name="Ags">AGS of the neighbour.</param>
/// <param name="Name">Name of the neighbour.</param>
/// <param name="Source">boundary: a shared border (VG250 polygons, Bavaria); distance: among the nearest by centroid (elsewhere).</param>
/// <param name="SharedBorderM">Length of the shared border in metres; null for distance neighbours and neighbours through an unincorporated area.</param>
/// <param name="DistanceKm">Great-circle distance between the two centroids in km.</param>
/// <param name="Via">The unincorporated area (gemeindefreies Gebiet) both border, when they do not touch directly.</param>
public sealed record NeighbourDto(string Ags, string Name, NeighbourSourceDto Source, double? SharedBorderM, double DistanceKm, MunicipalityRefDto? Via);

/// <summary>How a neighbour relation is known.</summary>
public enum NeighbourSourceDto
{
    /// <summary>A shared border.</summary>
    Boundary,

    /// <summary>Nearest by centroid distance.</summary>
    Distance,
}
