using System.Text.Json.Serialization;
using Readiness.Scoring.Scores;

namespace Readiness.Api.Pairing;

/// <summary>A municipality in a pair.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Name">Name without the designation suffix, e.g. Andechs.</param>
/// <param name="DistrictKey">District key.</param>
/// <param name="Score">Readiness score (default profile).</param>
/// <param name="Tier">Readiness tier: starting, developing, established, experienced or insufficient-data.</param>
/// <param name="DataQuality">What its score rests on: surveyed, illustrative or missing.</param>
public sealed record PairPartyDto(string Ags, string Name, string DistrictKey, double? Score, ReadinessTier Tier, DataQualityDto DataQuality)
{
    /// <summary>The tier in plain words, in the answer's language (German by default).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TierLabel { get; init; }
}

/// <summary>The parts a pair's benefit is made of: benefit = transfer × compatibility × proximity.</summary>
/// <param name="Transfer">What can be passed on: the structure gap plus a share of the score gap.</param>
/// <param name="StructureGap">Weight share (0..1) of structures the mentor has and the mentee lacks.</param>
/// <param name="ScoreGap">Score difference (0..1).</param>
/// <param name="Compatibility">How alike their framework conditions are (1 = same peer group and close).</param>
/// <param name="Proximity">How near they are (shared-border bonus, decay with distance).</param>
/// <param name="FeatureDistance">Distance of their framework conditions in standard units.</param>
public sealed record BenefitPartsDto(double Transfer, double StructureGap, double ScoreGap, double Compatibility, double Proximity, double? FeatureDistance);

/// <summary>A structure the mentor has and the mentee lacks: what the pair would talk about.</summary>
/// <param name="Structure">Structure key.</param>
/// <param name="Weight">Its weight in the gap.</param>
/// <param name="MenteeAnswerMissing">The mentee did not answer: it may already have it.</param>
public sealed record TopicDto(string Structure, double Weight, bool MenteeAnswerMissing)
{
    /// <summary>The structure's name in the answer's language, e.g. "Ehrenamtskoordination".</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Label { get; init; }
}

/// <summary>A recommended mentor pair for good-practice transfer.</summary>
/// <param name="Mentee">The municipality starting out.</param>
/// <param name="Mentor">The experienced neighbour.</param>
/// <param name="Benefit">The pair's benefit (the optimisation maximises the sum over all pairs).</param>
/// <param name="BenefitParts">What the benefit is made of.</param>
/// <param name="DistanceKm">Distance between the centroids.</param>
/// <param name="SharesBorder">Whether they share a border.</param>
/// <param name="SamePeerGroup">Whether they are in the same peer group.</param>
/// <param name="Topics">Transfer topics, heaviest first.</param>
/// <param name="Since">The run in which this pair first appeared; pairs are kept from run to run unless a better one wins by a margin.</param>
/// <param name="Kept">Whether the pair was kept from the previous run.</param>
/// <param name="DataQuality">What the pair rests on: surveyed when both assessments are, illustrative when both are, mixed otherwise.</param>
public sealed record PairingDto(
    PairPartyDto Mentee, PairPartyDto Mentor, double Benefit, BenefitPartsDto BenefitParts, double DistanceKm,
    bool SharesBorder, bool SamePeerGroup, IReadOnlyList<TopicDto> Topics, long Since, bool Kept, DataQualityDto DataQuality);

/// <summary>Why a mentee has no mentor.</summary>
public enum UnpairedReasonDto
{
    /// <summary>No mentor within reach (border neighbour or within the distance limit, in its district).</summary>
    NoCandidate,

    /// <summary>Mentors are within reach but none has a structure it lacks.</summary>
    NoBenefit,

    /// <summary>Its candidates' places are taken by mentees where they add more in total.</summary>
    CandidatesAtCapacity,
}

/// <summary>A mentee without a mentor, and why.</summary>
/// <param name="Reason">no-candidate, no-benefit or candidates-at-capacity.</param>
/// <param name="CandidateCount">Mentors within reach.</param>
/// <param name="BestCandidate">The candidate that would have added most.</param>
/// <param name="BestCandidateBenefit">Its benefit.</param>
public sealed record UnpairedDto(UnpairedReasonDto Reason, int CandidateCount, MunicipalityRefDto? BestCandidate, double? BestCandidateBenefit)
{
    /// <summary>Why, as a sentence in the answer's language.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }
}

/// <summary>A municipality's role in the pairing.</summary>
public enum PairingRoleDto
{
    /// <summary>Starting or developing: looks for a mentor.</summary>
    Mentee,

    /// <summary>Established or experienced with a contact person: can mentor.</summary>
    Mentor,

    /// <summary>Neither (insufficient data, or established without a contact person).</summary>
    None,
}

/// <summary>A municipality's pairing: its pair as mentee, its mentees as mentor, or why it has none.</summary>
/// <param name="Ags">Amtlicher Gemeindeschlüssel, 8 digits as text, e.g. 09188117.</param>
/// <param name="Role">mentee, mentor or none.</param>
/// <param name="AsMentee">Its mentor pair, if it is a paired mentee.</param>
/// <param name="AsMentor">Its mentees, if it is a mentor.</param>
/// <param name="Unpaired">Why a mentee has no mentor.</param>
/// <param name="Explanation">A sentence a planner can read, in the answer's language (German by default, English with Accept-Language: en).</param>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
public sealed record MunicipalityPairingDto(string Ags, PairingRoleDto Role, PairingDto? AsMentee, IReadOnlyList<PairingDto> AsMentor, UnpairedDto? Unpaired, string Explanation, long RunId);

/// <summary>A candidate mentor of a mentee with its benefit parts, so a planner can overrule the recommendation.</summary>
/// <param name="Mentor">The candidate.</param>
/// <param name="Benefit">Benefit of the pair.</param>
/// <param name="BenefitParts">Its parts.</param>
/// <param name="DistanceKm">Distance.</param>
/// <param name="SharesBorder">Shared border.</param>
/// <param name="SamePeerGroup">Same peer group.</param>
/// <param name="Topics">Transfer topics.</param>
/// <param name="Chosen">Whether the optimisation chose this mentor.</param>
/// <param name="Decision">The district's current decision on this pair (agreed, active, ended, declined, pinned, forbidden); absent when none was recorded.</param>
public sealed record PairingCandidateDto(PairPartyDto Mentor, double Benefit, BenefitPartsDto BenefitParts, double DistanceKm, bool SharesBorder, bool SamePeerGroup, IReadOnlyList<TopicDto> Topics, bool Chosen, string? Decision = null);

/// <summary>Every candidate mentor of a municipality, best first.</summary>
/// <param name="Ags">AGS of the mentee.</param>
/// <param name="Role">Its role.</param>
/// <param name="Candidates">Candidates, best first; empty when it is not a mentee.</param>
/// <param name="RunId">The run the answer comes from (see GET /api/v1/runs/{id}).</param>
public sealed record PairingCandidatesDto(string Ags, PairingRoleDto Role, IReadOnlyList<PairingCandidateDto> Candidates, long RunId);
