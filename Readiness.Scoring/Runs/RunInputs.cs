using Readiness.Scoring.Geo;
using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Scoring.Runs;

/// <summary>The options of a run's stages.</summary>
/// <param name="PeerGroups">k range, measure, seed of the clustering.</param>
/// <param name="PeerGroupState">Cluster only this state's municipalities (two-digit key); null for all of Germany.</param>
/// <param name="Pairing">Mentor pairing options.</param>
/// <param name="SharedServices">Shared-service grouping options.</param>
public sealed record RunParameters(
    PeerGroupOptions PeerGroups,
    string? PeerGroupState,
    PairingOptions Pairing,
    SharedServiceOptions SharedServices)
{
    public static RunParameters Default { get; } = new(new PeerGroupOptions(), null, new PairingOptions(), new SharedServiceOptions());
}

/// <summary>Everything a run computes from: one consistent snapshot.</summary>
/// <param name="Municipalities">Base data of every municipality.</param>
/// <param name="Neighbours">The neighbour relation (both directions).</param>
/// <param name="Answers">The assessment that counts, per AGS; absent where a municipality has none.</param>
/// <param name="Profiles">Profiles to score, the default first: it drives pairing and grouping.</param>
/// <param name="PreviousPeerGroups">The published run's groups, to keep their ids.</param>
/// <param name="PreviousPairs">The published run's pairs, kept unless beaten by the margin.</param>
/// <param name="Parameters">Stage options.</param>
public sealed record RunInputs(
    IReadOnlyList<MunicipalityFacts> Municipalities,
    IReadOnlyList<Neighbour> Neighbours,
    IReadOnlyDictionary<string, AssessmentAnswers> Answers,
    IReadOnlyList<ScoringProfile> Profiles,
    IReadOnlyList<PreviousPeerGroup> PreviousPeerGroups,
    IReadOnlyList<PreviousPair> PreviousPairs,
    RunParameters Parameters)
{
    /// <summary>The district's decisions on pairs: fixed pairs stand, excluded ones are never proposed (see <see cref="Pairing.PairDecisions"/>).</summary>
    public IReadOnlyList<PairConstraint> PairDecisions { get; init; } = [];
}
