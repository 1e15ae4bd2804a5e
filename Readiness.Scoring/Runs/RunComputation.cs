using Readiness.Scoring.Model;
using Readiness.Scoring.Pairing;
using Readiness.Scoring.PeerGroups;
using Readiness.Scoring.Scores;
using Readiness.Scoring.SharedServices;

namespace Readiness.Scoring.Runs;

/// <summary>
/// One run's computation, stage by stage: peer groups (framework conditions only), then scores,
/// ranks, flags and recommendations per profile, their robustness, then mentor pairs and
/// shared-service groups from the default profile. Pure: the same inputs give the same outputs.
/// </summary>
public static class RunComputation
{
    public const string PeerGroupStage = "peer-groups";
    public const string ScoresStage = "scores";
    public const string RobustnessStage = "robustness";
    public const string PairingStage = "pairing";
    public const string SharedServicesStage = "shared-services";

    public static RunOutputs Compute(RunInputs inputs, IStageRunner stages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(stages);
        if (inputs.Profiles.Count == 0)
        {
            throw new ArgumentException("A run needs at least the default profile.", nameof(inputs));
        }

        var municipalities = inputs.Municipalities;
        var scope = inputs.Parameters.PeerGroupState is { } state
            ? [.. municipalities.Where(m => m.StateKey == state)]
            : municipalities;

        var peerGroups = stages.Stage(PeerGroupStage,
            () => PeerGroupClustering.Compute(scope, inputs.Parameters.PeerGroups, inputs.PreviousPeerGroups),
            r => new Dictionary<string, long> { ["groups"] = r.Groups.Count, ["municipalities"] = r.Members.Count });
        var peerGroupOf = peerGroups.Members.ToDictionary(m => m.Ags, m => m.GroupId, StringComparer.Ordinal);
        cancellationToken.ThrowIfCancellationRequested();

        // An atypical member is compared with its most similar municipalities instead of its group (docs/peer-groups.md).
        var comparedWith = SimilarMunicipalities.From(scope).ForAtypical(peerGroups.Members.Select(m => (m.Ags, m.GroupId, m.Distance)));
        var profiles = new List<ProfileResult>(inputs.Profiles.Count);
        foreach (var profile in inputs.Profiles)
        {
            profiles.Add(ScoreProfile(profile, municipalities, inputs.Answers, peerGroupOf, stages, comparedWith, cancellationToken));
        }

        var pairing = stages.Stage(PairingStage,
            () => PairDecisions.Solve(
                PairingInputs(municipalities, inputs.Answers, profiles[0], peerGroupOf, scope),
                inputs.Neighbours,
                inputs.Parameters.Pairing with { StructureWeights = StructureWeights(profiles[0].Profile) },
                inputs.PreviousPairs,
                inputs.PairDecisions),
            r => new Dictionary<string, long>
            {
                ["pairs"] = r.Pairs.Count,
                ["unpaired"] = r.Unpaired.Count,
                ["startingMentees"] = r.Statistics.StartingMentees,
                ["startingPaired"] = r.Statistics.StartingPaired,
                ["crossDistrictPairs"] = r.Statistics.CrossDistrictPairs,
                // Whole numbers only: the benefit given up for need first, in millionths of benefit.
                ["needFirstPriceMillionths"] = (long)Math.Round(r.NeedFirstPrice * MentorAssignment.BenefitScale),
                ["fixedByDecision"] = PairDecisions.FixedCount(r, inputs.PairDecisions),
            });
        cancellationToken.ThrowIfCancellationRequested();

        var sharedServices = stages.Stage(SharedServicesStage,
            () => SharedServiceGrouping.Group(SharedServiceInputs(municipalities, inputs.Answers), inputs.Neighbours, inputs.Parameters.SharedServices),
            r => new Dictionary<string, long>
            {
                ["groups"] = r.Groups.Count,
                ["unassigned"] = r.Unassigned.Count,
                ["hosts"] = r.Groups.Sum(g => g.Hosts.Count),
                ["districts"] = r.Solver.Districts,
                ["districtsProvenOptimal"] = r.Solver.ProvenOptimal,
                ["districtsFellBack"] = r.Solver.FellBack.Count,
                ["areasReused"] = r.Solver.ReusedAreas,
            });

        return new RunOutputs(profiles, peerGroups, peerGroupOf, pairing, sharedServices);
    }

