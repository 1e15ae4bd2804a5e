using Readiness.Scoring.Scores;

namespace Readiness.Api.Exports;

/// <summary>
/// The columns of both exports, in order: the CSV header and the GeoJSON property names are these,
/// and they match the camelCase fields of <see cref="ExportRowDto"/> in the OpenAPI document.
/// Enums are written as their kebab-case wire names, as everywhere else.
/// </summary>
internal static class ExportColumns
{
    public static readonly IReadOnlyList<(string Name, Func<ExportRowDto, object?> Value)> All =
    [
        ("ags", r => r.Ags),
        ("name", r => r.Name),
        ("kind", r => r.Kind),
        ("districtKey", r => r.DistrictKey),
        ("districtName", r => r.DistrictName),
        ("stateKey", r => r.StateKey),
        ("population", r => r.Population),
        ("foreignShare", r => r.ForeignShare),
        ("score", r => r.Score),
        ("tier", r => r.Tier.WireName()),
        ("coverage", r => r.Coverage),
        ("structuresScore", r => r.StructuresScore),
        ("resourcesScore", r => r.ResourcesScore),
        ("experienceScore", r => r.ExperienceScore),
        ("rankDistrict", r => r.RankDistrict),
        ("rankPeerGroup", r => r.RankPeerGroup),
        ("rankAll", r => r.RankAll),
        ("rankLow", r => r.RankLow),
        ("rankHigh", r => r.RankHigh),
        ("dataQuality", r => WireNames.Of(r.DataQuality)),
        ("peerGroupId", r => r.PeerGroupId),
        ("peerGroupLabel", r => r.PeerGroupLabel),
        ("mentorAgs", r => r.MentorAgs),
        ("mentorName", r => r.MentorName),
        ("menteeAgs", r => r.MenteeAgs),
        ("menteeNames", r => r.MenteeNames),
        ("sharedServiceGroupId", r => r.SharedServiceGroupId),
        ("profile", r => r.Profile),
        ("runId", r => r.RunId),
        // New columns go at the end: scripts that read columns by position keep working (v1).
        ("priority", r => r.Priority),
    ];
}
