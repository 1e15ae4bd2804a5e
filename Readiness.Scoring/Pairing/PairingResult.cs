namespace Readiness.Scoring.Pairing;

/// <summary>
/// Why a pair is worth what it is. <c>Benefit = Transfer × Compatibility × Proximity</c>;
/// <c>Transfer = StructureGap + ScoreGapWeight × ScoreGap</c> (0 when no topic and topics are required).
/// </summary>
/// <param name="Benefit">The pair's benefit: what the optimisation adds up.</param>
/// <param name="Transfer">What the mentor can pass on: structure gap plus the weighted score gap.</param>
/// <param name="StructureGap">Weighted share (0..1) of the profile's structure weight the mentor can pass on.</param>
/// <param name="ScoreGap">Mentor score minus mentee score, /100, at least 0 (0 when a score is missing).</param>
/// <param name="Compatibility">Peer-group factor × feature-distance decay (0..1): how well practice transfers.</param>
/// <param name="Proximity">Distance decay plus shared-border bonus, capped at 1.</param>
/// <param name="FeatureDistance">Euclidean distance of the standardised feature vectors; null when either is missing.</param>
public sealed record BenefitParts(
    double Benefit,
    double Transfer,
    double StructureGap,
    double ScoreGap,
    double Compatibility,
    double Proximity,
    double? FeatureDistance);

/// <summary>A structure the mentor has and the mentee lacks (or did not answer: <paramref name="MenteeAnswerMissing"/>).</summary>
public sealed record TransferTopic(string Structure, double Weight, bool MenteeAnswerMissing);

/// <summary>
/// A mentee–mentor pair: a recommendation in <see cref="PairingResult.Pairs"/>, a possibility in
/// <see cref="PairingResult.Candidates"/>. <paramref name="WasPrevious"/>: the previous run recommended it.
/// </summary>
public sealed record MentorPair(
    string MenteeAgs,
    string MentorAgs,
    BenefitParts Parts,
    double DistanceKm,
    bool SharesBorder,
    bool SamePeerGroup,
    IReadOnlyList<TransferTopic> Topics,
    bool WasPrevious)
{
    public double Benefit => Parts.Benefit;
}

/// <summary>
/// Why a mentee has no mentor, coarsely (the wire values of the current API); <see cref="UnpairedMentee.Cause"/>
/// says it precisely. Definitions in docs/pairing.md.
/// </summary>
public enum UnpairedReason
{
    /// <summary>No candidate: no mentor within reach, or only across a district border, or none clearly ahead.</summary>
    NoCandidate,

    /// <summary>Mentors within reach, but none has anything to pass on (benefit not above the minimum).</summary>
    NoBenefit,

    /// <summary>
    /// Every candidate mentor is at capacity with mentees that each bring at least as much there; taking one
    /// of those places would lower the total. In an exact optimum this is also the only way a better use
    /// elsewhere shows: a free place would always be used.
    /// </summary>
    CandidatesAtCapacity,
}

/// <summary>A mentee without a mentor, why, and its best possibility (for a planner who wants to overrule).</summary>
/// <param name="Ags">The mentee.</param>
/// <param name="Reason">The coarse reason.</param>
/// <param name="CandidateCount">Its candidate mentors (in scope and clearly ahead).</param>
/// <param name="BestCandidateAgs">The candidate with the highest benefit, or null.</param>
/// <param name="BestCandidateBenefit">That pair's benefit.</param>
/// <param name="Cause">The precise reason, one of the mentee reasons of <see cref="PairingRoleReason"/>.</param>
public sealed record UnpairedMentee(
    string Ags,
    UnpairedReason Reason,
    int CandidateCount,
    string? BestCandidateAgs,
    double? BestCandidateBenefit,
    PairingRoleReason Cause = PairingRoleReason.CandidatesAtCapacity);

/// <summary>Sizes of the problem that was solved, and what need first cost.</summary>
public sealed record PairingStatistics(int Mentees, int Mentors, int CandidatePairs, int UsefulCandidatePairs, int KeptFromPrevious)
{
    /// <summary>Total benefit of the plan that maximises benefit alone (same candidates and hysteresis).</summary>
    public double BenefitOnlyTotal { get; init; }

    /// <summary>Starting mentees in scope.</summary>
    public int StartingMentees { get; init; }

    /// <summary>Starting mentees with a mentor.</summary>
    public int StartingPaired { get; init; }

    /// <summary>Pairs whose mentor lies in another district (a kreisfreie Stadt mentoring its surroundings, or crossing allowed).</summary>
    public int CrossDistrictPairs { get; init; }
}

/// <summary>
/// The exact assignment. <see cref="Candidates"/> holds, per mentee AGS, every mentor within reach with its
/// benefit parts, best first (benefit 0 included), for a pairing-candidates view.
/// </summary>
public sealed record PairingResult(
    IReadOnlyList<MentorPair> Pairs,
    IReadOnlyList<UnpairedMentee> Unpaired,
    IReadOnlyDictionary<string, IReadOnlyList<MentorPair>> Candidates,
    double TotalBenefit,
    PairingStatistics Statistics)
{
    /// <summary>
    /// The price of need first in total benefit: the benefit-only optimum minus the chosen plan's total
    /// (0 when need first is off or changed nothing).
    /// </summary>
    public double NeedFirstPrice => Statistics.BenefitOnlyTotal - TotalBenefit;

    /// <summary>Every municipality given to the solver, with its pairing role and the reason for it.</summary>
    public IReadOnlyDictionary<string, PairingRoleExplanation> Roles { get; init; } = new Dictionary<string, PairingRoleExplanation>();

    /// <summary>The role of a municipality and why; null when it was not in the input.</summary>
    public PairingRoleExplanation? RoleOf(string ags) => Roles.TryGetValue(ags, out var role) ? role : null;

    /// <summary>The recommended pair of a mentee, or null.</summary>
    public MentorPair? PairOf(string menteeAgs) => Pairs.FirstOrDefault(p => p.MenteeAgs == menteeAgs);

    /// <summary>Every candidate mentor of a mentee, best first; empty when it is no mentee or has none.</summary>
    public IReadOnlyList<MentorPair> CandidatesOf(string menteeAgs) =>
        Candidates.TryGetValue(menteeAgs, out var list) ? list : [];
}
