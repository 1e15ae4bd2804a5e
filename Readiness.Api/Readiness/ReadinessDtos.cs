using System.Text.Json.Serialization;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Readiness;

/// <summary>A municipality's readiness under one profile, from one run.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="DistrictKey">District key.</param>
/// <param name="Score">Composite score 0..100; null below the coverage floor.</param>
/// <param name="Tier">starting, developing, established, experienced or insufficient-data.</param>
/// <param name="Coverage">Share of the profile's weight that is answered, 0..1.</param>
/// <param name="Rank">Rank (1 = most ready) within its district, its peer group and overall; null when not scored.</param>
/// <param name="RankInterval">The 5th–95th percentile of its overall rank over the Monte-Carlo robustness draws: ranks inside one interval are not really different.</param>
/// <param name="RankIntervals">The same interval within its district and its peer group.</param>
/// <param name="Pillars">Pillar scores (0..100) with their weights.</param>
/// <param name="Indicators">Each indicator: its value, normalised value (0..1), effective weight and contribution to the score (points).</param>
/// <param name="Flags">Warnings, e.g. volunteers-without-paid-backing, no-contact-person, no-migrant-representation, insufficient-data; an open list: new flags may appear within v1.</param>
/// <param name="Recommendations">Structures it lacks, with the score each would add and how many peers have it; best first.</param>
/// <param name="PeerGroup">Its peer group.</param>
/// <param name="Assessment">The assessment the score rests on.</param>
/// <param name="DataQuality">surveyed, illustrative or missing.</param>
/// <param name="Profile">The scoring profile.</param>
/// <param name="RunId">The run that computed it.</param>
/// <param name="TierCappedBy">The answers whose tier requirement it misses (e.g. contactPerson: `established` needs a named contact person), when they hold its tier below the one its score reaches; empty otherwise.</param>
/// <param name="TierByScore">The tier its score alone would give, when a requirement caps it.</param>
/// <param name="Priority">Handlungsbedarf: foreign residents × (1 − score/100), to sort where support matters most; null without a score or census figure (docs/scoring.md).</param>
/// <param name="Comparison">What the recommendations' peer counts compare it with: its peer group, or, for a member far from its group's centre (atypical), its 10 most similar municipalities, as GET /municipalities/{ags}/similar lists them.</param>
public sealed record ReadinessDto(
    string Ags, string Name, string DistrictKey, double? Score, ReadinessTier Tier, double Coverage,
    RankDto Rank, RankIntervalDto? RankInterval, RankIntervalsDto RankIntervals,
    IReadOnlyList<PillarDto> Pillars, IReadOnlyList<IndicatorDto> Indicators, IReadOnlyList<string> Flags,
    IReadOnlyList<RecommendationDto> Recommendations, PeerGroupRefDto? PeerGroup, AssessmentRefDto? Assessment,
    DataQualityDto DataQuality, string Profile, long RunId,
    IReadOnlyList<string>? TierCappedBy = null, ReadinessTier? TierByScore = null, double? Priority = null, ComparisonDto? Comparison = null)
{
    /// <summary>The tier in plain words, in the answer's language (German by default, English with Accept-Language: en), e.g. "im Aufbau".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TierLabel { get; init; }

    /// <summary>Each flag with a sentence a planner can read, in the order of <c>flags</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<FlagTextDto>? FlagTexts { get; init; }
}