    /// <summary>Scores, ranks, flags, recommendations and robustness of one profile; peers are the peer group (or the district outside the clustered scope).</summary>
    public static ProfileResult ScoreProfile(
        ScoringProfile profile,
        IReadOnlyList<MunicipalityFacts> municipalities,
        IReadOnlyDictionary<string, AssessmentAnswers> answers,
        IReadOnlyDictionary<string, int> peerGroupOf,
        IStageRunner stages,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? comparedWith = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(peerGroupOf);
        ArgumentNullException.ThrowIfNull(stages);
        var inputs = municipalities.Select(m => new ScoringInput(m, answers.GetValueOrDefault(m.Ags))).ToList();
        var districtKeys = municipalities.Select(m => m.DistrictKey).ToList();
        var peerKeys = PeerKeys(municipalities, peerGroupOf);
        var stageName = profile.Name == DefaultProfile.Instance.Name ? ScoresStage : $"{ScoresStage}:{profile.Name}";
        var (run, rankAll, rankDistrict, rankPeer, flags, recommender, recommendations) = stages.Stage(stageName, () =>
        {
            var run = ReadinessScorer.Score(profile, inputs);
            var scores = run.Results.Select(r => r.Score).ToList();
            var recommender = new Recommender(run, peerKeys, ComparisonRows(municipalities, comparedWith));
            var flags = run.Results
                .Select((score, row) => ReadinessFlags.For(profile, inputs[row].Facts, inputs[row].Answers, score.Tier))
                .ToList();
            var recommendations = Enumerable.Range(0, inputs.Count).Select(recommender.For).ToList();
            return (run, Ranking.Rank(scores), Ranking.Rank(scores, districtKeys), Ranking.Rank(scores, peerKeys), flags, recommender, recommendations);
        }, r => new Dictionary<string, long>
        {
            ["scored"] = r.run.Results.Count(s => s.Score is not null),
            ["insufficientData"] = r.run.Results.Count(s => s.Score is null),
        });
        cancellationToken.ThrowIfCancellationRequested();

        var robustness = stages.Stage(
            profile.Name == DefaultProfile.Instance.Name ? RobustnessStage : $"{RobustnessStage}:{profile.Name}",
            () => RobustnessAnalysis.Run(run, [new RankGrouping("district", districtKeys), new RankGrouping("peerGroup", peerKeys)], cancellationToken),
            r => new Dictionary<string, long> { ["draws"] = r.Draws });

        return new ProfileResult(profile, run, robustness, rankAll, rankDistrict, rankPeer, flags, recommendations, recommender);
    }

