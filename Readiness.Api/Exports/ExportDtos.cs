using System.Text.Json;
using Readiness.Api.Readiness;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Exports;

/// <summary>
/// One municipality in an export: a CSV row, or the properties of a GeoJSON feature, with the same
/// names in the same order. Readiness columns come from the selected profile; peer group, mentor
/// pair and shared-service group come from the run itself (they are computed on the default profile).
/// </summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text (keep the leading zero), e.g. 09162000.</param>
/// <param name="Name">Name without the designation suffix, e.g. München.</param>
/// <param name="Kind">gemeinde, markt, stadt or kreisfreie-stadt.</param>
/// <param name="DistrictKey">Five-digit district key.</param>
/// <param name="DistrictName">District name.</param>
/// <param name="StateKey">Two-digit state key, 09 = Bavaria.</param>
/// <param name="Population">Residents on 31.12.2023 (GV-ISys).</param>
/// <param name="ForeignShare">Share of residents without German citizenship (Zensus 2022), fraction 0..1; empty where not published.</param>
/// <param name="Score">Readiness score 0..100; empty when there are too few answers (tier insufficient-data).</param>
/// <param name="Tier">starting, developing, established, experienced or insufficient-data.</param>
/// <param name="Coverage">Share of the profile's weight that is answered, 0..1.</param>
/// <param name="StructuresScore">Score of the structures pillar, 0..100; empty when none of its indicators is answered.</param>
/// <param name="ResourcesScore">Score of the resources pillar, 0..100.</param>
/// <param name="ExperienceScore">Score of the experience pillar, 0..100.</param>
/// <param name="RankDistrict">Rank within the district, 1 = most ready; empty when not scored.</param>
/// <param name="RankPeerGroup">Rank within the peer group.</param>
/// <param name="RankAll">Rank among all scored municipalities.</param>
/// <param name="RankLow">5th percentile of the overall rank over the robustness draws (the best it plausibly is).</param>
/// <param name="RankHigh">95th percentile of the overall rank (the worst it plausibly is).</param>
/// <param name="DataQuality">surveyed, illustrative or missing: what the score rests on.</param>
/// <param name="PeerGroupId">Peer group id.</param>
/// <param name="PeerGroupLabel">Peer group label, e.g. "small rural, low migrant share".</param>
/// <param name="MentorAgs">AGS of its mentor, when it is a paired mentee.</param>
/// <param name="MentorName">Name of its mentor.</param>
/// <param name="MenteeAgs">AGS of its mentees, when it is a mentor, separated by " | ".</param>
/// <param name="MenteeNames">Names of its mentees, separated by " | ", in the order of <c>menteeAgs</c>.</param>
/// <param name="SharedServiceGroupId">Its shared-service group, e.g. 09187-03, if it is in one.</param>
/// <param name="Profile">The scoring profile of the readiness columns.</param>
/// <param name="RunId">The run everything comes from.</param>
/// <param name="Priority">Handlungsbedarf: foreign residents × (1 − score/100); empty without a score or census figure.</param>
public sealed record ExportRowDto(
    string Ags, string Name, string Kind, string DistrictKey, string DistrictName, string StateKey,
    long Population, double? ForeignShare, double? Score, ReadinessTier Tier, double Coverage,
    double? StructuresScore, double? ResourcesScore, double? ExperienceScore,
    int? RankDistrict, int? RankPeerGroup, int? RankAll, int? RankLow, int? RankHigh,
    DataQualityDto DataQuality, int? PeerGroupId, string? PeerGroupLabel,
    string? MentorAgs, string? MentorName, string? MenteeAgs, string? MenteeNames,
    string? SharedServiceGroupId, string Profile, long RunId, double? Priority = null);

/// <summary>The GeoJSON export (RFC 7946): WGS84 longitude/latitude, one feature per municipality.</summary>
/// <param name="Type">Always FeatureCollection.</param>
/// <param name="Features">One feature per municipality, ordered by AGS.</param>
public sealed record ExportFeatureCollectionDto(string Type, IReadOnlyList<ExportFeatureDto> Features);

/// <summary>A municipality as a GeoJSON feature.</summary>
/// <param name="Type">Always Feature.</param>
/// <param name="Id">The AGS.</param>
/// <param name="Geometry">A Polygon or MultiPolygon (the boundary, in Bavaria) or a Point (the geographic centre, elsewhere); null where neither is known.</param>
/// <param name="Properties">The same fields as a row of the CSV export.</param>
public sealed record ExportFeatureDto(string Type, string Id, JsonElement? Geometry, ExportRowDto Properties);

/// <summary>Number format of the CSV export.</summary>
public enum CsvLocaleDto
{
    /// <summary>For a spreadsheet in a German locale: <c>;</c> between columns, decimal comma.</summary>
    De,

    /// <summary>For an English locale and scripts: <c>,</c> between columns, decimal point.</summary>
    En,
}

/// <summary>The filters both exports take: the ranking list's, without paging.</summary>
public sealed record ExportQuery
{
    [Description("Two-digit state key, e.g. 09 for Bavaria.")]
    public string? State { get; init; }

    [Description("Five-digit district key, e.g. 09188.")]
    public string? District { get; init; }

    [Description("Tier: starting, developing, established, experienced or insufficient-data.")]
    public string? Tier { get; init; }

    [Description("Peer group id (see GET /api/v1/peer-groups).")]
    public int? PeerGroup { get; init; }

    [Description("Scoring profile of the readiness columns; default `default`.")]
    public string? Profile { get; init; }

    [Description("Read this earlier published run instead of the current one (see GET /api/v1/runs).")]
    public long? Run { get; init; }

    internal ReadinessListQuery AsListQuery() =>
        new() { State = State, District = District, Tier = Tier, PeerGroup = PeerGroup, Profile = Profile, Run = Run };
}
