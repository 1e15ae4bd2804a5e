using Readiness.Scoring.Scores;
using Readiness.Api.PeerGroups;

namespace Readiness.Api.Districts;

/// <summary>How ready a district is as a whole: tiers, where each structure exists, and what the answers rest on.</summary>
/// <param name="DistrictKey">District key.</param>
/// <param name="DistrictName">District name.</param>
/// <param name="Municipalities">Number of municipalities.</param>
/// <param name="ForeignResidents">Foreign residents in the district (Zensus 2022, sum over municipalities with a published share).</param>
/// <param name="Tiers">Municipalities per tier.</param>
/// <param name="Structures">Per structure: how many municipalities have it, lack it, or did not answer; and the share of the district's foreign residents living where it exists — the plan is meant to reach the whole district, not only the willing.</param>
/// <param name="DataQuality">surveyed, illustrative, mixed or missing.</param>
/// <param name="DataQualityCounts">Municipalities per data quality.</param>
/// <param name="Profile">Profile of the tiers.</param>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
/// <param name="WhereSupportMattersMost">The five municipalities with the highest priority (Handlungsbedarf: foreign residents × (1 − score/100)), highest first.</param>
public sealed record DistrictSummaryDto(
    string DistrictKey, string DistrictName, int Municipalities, double ForeignResidents, TierCountsDto Tiers,
    IReadOnlyList<StructureCoverageDto> Structures, DataQualityDto DataQuality, DataQualityCountsDto DataQualityCounts, string Profile, long RunId,
    IReadOnlyList<PriorityMunicipalityDto>? WhereSupportMattersMost = null);

/// <summary>A municipality where support matters most.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel.</param>
/// <param name="Name">Name.</param>
/// <param name="Priority">Its priority: foreign residents × (1 − score/100).</param>
/// <param name="Score">Its score.</param>
/// <param name="Tier">Its tier.</param>
public sealed record PriorityMunicipalityDto(string Ags, string Name, double Priority, double? Score, ReadinessTier Tier);

/// <summary>Where a structure exists in a district.</summary>
/// <param name="Structure">Structure key.</param>
/// <param name="Having">Municipalities that have it.</param>
/// <param name="Lacking">Municipalities that lack it.</param>
/// <param name="Unknown">Municipalities that did not answer.</param>
/// <param name="ForeignResidentsShareCovered">Share (0..1) of the district's foreign residents living in a municipality that has it.</param>
/// <param name="ForeignResidentsShareUnknown">Share living where it is not known.</param>
public sealed record StructureCoverageDto(string Structure, int Having, int Lacking, int Unknown, double? ForeignResidentsShareCovered, double? ForeignResidentsShareUnknown)
{
    /// <summary>The structure's name in the answer's language (German by default), e.g. "Ehrenamtskoordination".</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>Municipalities per data quality.</summary>
/// <param name="Surveyed">With a surveyed assessment.</param>
/// <param name="Illustrative">With only the illustrative one.</param>
/// <param name="Missing">Without any.</param>
public sealed record DataQualityCountsDto(int Surveyed, int Illustrative, int Missing);