    /// <summary>
    /// The scoring of one profile without ranks or robustness: enough to re-score a municipality
    /// against the others (what-if), at a fraction of <see cref="ScoreProfile"/>'s cost.
    /// </summary>
    public static ScoringContext Context(
        ScoringProfile profile,
        IReadOnlyList<MunicipalityFacts> municipalities,
        IReadOnlyDictionary<string, AssessmentAnswers> answers,
        IReadOnlyDictionary<string, int> peerGroupOf,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? comparedWith = null)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(peerGroupOf);
        var run = ReadinessScorer.Score(profile, [.. municipalities.Select(m => new ScoringInput(m, answers.GetValueOrDefault(m.Ags)))]);
        return new ScoringContext(run, new Recommender(run, PeerKeys(municipalities, peerGroupOf), ComparisonRows(municipalities, comparedWith)));
    }

    /// <summary>The compared-with municipalities as rows of the run.</summary>
    private static Dictionary<int, int[]>? ComparisonRows(IReadOnlyList<MunicipalityFacts> municipalities, IReadOnlyDictionary<string, IReadOnlyList<string>>? comparedWith)
    {
        if (comparedWith is not { Count: > 0 })
        {
            return null;
        }

        var rowOf = municipalities.Select((m, row) => (m.Ags, row)).ToDictionary(p => p.Ags, p => p.row, StringComparer.Ordinal);
        return comparedWith.Where(c => rowOf.ContainsKey(c.Key))
            .ToDictionary(c => rowOf[c.Key], c => c.Value.Where(rowOf.ContainsKey).Select(a => rowOf[a]).ToArray());
    }

    /// <summary>Peers are the peer group; outside the clustered scope, the district.</summary>
    private static List<string> PeerKeys(IReadOnlyList<MunicipalityFacts> municipalities, IReadOnlyDictionary<string, int> peerGroupOf) =>
        [.. municipalities.Select(m => peerGroupOf.TryGetValue(m.Ags, out var id) ? $"peer-group:{id}" : $"district:{m.DistrictKey}")];

    /// <summary>A structure's weight in the pairing gap is its indicator's share of the profile, as in the score.</summary>
    public static IReadOnlyDictionary<string, double> StructureWeights(ScoringProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var structure in Structures.All)
        {
            var indicatorKey = structure == Structures.PaidStaff ? IndicatorKeys.PaidStaffFte : structure;
            var indicator = profile.Indicators.FirstOrDefault(i => i.Key == indicatorKey);
            var pillar = indicator is null ? null : profile.Pillars.FirstOrDefault(p => p.Key == indicator.Pillar);
            var pillarTotal = indicator is null ? 0 : profile.Indicators.Where(i => i.Pillar == indicator.Pillar).Sum(i => i.Weight);
            weights[structure] = indicator is null || pillar is null || pillarTotal <= 0 ? 0 : pillar.Weight * indicator.Weight / pillarTotal;
        }

        // A profile that weighs no structure still lets pairs form on equal terms.
        return weights.Values.Sum() > 0 ? weights : Structures.All.ToDictionary(s => s, _ => 1.0);
    }

    internal static List<PairingMunicipality> PairingInputs(
        IReadOnlyList<Model.MunicipalityFacts> municipalities,
        IReadOnlyDictionary<string, AssessmentAnswers> answers,
        ProfileResult scores,
        Dictionary<string, int> peerGroupOf,
        IReadOnlyList<Model.MunicipalityFacts> clustered)
    {
        var features = FeatureTable.From(clustered);
        var featureOf = new Dictionary<string, double[]>(clustered.Count, StringComparer.Ordinal);
        for (var i = 0; i < clustered.Count; i++)
        {
            featureOf[clustered[i].Ags] = features.Standardised[i];
        }

        return [.. municipalities.Select((m, row) =>
        {
            var answer = answers.GetValueOrDefault(m.Ags);
            var result = scores.Scoring.Results[row];
            return new PairingMunicipality(
                m.Ags, m.Name, m.DistrictKey, m.Location,
                result.Tier,
                result.Score,
                answer?.ContactPerson,
                StructuresOf(answer),
                peerGroupOf.TryGetValue(m.Ags, out var id) ? id : null,
                featureOf.GetValueOrDefault(m.Ags) ?? [],
                scores.Flags[row],
                IsDistrictFreeCity(m));
        })];
    }

    /// <summary>A kreisfreie Stadt (Stadtkreis in Baden-Württemberg) is a district of its own.</summary>
    public static bool IsDistrictFreeCity(MunicipalityFacts municipality)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        return municipality.Kind == "kreisfreie-stadt";
    }

    internal static List<SharedServiceMunicipality> SharedServiceInputs(
        IReadOnlyList<Model.MunicipalityFacts> municipalities,
        IReadOnlyDictionary<string, AssessmentAnswers> answers) =>
        [.. municipalities.Select(m =>
        {
            var answer = answers.GetValueOrDefault(m.Ags);
            return new SharedServiceMunicipality(
                m.Ags, m.Name, m.DistrictKey, m.Location, m.Population, m.ForeignResidents, m.UnionKey,
                answer?.ContactPerson, StructuresOf(answer));
        })];

    private static Dictionary<string, bool?> StructuresOf(AssessmentAnswers? answers) =>
        Structures.All.ToDictionary(s => s, s => answers is null ? null : Structures.Has(answers, s), StringComparer.Ordinal);
}
