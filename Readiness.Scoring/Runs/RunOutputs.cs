using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Scoring.Runs;

/// <summary>One profile's results, every list in the order of <see cref="RunInputs.Municipalities"/>.</summary>
/// <param name="Profile">The profile.</param>
/// <param name="Scoring">Scores and the normalisation context (for what-if).</param>
/// <param name="Robustness">Rank intervals overall and per district and peer group.</param>
/// <param name="RankAll">Rank among all scored municipalities.</param>
/// <param name="RankDistrict">Rank within the district.</param>
/// <param name="RankPeerGroup">Rank within the peer group.</param>
/// <param name="Flags">Flags per municipality.</param>
/// <param name="Recommendations">Recommendations per municipality, peers being its peer group.</param>
/// <param name="Recommender">The recommender (peer group as peers), for what-if.</param>
public sealed record ProfileResult(
    ScoringProfile Profile,
    ScoringRun Scoring,
    RobustnessResult Robustness,
    IReadOnlyList<int?> RankAll,
    IReadOnlyList<int?> RankDistrict,
    IReadOnlyList<int?> RankPeerGroup,
    IReadOnlyList<IReadOnlyList<string>> Flags,
    IReadOnlyList<IReadOnlyList<Recommendation>> Recommendations,
    Recommender Recommender)
{
    /// <summary>Priority (Handlungsbedarf) per municipality, see <see cref="Scores.Priority"/>; null without a score or census figure.</summary>
    public IReadOnlyList<double?> Priorities { get; init; } = Scores.Priority.Of(Scoring);
}

/// <summary>Everything a run produces.</summary>
public sealed record RunOutputs(
    IReadOnlyList<ProfileResult> Profiles,
    PeerGroupResult PeerGroups,
    IReadOnlyDictionary<string, int> PeerGroupOf,
    PairingResult Pairing,
    SharedServiceResult SharedServices)
{
    public ProfileResult Default => Profiles[0];
}

/// <summary>A profile's scoring and recommender on a run's inputs: what a what-if re-scores against.</summary>
public sealed record ScoringContext(ScoringRun Scoring, Recommender Recommender);