/// <summary>Whom a municipality is compared with.</summary>
/// <param name="Basis">peer-group, or similar-municipalities for an atypical member of its group; an open list of plain strings.</param>
/// <param name="Rank">Its rank among them (1 = most ready); null when not scored.</param>
/// <param name="Of">How many are ranked among them, itself included.</param>
/// <param name="Municipalities">For similar-municipalities: their AGS, most similar first; absent for the peer group (see peerGroup).</param>
public sealed record ComparisonDto(string Basis, int? Rank, int Of, IReadOnlyList<string>? Municipalities = null)
{
    /// <summary>Whom it is compared with, in the answer's language, e.g. "die 10 ähnlichsten Gemeinden".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>A flag and what it means, in the answer's language.</summary>
/// <param name="Flag">The flag key, e.g. no-contact-person.</param>
/// <param name="Text">A sentence a planner can read.</param>
public sealed record FlagTextDto(string Flag, string Text);

/// <summary>Ranks, 1 being the most ready; with how many were ranked in each group.</summary>
/// <param name="District">Rank within the district.</param>
/// <param name="PeerGroup">Rank within the peer group.</param>
/// <param name="All">Rank among all municipalities.</param>
/// <param name="DistrictOf">How many are ranked in the district.</param>
/// <param name="PeerGroupOf">How many are ranked in the peer group.</param>
/// <param name="AllOf">How many are ranked overall.</param>
public sealed record RankDto(int? District, int? PeerGroup, int? All, int DistrictOf, int PeerGroupOf, int AllOf);

/// <summary>A rank interval from the robustness analysis.</summary>
/// <param name="Low">5th percentile rank (the best it plausibly is).</param>
/// <param name="High">95th percentile rank (the worst it plausibly is).</param>
/// <param name="Median">Median rank over the draws.</param>
public sealed record RankIntervalDto(int Low, int High, int Median);

/// <summary>Rank intervals per grouping.</summary>
/// <param name="All">Overall.</param>
/// <param name="District">Within the district.</param>
/// <param name="PeerGroup">Within the peer group.</param>
public sealed record RankIntervalsDto(RankIntervalDto? All, RankIntervalDto? District, RankIntervalDto? PeerGroup);

/// <summary>A pillar of the score.</summary>
/// <param name="Key">structures, resources or experience.</param>
/// <param name="Score">Pillar score 0..100; null when none of its indicators is answered.</param>
/// <param name="Weight">Pillar weight in the profile.</param>
public sealed record PillarDto(string Key, double? Score, double Weight)
{
    /// <summary>The pillar's name in the answer's language, e.g. "Strukturen".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>One indicator of the score.</summary>
/// <param name="Key">Indicator key, e.g. contactPerson, paidStaffFte, activeVolunteers.</param>
/// <param name="Pillar">Its pillar.</param>
/// <param name="Value">The value as scored (after the denominator, e.g. volunteers per 1,000 residents; booleans as 0/1); null when not answered.</param>
/// <param name="RawValue">The answer as given; null when not answered.</param>
/// <param name="Normalized">The value on 0..1 after normalisation.</param>
/// <param name="Weight">Effective weight of the indicator in the score (pillar weight × weight within the pillar, over the answered ones).</param>
/// <param name="Contribution">Points it adds to the score; under arithmetic aggregation the contributions add up to the score.</param>
public sealed record IndicatorDto(string Key, string Pillar, double? Value, double? RawValue, double? Normalized, double Weight, double? Contribution)
{
    /// <summary>The indicator's name in the answer's language, e.g. "Ehrenamtskoordination".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>A structure worth building.</summary>
/// <param name="Structure">Structure key, e.g. network, migrantCouncil.</param>
/// <param name="ExpectedGain">Score points it would add (computed by re-scoring with it).</param>
/// <param name="PeersHaving">How many of its comparison municipalities at a higher tier than its own have it: a part of <c>peersAtHigherTier</c>.</param>
/// <param name="PeersAtHigherTier">How many of its comparison municipalities (its peer group, or its similar municipalities when it is atypical) are at a higher tier than its own: the base of <c>peersHaving</c>.</param>
public sealed record RecommendationDto(string Structure, double? ExpectedGain, int PeersHaving, int PeersAtHigherTier)
{
    /// <summary>The structure's name in the answer's language, e.g. "Integrationsbeirat".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }

    /// <summary>The recommendation as a sentence a planner can read, numbers in the answer's language.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}

/// <summary>The assessment behind a score.</summary>
/// <param name="Id">Assessment id.</param>
/// <param name="ReferenceDate">Its reference date.</param>
/// <param name="Source">illustrative or surveyed.</param>
public sealed record AssessmentRefDto(long Id, DateOnly ReferenceDate, DataQualityDto Source);

/// <summary>A municipality in the ranking list.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="DistrictKey">District key.</param>
/// <param name="Score">Score 0..100 or null.</param>
/// <param name="Tier">Readiness tier: starting, developing, established, experienced or insufficient-data.</param>
/// <param name="Coverage">Answered share of the weight.</param>
/// <param name="Rank">Ranks.</param>
/// <param name="RankInterval">Overall rank interval.</param>
/// <param name="PeerGroup">Peer group.</param>
/// <param name="DataQuality">surveyed, illustrative or missing.</param>
/// <param name="Priority">Handlungsbedarf: foreign residents × (1 − score/100); high where many migrants live in a place that is not yet ready. Null without a score or census figure.</param>
public sealed record ReadinessSummaryDto(
    string Ags, string Name, string DistrictKey, double? Score, ReadinessTier Tier, double Coverage, RankDto Rank,
    RankIntervalDto? RankInterval, PeerGroupRefDto? PeerGroup, DataQualityDto DataQuality, double? Priority = null)
{
    /// <summary>The tier in plain words, in the answer's language.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TierLabel { get; init; }
}

/// <summary>A page of the ranking, with the run and profile it comes from.</summary>
/// <param name="Items">The municipalities of this page.</param>
/// <param name="Page">Page number.</param>
/// <param name="PageSize">Page size.</param>
/// <param name="Total">Matching municipalities.</param>
/// <param name="Profile">Profile.</param>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
/// <param name="DataQuality">surveyed, illustrative or mixed over the matching municipalities.</param>
public sealed record ReadinessPageDto(
    IReadOnlyList<ReadinessSummaryDto> Items, int Page, int PageSize, int Total, string Profile, long RunId, DataQualityDto DataQuality);
